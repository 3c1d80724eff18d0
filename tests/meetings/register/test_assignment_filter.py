"""The assignments overview: its federation filter (only the user's own federations) and its order."""

import datetime

from meetings.drafting import services
from tests.meetings.factories import plan_meeting


def test_a_federation_the_user_has_no_role_in_is_not_found_rather_than_an_empty_overview(client_for, cast):
    """Before, the page listed no assignment at all under the filter "Alla", as if the user's bodies had none."""
    meeting = plan_meeting(cast, date=datetime.date(2026, 1, 1))
    services.assignment_create(
        actor=None, item=meeting.items.get(number=3), what="Utreda kartläggning", owner=cast.secretary
    )
    client = client_for("member")
    own = client.get("/uppdrag/", {"forbund": cast.federation.slug})
    assert own.status_code == 200 and "Utreda kartläggning" in own.content.decode()
    assert client.get("/uppdrag/", {"forbund": cast.other_federation.slug}).status_code == 404
    assert client.get("/uppdrag/", {"forbund": "finns-inte"}).status_code == 404
    assert "Utreda kartläggning" in client.get("/uppdrag/", {"forbund": ""}).content.decode()
    outsider = client_for("outsider").get("/uppdrag/", {"forbund": cast.federation.slug})
    assert outsider.status_code == 404


def test_open_assignments_come_soonest_due_first_and_undated_last_on_every_database(client_for, cast):
    """SQLite sorts NULL first: an assignment without a date came before the one due next month, and on the start
    page ten undated ones pushed every dated one out of sight."""
    meeting = plan_meeting(cast, date=datetime.date(2026, 1, 1))
    item = meeting.items.get(number=3)
    dues = {
        "Kartlägga odaterat": None,
        "Kartlägga senare": datetime.date(2099, 6, 1),
        "Kartlägga snart": datetime.date(2099, 1, 1),
    }
    for what, due in dues.items():
        services.assignment_create(actor=None, item=item, what=what, owner=cast.secretary, due=due)
    html = client_for("member").get("/uppdrag/").content.decode()
    assert html.index("Kartlägga snart") < html.index("Kartlägga senare") < html.index("Kartlägga odaterat")
    home = client_for("secretary").get("/").context["my_assignments"]
    assert [assignment.what for assignment in home] == ["Kartlägga snart", "Kartlägga senare", "Kartlägga odaterat"]
