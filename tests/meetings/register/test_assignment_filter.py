"""The assignments overview's federation filter: only the user's own federations."""

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
