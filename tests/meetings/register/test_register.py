"""The decision register: visibility, filters, search (Swedish stemming on PostgreSQL), exports, query counts."""

import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from federations.models import Project
from meetings.anslag import services as anslag_services
from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import Meeting, RegisterEntry, RegisterTerm
from meetings.register import search
from meetings.register import views as register_views
from tests.conftest import TESTS_DAY, on_the_tests_day, skip_unless
from tests.meetings.factories import justera, plan_meeting, ready_to_send, sign_all

pytestmark = on_the_tests_day


def frozen_meeting(cast, *, date, decisions, public=True, body=None, project=None, case_numbers=None):
    """A meeting with the given decisions [(heading, text, outcome, method)], justerat through the services (indexed
    then) and, if public, reviewed for publication."""
    meeting = plan_meeting(cast, date=date, body=body or cast.board)
    for heading, text, outcome, method in decisions:
        case_number = (case_numbers or {}).get(heading, "")
        item = services.item_add(actor=None, meeting=meeting, heading=heading, kind="beslut", case_number=case_number)
        services.item_save_text(actor=None, item_id=item.pk, heading=heading, text=f"<p>{text}</p>", base_version=1)
        # counts that agree with the outcome (a bifall won more ja, an avslag more nej)
        votes = {"votes_yes": 2, "votes_no": 0} if method == "votering" else {}
        if method == "votering" and outcome == "avslag":
            votes = {"votes_yes": 0, "votes_no": 2}
        services.decision_save(
            actor=None,
            item=item,
            text=text,
            outcome=outcome,
            method=method,
            projects=[project] if project else None,
            **votes,
        )
    justera(cast, meeting)
    if public:
        anslag_services.personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    return meeting


def headings(response):
    return [row.heading for row in response.context["rows"]]


def test_the_public_sees_only_published_decisions_newest_first(client_for, history):
    response = client_for(None).get("/beslut/")
    assert headings(response) == ["Budget 2023–2025", "Ansökan Studio Ludum", "Tillkommande Finsam-medel"]
    assert response.context["count"] == 3


def test_a_member_also_sees_unpublished_justerade_decisions_of_their_federation(client_for, history):
    assert "Intern fråga" in headings(client_for("member").get("/beslut/"))
    assert "Intern fråga" not in headings(client_for("outsider").get("/beslut/"))


def test_drafts_never_appear(client_for, history):
    assert not RegisterEntry.objects.filter(meeting__status=Meeting.Status.DRAFT).exists()
    assert "Ett utkast till beslut." not in client_for("secretary").get("/beslut/").content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("utfall=aterremiss", ["Ansökan Studio Ludum"]),
        ("form=votering", ["Ansökan Studio Ludum"]),
        ("ar=2016", ["Tillkommande Finsam-medel"]),
        ("fran=2020-01-01&till=2022-12-31", ["Budget 2023–2025", "Ansökan Studio Ludum"]),
        ("projekt=studio-ludum&utfall=bifall", ["Budget 2023–2025"]),
        ("forbund=annat", []),
        ("forbund=test&organ=styrelse&ar=2022", ["Budget 2023–2025", "Ansökan Studio Ludum"]),
    ],
)
def test_filters_combine_and_live_in_the_url(client_for, history, query, expected):
    assert headings(client_for(None).get(f"/beslut/?{query}")) == expected


def test_a_date_range_typed_backwards_keeps_both_dates_and_says_so(client_for, history):
    response = client_for(None).get("/beslut/?fran=2022-12-31&till=2020-01-01")
    assert headings(response) == ["Budget 2023–2025", "Ansökan Studio Ludum"]
    html = response.content.decode()
    assert "Datumen har bytt plats" in html
    assert (
        'name="fran" id="id_fran" value="2020-01-01"' in html and 'name="till" id="id_till" value="2022-12-31"' in html
    )


@pytest.mark.parametrize("page", [2, 999])
def test_a_page_number_past_the_last_page_shows_the_last_page_and_says_so(client_for, history, page):
    response = client_for(None).get("/beslut/", {"sida": page})
    html = response.content.decode()
    assert headings(response) == ["Budget 2023–2025", "Ansökan Studio Ludum", "Tillkommande Finsam-medel"]
    assert f"Det finns ingen sida {page}. Sista sidan visas." in html and "3 träffar." in html
    assert "Inga beslut matchar sökningen." not in html and "som längst" not in html


def test_stop_words_alone_say_so_and_nothing_else(client_for, history):
    html = client_for(None).get("/beslut/", {"q": "att"}).content.decode()
    assert "för vanliga för att söka på" in html
    assert "träffar" not in html and "Inga beslut matchar sökningen." not in html


def test_a_search_that_finds_nothing_says_so_once(client_for, history):
    html = client_for(None).get("/beslut/", {"q": "zyxxyz"}).content.decode()
    assert html.count("Inga beslut matchar sökningen.") == 1 and "0 träffar" not in html


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("fran=2022-13-45", "Filtret ”Från” kunde inte läsas."),
        ("ar=abc", "Filtret ”År” kunde inte läsas."),
        ("forbund=finns-ej&ar=2022", "Filtret ”Förbund eller nätverk” kunde inte läsas."),
        ("fran=2022-13-45&ar=abc", "Filtren ”År”, ”Från” kunde inte läsas."),
    ],
)
def test_an_invalid_filter_is_named_and_nothing_is_listed_until_it_is_put_right(client_for, history, query, named):
    client = client_for(None)
    response = client.get(f"/beslut/?{query}")
    html = response.content.decode()
    assert headings(response) == [] and named in html
    assert "träffar" not in html and "Inga beslut matchar sökningen." not in html
    export = client.get(f"/beslut/export.csv?{query}")  # not the whole register: back to the page that says why
    assert export.status_code == 302 and export["Location"] == f"/beslut/?{query}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Studio Ludum", ["Ansökan Studio Ludum"]),
        ("kartläggning", ["Tillkommande Finsam-medel"]),
        ("ansökan", ["Ansökan Studio Ludum"]),
    ],
)
def test_search_finds_headings_and_decision_texts(client_for, history, query, expected):
    response = client_for(None).get("/beslut/", {"q": query})
    assert headings(response) == expected
    assert "<mark>" in response.content.decode()


def test_search_folds_swedish_capitals_on_both_databases(client_for, cast):
    """SQLite's own LIKE folds only ASCII: "översyn" must still find "ÖVERSYN" and "Översyn"."""
    frozen_meeting(
        cast,
        date=datetime.date(2024, 5, 6),
        decisions=[("ÖVERSYN AV SAMVERKAN", "Ärendet läggs till handlingarna.", "bifall", "acklamation")],
    )
    assert headings(client_for(None).get("/beslut/", {"q": "översyn"})) == ["ÖVERSYN AV SAMVERKAN"]
    assert headings(client_for(None).get("/beslut/", {"q": "ärendet"})) == ["ÖVERSYN AV SAMVERKAN"]


def test_a_table_in_the_text_is_indexed_with_its_cells_apart(client_for, cast):
    """A budget pasted from Excel: its figures are words of their own ("2028"), not "Insats20272028"."""
    meeting = plan_meeting(cast, date=datetime.date(2024, 5, 6))
    item = services.item_add(actor=None, meeting=meeting, heading="Budget för insatser", kind="beslut")
    table = (
        "<table><tr><td>Insats</td><td>2027</td><td>2028</td></tr>"
        "<tr><td>MIA vidare</td><td>1 200 000</td><td>800 000</td></tr></table>"
    )
    services.item_save_text(actor=None, item_id=item.pk, heading=item.heading, text=table, base_version=1)
    services.decision_save(actor=None, item=item, text="Budgeten fastställs.", outcome="bifall", method="")
    justera(cast, meeting)
    anslag_services.personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    entry = RegisterEntry.objects.get(item=item)
    assert entry.item_text == "Insats | 2027 | 2028\nMIA vidare | 1 200 000 | 800 000"
    for query in ("2027", "2028", "1 200 000", "800 000"):  # "Insats20272028", "1 200 000800 000" before
        assert headings(client_for(None).get("/beslut/", {"q": query})) == ["Budget för insatser"], query


def test_the_scan_search_treats_like_wildcards_as_text(cast):
    frozen_meeting(cast, date=datetime.date(2024, 5, 6), decisions=[("Ram 100 procent", "Text.", "bifall", "")])
    entries = RegisterEntry.objects.all()
    assert search.scan_search(entries, "100").count() == 1
    assert search.scan_search(entries, "1_0").count() == 0


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("beslutade", ["Budget 2023–2025", "Ansökan Studio Ludum"]),  # beslutade, beslutar -> beslut
        ("kartläggningen", ["Tillkommande Finsam-medel"]),  # -> kartläggning (Snowball)
        ("ansökningarna", ["Ansökan Studio Ludum"]),  # -> ansökan (the domain's word forms)
        ("budg", ["Budget 2023–2025"]),  # prefix
    ],
)
def test_swedish_stemming_on_postgresql(client_for, history, query, expected):
    skip_unless(connection.vendor == "postgresql", "Swedish full-text search runs on PostgreSQL")
    assert headings(client_for(None).get("/beslut/", {"q": query})) == expected


@pytest.fixture
def outcomes(cast):
    """Decisions whose text does not name their outcome, and one whose text names another outcome than its own."""
    frozen_meeting(
        cast,
        date=datetime.date(2023, 1, 20),
        decisions=[
            ("Studio Ludum", "Gruppen röstade: 4 ja, 9 nej och 7 avstod.", "avslag", "votering"),
            ("Ansökan om medel", "Ärendet tas upp igen när underlaget är komplett.", "aterremiss", "acklamation"),
            ("Lokalfrågan", "Ärendet tas upp vid nästa sammanträde.", "bordlaggning", "acklamation"),
            ("Verksamhetsplan", "Enligt förslaget.", "bifall", "acklamation"),
            ("Projektet Unga vuxna", "Efter två återremisser avslutas ärendet.", "avslag", "acklamation"),
        ],
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("avslag", {"Studio Ludum", "Projektet Unga vuxna"}),
        ("avslog", {"Studio Ludum", "Projektet Unga vuxna"}),
        ("avslogs", {"Studio Ludum", "Projektet Unga vuxna"}),
        ("avslås", {"Studio Ludum", "Projektet Unga vuxna"}),
        ("återremiss", {"Ansökan om medel", "Projektet Unga vuxna"}),  # the outcome, and a text that names it
        ("återremitteras", {"Ansökan om medel"}),
        ("bordlagt", {"Lokalfrågan"}),
        ("bordläggs", {"Lokalfrågan"}),
        ("bordläggning", {"Lokalfrågan"}),
        ("bifölls", {"Verksamhetsplan"}),
        ("avslag Ludum", {"Studio Ludum"}),
        # the labels the English interface shows in the rows and the outcome filter
        ("rejected", {"Studio Ludum", "Projektet Unga vuxna"}),
        ("referred back", {"Ansökan om medel"}),
        ("tabled", {"Lokalfrågan"}),
    ],
)
def test_a_search_finds_a_decision_by_the_words_of_its_outcome(client_for, outcomes, query, expected):
    response = client_for(None).get("/beslut/", {"q": query})
    assert set(headings(response)) == expected
    assert response.context["count"] == len(expected)


def test_a_word_typed_with_a_for_a_ring_gets_a_suggestion(client_for, outcomes):
    response = client_for(None).get("/beslut/", {"q": "aterremiss"})
    assert response.context["count"] == 0 and response.context["suggestion"] == "återremiss"
    assert client_for(None).get("/beslut/", {"q": "arendet"}).context["suggestion"] == "ärendet"


def test_a_misspelt_word_gets_a_suggestion_from_the_indexed_terms(client_for, history):
    response = client_for(None).get("/beslut/", {"q": "Ludumm"})
    assert response.context["suggestion"] == "ludum"


def test_a_misspelt_word_among_several_gets_a_suggestion_that_keeps_the_filters(client_for, history):
    """Only a search of one word got "Menade du …?"; "studo ludum" answered "Inga beslut" alone. The suggestion's
    link kept only the words: a chair's federation and years were lost by following it."""
    response = client_for(None).get("/beslut/", {"q": "studo ludum", "forbund": "test", "fran": "2020-01-01"})
    assert response.context["count"] == 0 and response.context["suggestion"] == "studio ludum"
    assert 'href="?forbund=test&amp;fran=2020-01-01&amp;q=studio%20ludum"' in response.content.decode()
    assert client_for(None).get("/beslut/", {"q": "budget ludum"}).context["suggestion"] is None  # never meet


def test_a_suggestion_keeps_the_paragraph_and_the_day_typed_beside_the_words(client_for, history):
    """ "studo ludum § 6" was offered "studio ludum", which lost the §."""
    response = client_for(None).get("/beslut/", {"q": "studo ludum § 6 23 november 2022"})
    assert 'q=studio%20ludum%20%C2%A7%206%2023%20november%202022">studio ludum § 6 23 november 2022</a>' in (
        response.content.decode()
    )


def test_a_suggestion_comes_only_from_what_the_user_may_see(cast, client_for, history):
    frozen_meeting(
        cast,
        date=datetime.date(2023, 4, 1),
        public=False,
        decisions=[("Sekretessbelagd upphandling", "Styrelsen beslutar att avbryta.", "bifall", "acklamation")],
    )
    assert client_for(None).get("/beslut/", {"q": "upphandlingg"}).context["suggestion"] is None
    assert client_for("outsider").get("/beslut/", {"q": "upphandlingg"}).context["suggestion"] is None
    assert client_for("member").get("/beslut/", {"q": "upphandlingg"}).context["suggestion"] == "upphandling"


def grow(cast, n):
    for i in range(n):
        frozen_meeting(
            cast,
            date=datetime.date(2010, 1, 1) + datetime.timedelta(days=30 * i),
            decisions=[(f"Ärende {i}", f"Styrelsen beslutar att bifalla ansökan {i}.", "bifall", "acklamation")],
        )


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize("query", ["", "?q=ansökan&utfall=bifall"])
def test_the_register_runs_a_fixed_number_of_queries(client_for, cast, django_assert_num_queries, size, query):
    grow(cast, size)
    client = client_for("member")
    # session, user, person, staff roles, mandates (roles); filter choices: networks, federations and projects in
    # one query (the person filter is a typed name: nobody listed); the page of entries with bodies, meetings, items and
    # decisions; the projects of the page's §§ and decisions (one query); the page's meetings with whether they are
    # appealed and their running appeal periods (one query); the capped count (exact up to the cap, no planner's
    # estimate) or, with a search, the term counts that choose the plan and the matching ids from the word index;
    # on PostgreSQL with a search, setting and resetting the scan methods around those ids. Snippets are marked in
    # Python: no query.
    postgres = connection.vendor == "postgresql"
    with django_assert_num_queries(10 + bool(query) + 2 * (postgres and bool(query))):
        assert client.get(f"/beslut/{query}").status_code == 200


def test_the_project_page_shows_the_timeline(client_for, history):
    html = client_for(None).get("/projekt/studio-ludum/").content.decode()
    assert "Ärendets gång" in html and "Ansökan Studio Ludum" in html and "Återremiss" in html


def test_the_assignments_overview(client_for, cast):
    meeting = plan_meeting(cast, date=datetime.date(2026, 1, 1))
    item = meeting.items.get(number=3)
    services.assignment_create(
        actor=None, item=item, what="Utreda kartläggning", owner=cast.secretary, due=datetime.date(2026, 2, 1)
    )
    html = client_for("member").get("/uppdrag/").content.decode()
    assert "Försenade (1)" in html and "Utreda kartläggning" in html
    assert client_for(None).get("/uppdrag/").status_code == 302
    assert "Utreda kartläggning" not in client_for("outsider").get("/uppdrag/").content.decode()


def a_matter_over_meetings(cast, project, n):
    """A project's matter referred back at n meetings in a row, each § continuing the one before; all public."""
    earlier = None
    for i in range(n):
        meeting = plan_meeting(cast, date=datetime.date(2024, 1, 1) + datetime.timedelta(days=30 * i))
        if earlier is None:
            item = services.item_add(actor=None, meeting=meeting, heading="Ansökan Studio Ludum", kind="beslut")
            item.projects.set([project])
        else:
            item = services.item_continue(actor=None, earlier_item=earlier, meeting=meeting)
        services.decision_save(
            actor=None, item=item, text=f"Styrelsen återremitterar ({i}).", outcome="aterremiss", projects=[project]
        )
        justera(cast, meeting)
        anslag_services.personal_data_review(actor=cast.user("secretary"), meeting=meeting)
        earlier = item


@pytest.mark.parametrize("size", [1, 6])
def test_the_project_page_with_its_timeline_runs_a_fixed_number_of_queries(cast, django_assert_num_queries, size):
    project = Project.objects.create(name="Studio Ludum", slug="studio-ludum", kind="esf", owner=cast.federation)
    a_matter_over_meetings(cast, project, size)
    # the public has no session or user; project with owner and lead; participants; results; the timeline's
    # entries with bodies, owners and the § each continues with its meeting; the §§ that continue them, with
    # their meetings; the linked §§ without an entry (none here, so nothing to prefetch for them)
    with django_assert_num_queries(6):
        html = Client().get("/projekt/studio-ludum/").content.decode()
    assert html.count("Styrelsen återremitterar") == size
    assert html.count("Togs upp igen") == html.count("Återkommer från") == size - 1


def a_linked_paragraph(cast, project, *, date, heading, public=True, justerat=True):
    """A meeting whose § without a decision (an information item) is linked to the project; justerat (and, if
    public, reviewed) through the services, or left a draft."""
    meeting = plan_meeting(cast, date=date)
    item = services.item_add(actor=None, meeting=meeting, heading=heading, kind="information")
    services.item_save_text(
        actor=None, item_id=item.pk, heading=heading, text="<p>62 % av kvinnorna svarade.</p>", base_version=1
    )
    item.projects.set([project])
    if justerat:
        justera(cast, meeting)
    if justerat and public:
        anslag_services.personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    return meeting


def test_the_project_page_shows_a_linked_paragraph_without_a_decision(client_for, cast):
    project = Project.objects.create(name="Stoppa våldet", slug="stoppa-valdet", kind="esf", owner=cast.federation)
    a_linked_paragraph(cast, project, date=datetime.date(2023, 1, 20), heading="Våld i nära relationer")
    html = client_for(None).get("/projekt/stoppa-valdet/").content.decode()
    assert "Våld i nära relationer" in html and "62 % av kvinnorna svarade." in html
    assert "Inga paragrafer eller beslut" not in html


def test_a_linked_paragraph_is_shown_on_the_registers_terms_and_never_from_a_draft(client_for, cast):
    project = Project.objects.create(name="Stoppa våldet", slug="stoppa-valdet", kind="esf", owner=cast.federation)
    a_linked_paragraph(cast, project, date=datetime.date(2023, 1, 20), heading="Justerat men ej granskat", public=False)
    a_linked_paragraph(cast, project, date=datetime.date(2023, 2, 20), heading="Ett utkast", justerat=False)
    assert "Justerat men ej granskat" in client_for("member").get("/projekt/stoppa-valdet/").content.decode()
    for viewer in (None, "outsider"):
        assert "Justerat men ej granskat" not in client_for(viewer).get("/projekt/stoppa-valdet/").content.decode()
    for viewer in (None, "outsider", "member", "secretary"):
        assert "Ett utkast" not in client_for(viewer).get("/projekt/stoppa-valdet/").content.decode()


def test_the_timeline_shows_a_paragraph_with_a_decision_once_and_in_date_order(client_for, cast, history):
    a_linked_paragraph(cast, history, date=datetime.date(2023, 1, 20), heading="Information om Studio Ludum")
    timeline = client_for(None).get("/projekt/studio-ludum/").context["sections"][0].context["timeline"]
    assert [entry.heading for entry in timeline] == [
        "Budget 2023–2025",
        "Ansökan Studio Ludum",
        "Information om Studio Ludum",
    ]


@pytest.mark.parametrize("size", [1, 6])
def test_a_timeline_with_paragraphs_without_decisions_runs_a_fixed_number_of_queries(
    cast, django_assert_num_queries, size
):
    project = Project.objects.create(name="Studio Ludum", slug="studio-ludum", kind="esf", owner=cast.federation)
    a_matter_over_meetings(cast, project, size)
    for i in range(size):
        a_linked_paragraph(
            cast, project, date=datetime.date(2023, 1, 1) + datetime.timedelta(days=7 * i), heading=f"Lägesrapport {i}"
        )
    # the public has no session or user; project with owner and lead; participants; results; the timeline's
    # entries with bodies, owners and the § each continues with its meeting; the §§ that continue them, with
    # their meetings; the linked §§ without an entry, with their meetings, bodies, owners and the § each continues;
    # the §§ that continue those
    with django_assert_num_queries(7):
        html = Client().get("/projekt/studio-ludum/").content.decode()
    assert html.count("Styrelsen återremitterar") == html.count("Lägesrapport") == size


def assignments_of_a_meeting(cast, i):
    """An overdue assignment with an owner in the register, an open one by name, one done at a later meeting."""
    meeting = plan_meeting(cast, date=datetime.date(2025, 1, 1) + datetime.timedelta(days=14 * i))
    item = meeting.items.get(number=3)
    services.assignment_create(actor=None, item=item, what=f"Utreda {i}", owner=cast.secretary, due=meeting.date)
    services.assignment_create(actor=None, item=item, what=f"Kartlägga {i}", owner_name="Ola Extern")
    done = services.assignment_create(actor=None, item=item, what=f"Rapportera {i}", owner=cast.member)
    later = plan_meeting(cast, date=meeting.date + datetime.timedelta(days=7))
    services.assignment_follow_up(actor=None, assignment=done, item=later.items.get(number=3), done=True)


@pytest.mark.parametrize("size", [1, 6])
def test_the_assignments_overview_runs_a_fixed_number_of_queries(client_for, cast, django_assert_num_queries, size):
    for i in range(size):
        assignments_of_a_meeting(cast, i)
    client = client_for("member")
    # session, user, person, staff roles, mandates (roles); assignments with owners, meetings, bodies, owners of
    # the bodies and the § that closed them with its meeting; the federations of the filter
    with django_assert_num_queries(7):
        response = client.get("/uppdrag/")
    groups = response.context["groups"]
    assert [len(groups[key]) for key in ("overdue", "open", "done")] == [size, size, size]


def test_justering_puts_the_decisions_in_the_register(cast, django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = ready_to_send(cast)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    assert not RegisterEntry.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        sign_all(cast, meeting)
    entry = RegisterEntry.objects.get()
    assert entry.decision_text == "Styrelsen beslutar att godkänna." and not entry.is_public
    meeting.refresh_from_db()
    anslag_services.personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    assert RegisterEntry.objects.get().is_public


def test_two_common_words_that_never_meet_say_none_not_many(client_for, history, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", 1)  # both words are "common": more entries each than the cap
    response = client_for(None).get("/beslut/", {"q": "budget ansökan"})
    html = response.content.decode()
    assert headings(response) == [] and response.context["count"] == 0
    assert "Många träffar" not in html


def test_common_words_that_meet_only_past_the_walks_window_are_found_in_the_word_index(cast, client_for, monkeypatch):
    """Words common each but rare together are walked through the date index only WALK_WINDOW entries deep; past it
    the word index intersects them and says how many there are, never "many" beside a page of none."""
    for date, texts in (
        (datetime.date(2024, 5, 1), ["Styrelsen beslutar att bevilja ansökan.", "Styrelsen beslutar att bevilja."]),
        (datetime.date(2023, 5, 1), ["Styrelsen beslutar att återremittera för komplettering.", "Komplettering."]),
        (datetime.date(2010, 5, 1), ["Styrelsen beslutar att återremittera och sedan bevilja."]),
    ):
        frozen_meeting(
            cast, date=date, decisions=[(f"Ärende {i}", text, "bifall", "acklamation") for i, text in enumerate(texts)]
        )
    monkeypatch.setattr(search, "COUNT_CAP", 1)  # every word here is "common"
    monkeypatch.setattr(search, "PROBE_LIMIT", 1)  # and too common to try the word index first on a guess
    monkeypatch.setattr(search, "WALK_WINDOW", 2)  # the walk reads the newest two entries at most
    client = client_for(None)
    read_from_the_index = []
    matching_keys = search._matching_keys
    monkeypatch.setattr(search, "_matching_keys", lambda qs: read_from_the_index.append(1) or matching_keys(qs))
    response = client.get("/beslut/", {"q": "återremittera bevilja"})
    assert read_from_the_index  # the walk stopped at its window; the word index found the match past it
    assert [row.decision_text for row in response.context["rows"]] == [
        "Styrelsen beslutar att återremittera och sedan bevilja."
    ]
    assert response.context["count"] == 1 and not response.context["capped"]
    response = client.get("/beslut/", {"q": "komplettering bevilja"})  # never together
    html = response.content.decode()
    assert headings(response) == [] and response.context["count"] == 0
    assert "Många träffar" not in html and "Inga beslut matchar sökningen." in html
    # Within the window the walk fills its page: newest first, not counted.
    monkeypatch.setattr(register_views, "PAGE_SIZE", 1)
    response = client.get("/beslut/", {"q": "styrelsen bevilja"})
    assert headings(response) == ["Ärende 0"] and response.context["count"] is None
    # More matches than the cap past the window: "över 1", the page still in the register's order.
    frozen_meeting(
        cast,
        date=datetime.date(2009, 5, 1),
        decisions=[("Äldst", "Att återremittera, sedan bevilja.", "bifall", "acklamation")],
    )
    monkeypatch.setattr(register_views, "PAGE_SIZE", 25)
    response = client.get("/beslut/", {"q": "återremittera bevilja"})
    assert headings(response) == ["Ärende 0", "Äldst"]
    assert response.context["capped"] and "Över 1 träffar." in response.content.decode()
    response = client.get("/beslut/", {"q": "återremittera bevilja", "sista": "1"})  # read from the other end
    assert headings(response) == ["Ärende 0", "Äldst"]


def test_a_page_by_number_walks_a_window_for_each_page_up_to_it(cast, client_for, monkeypatch):
    """Words that fill a first page within the walk's window fill the n-th within n windows: a page number typed
    into the address is walked too, not read from every match in the word index."""
    for day in range(1, 6):
        frozen_meeting(
            cast,
            date=datetime.date(2024, 5, day),
            decisions=[(f"Ärende {day}", "Styrelsen beslutar att bevilja ansökan.", "bifall", "acklamation")],
        )
    monkeypatch.setattr(search, "COUNT_CAP", 1)
    monkeypatch.setattr(search, "PROBE_LIMIT", 1)
    monkeypatch.setattr(search, "WALK_WINDOW", 2)  # a page of one row and the next one's first: two entries
    monkeypatch.setattr(register_views, "PAGE_SIZE", 1)
    read_from_the_index = []
    matching_keys = search._matching_keys
    monkeypatch.setattr(search, "_matching_keys", lambda qs: read_from_the_index.append(1) or matching_keys(qs))
    client = client_for(None)
    for page, heading in ((1, "Ärende 5"), (2, "Ärende 4"), (3, "Ärende 3"), (4, "Ärende 2")):
        response = client.get("/beslut/", {"q": "bevilja", "sida": page})
        assert headings(response) == [heading]
    assert not read_from_the_index


def test_words_with_more_matches_than_the_cap_are_read_newest_first_with_a_true_count(client_for, history, monkeypatch):
    response = client_for(None).get("/beslut/", {"q": "styrelsen beslutar"})
    assert headings(response) == ["Budget 2023–2025", "Ansökan Studio Ludum"]  # under the cap: counted exactly
    assert response.context["count"] == 2 and not response.context["capped"]
    monkeypatch.setattr(search, "COUNT_CAP", 1)
    # The term counts say more than the cap: newest first through the date index, and no number claimed while
    # there is a next page; a first page that holds them all is their count.
    response = client_for(None).get("/beslut/", {"q": "styrelsen beslutar"})
    assert headings(response) == ["Budget 2023–2025", "Ansökan Studio Ludum"]
    assert response.context["count"] == 2 and not response.context["capped"]
    monkeypatch.setattr(register_views, "PAGE_SIZE", 1)
    response = client_for(None).get("/beslut/", {"q": "styrelsen beslutar"})
    assert headings(response) == ["Budget 2023–2025"]
    assert response.context["count"] is None and not response.context["capped"]
    assert "Många träffar – de nyaste visas först." in response.content.decode()
    monkeypatch.setattr(register_views, "PAGE_SIZE", 25)
    # Counts that fall short (a term without a count is taken as rare): the word index is read up to the cap and
    # finds more, so "över 1" is said because two rows were really read, and the page is read newest first.
    RegisterTerm.objects.update(entries=0)
    response = client_for(None).get("/beslut/", {"q": "styrelsen beslutar"})
    assert headings(response) == ["Budget 2023–2025", "Ansökan Studio Ludum"]
    assert response.context["count"] == 2 and response.context["capped"]
    assert "Över 1 träffar." in response.content.decode()  # the template states the real cap


def test_the_register_marks_decisions_that_are_not_final_yet(client_for, cast, time_machine):
    today = timezone.localdate()

    def justerat_on(day, heading, text):
        """Held, justerat, posted and reviewed on `day`: the clock goes there for it, and comes back."""
        time_machine.move_to(datetime.datetime.combine(day, datetime.time(15, 0), tzinfo=TESTS_DAY.tzinfo))
        meeting = frozen_meeting(cast, date=day, decisions=[(heading, text, "bifall", "acklamation")])
        time_machine.move_to(TESTS_DAY)
        return meeting

    justerat_on(today, "Budget", "Styrelsen beslutar att anta budgeten.")  # its appeal period runs
    appealed = justerat_on(today - datetime.timedelta(days=60), "Lokaler", "Styrelsen beslutar att hyra.")
    justerat_on(today - datetime.timedelta(days=90), "Plan", "Styrelsen beslutar att anta planen.")  # final
    anslag_services.appeal_add(
        actor=cast.user("secretary"),
        meeting=appealed,
        paragraphs="§ 5",
        received_on=appealed.date + datetime.timedelta(days=10),
    )
    html = client_for(None).get("/beslut/").content.decode()
    assert html.count("Kan överklagas t.o.m.") == 1 and html.count("Överklagat") == 1


def test_headings_of_minnesanteckningar_are_no_decisions(cast):
    meeting = plan_meeting(cast, date=datetime.date(2025, 5, 5), record_kind="minnesanteckningar")
    for heading, kind in [("Välkommen", "information"), ("Dialogfika i grupper", "ovrigt"), ("Budget", "beslut")]:
        services.item_add(actor=None, meeting=meeting, heading=heading, kind=kind)
    decided = services.item_add(actor=None, meeting=meeting, heading="Verksamhetsplan", kind="information")
    services.decision_save(actor=None, item=decided, text="Gruppen beslutar att anta planen.")
    justering.notes_approve(actor=None, meeting=meeting)
    assert sorted(RegisterEntry.objects.values_list("heading", flat=True)) == ["Budget", "Verksamhetsplan"]


def test_the_person_filter_offers_and_finds_someone_who_only_reserved_themselves(client_for, cast, history):
    meeting = plan_meeting(cast, date=datetime.date(2025, 6, 1))
    item = services.item_add(actor=None, meeting=meeting, heading="Upphandling", kind="beslut")
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att upphandla.")
    attendance = meeting.attendances.get(person=cast.member)
    services.attendance_save(actor=None, meeting=meeting, attendance=attendance, status="narvarande")
    services.reservation_set(actor=None, decision=decision, attendance=attendance, reason="För dyrt.")
    justera(cast, meeting)
    anslag_services.personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    client = client_for("secretary")
    first, *_rest, last = cast.member.name.split()
    for typed in (cast.member.name, last.upper(), f"{last.lower()} {first}", str(cast.member.pk)):
        assert headings(client.get("/beslut/", {"person": typed})) == ["Upphandling"], typed
    assert headings(client.get("/beslut/", {"person": "Ingen Sådan"})) == []


def test_a_projects_status_follows_its_latest_decision(cast):
    project = Project.objects.create(name="Studio Ludum", slug="studio-ludum", kind="esf", owner=cast.federation)
    decisions = [("Ansökan Studio Ludum", "Styrelsen återremitterar ansökan.", "aterremiss", "acklamation")]
    frozen_meeting(cast, date=datetime.date(2024, 1, 10), project=project, decisions=decisions)
    project.refresh_from_db()
    assert project.status == Project.Status.REFERRED_BACK
    decisions = [("Ansökan Studio Ludum", "Styrelsen avslår ansökan.", "avslag", "acklamation")]
    frozen_meeting(cast, date=datetime.date(2024, 3, 10), project=project, decisions=decisions)
    project.refresh_from_db()
    assert project.status == Project.Status.REJECTED


@pytest.mark.parametrize("query", ["-1", "a-", "--", "-1 budget", "budget -"])
def test_a_query_of_stray_hyphens_is_searched_without_an_error(client_for, history, query):
    # On PostgreSQL "-1" once became the tsquery "( <-> 1)", a syntax error (a 500).
    response = client_for(None).get("/beslut/", {"q": query})
    assert response.status_code == 200


def test_the_person_filter_finds_only_records_the_user_may_see_and_lists_no_one(client_for, cast):
    meeting = plan_meeting(cast, body=cast.other_board, date=datetime.date(2025, 6, 1))
    item = services.item_add(actor=None, meeting=meeting, heading="Intern fråga", kind="beslut")
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att utreda.")
    services.assignment_create(actor=None, item=item, what="Utreda", owner=cast.outsider, decision=decision)
    justera(cast, meeting)  # justerat, not yet published
    response = client_for("member").get("/beslut/", {"person": cast.outsider.name})
    assert headings(response) == [] and cast.outsider.name not in response.content.decode().replace(
        f'value="{cast.outsider.name}"', ""
    )
    assert headings(client_for("outsider").get("/beslut/", {"person": cast.outsider.name})) == ["Intern fråga"]
    assert "person" not in client_for(None).get("/beslut/").context["form"].fields  # signed in only


def test_reindex_register_writes_the_terms_and_their_counts_afresh(client_for, cast):
    from django.core.management import call_command

    grow(cast, 2)
    expected = dict(RegisterEntry.objects.values_list("pk", "heading_terms"))
    RegisterEntry.objects.update(heading_terms="", text_terms="")  # as if an older analyser had written them
    RegisterTerm.objects.update(entries=0)
    call_command("reindex_register", stdout=io.StringIO())
    assert dict(RegisterEntry.objects.values_list("pk", "heading_terms")) == expected
    assert RegisterTerm.objects.get(term="ansökan").entries == 2
    assert RegisterTerm.objects.get(term=RegisterTerm.ENTRIES).entries == 2
    assert headings(client_for(None).get("/beslut/", {"q": "bifalla"})) == ["Ärende 1", "Ärende 0"]


def test_the_filter_lists_federations_in_swedish_order_on_both_databases(client_for, cast):
    from federations.models import Federation

    for name in ("Östra", "Zeta", "Ärla", "Ale"):
        Federation.objects.create(name=f"{name} samordningsförbund", short_name=name, slug=name.lower())
    names = [label for _slug, label in client_for(None).get("/beslut/").context["form"].fields["forbund"].choices]
    ours = [name.split()[0] for name in names if name.endswith(" samordningsförbund")]
    assert ours == ["Ale", "Zeta", "Ärla", "Östra"]


def test_an_unknown_federation_or_project_is_an_error_on_the_form_and_lists_nothing(client_for, history):
    """Not the whole register, as if the filter had been read: the filter is named until it is put right."""
    for query, label in (({"forbund": "finns-inte"}, "Förbund eller nätverk"), ({"projekt": "<script>"}, "Projekt")):
        response = client_for(None).get("/beslut/", query)
        assert response.status_code == 200 and headings(response) == []
        html = response.content.decode()
        assert "Välj ett giltigt alternativ" in html and f"Filtret ”{label}” kunde inte läsas." in html
        assert "<script>" not in html


@pytest.fixture
def numbered(cast):
    """One public meeting of 2022 with three §§, the second with a diarienummer."""
    return frozen_meeting(
        cast,
        date=datetime.date(2022, 11, 23),
        decisions=[
            ("Val av justerare", "Att justera protokollet väljs Maja.", "bifall", "acklamation"),
            ("Budget för insatser", "Styrelsen fastställer budgeten.", "bifall", "acklamation"),
            ("Verksamhetsplan", "Styrelsen antar planen.", "bifall", "acklamation"),
        ],
        case_numbers={"Budget för insatser": "SF 2022/015"},
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("§ 6", ["Budget för insatser"]),  # before: "Sökningen har inget ord att söka på"
        ("§6", ["Budget för insatser"]),
        ("§§ 6-7", ["Budget för insatser", "Verksamhetsplan"]),
        ("budget § 6", ["Budget för insatser"]),
        ("budget § 7", []),
    ],
)
def test_a_paragraph_typed_into_the_search_finds_that_paragraph(client_for, numbered, query, expected):
    # The meeting's §§ 1-4 are the opening items, which hold no decision: the three decisions are §§ 5-7.
    assert list(RegisterEntry.objects.order_by("number").values_list("number", flat=True)) == [5, 6, 7]
    response = client_for(None).get("/beslut/", {"q": query})
    assert headings(response) == expected
    assert not response.context["no_words"]


def test_the_year_and_the_diarienummer_of_a_decision_are_searched(client_for, numbered):
    """A chair looking back types the year with a word ("budget 2022"), or the diarienummer; neither was in the text."""
    assert headings(client_for(None).get("/beslut/", {"q": "budget 2022"})) == ["Budget för insatser"]
    assert headings(client_for(None).get("/beslut/", {"q": "budget 2023"})) == []
    assert headings(client_for(None).get("/beslut/", {"q": "2022/015"})) == ["Budget för insatser"]
    assert headings(client_for(None).get("/beslut/", {"q": "SF 2022/015"})) == ["Budget för insatser"]


THAT_DAY = {"Val av justerare", "Budget för insatser", "Verksamhetsplan", "Budget 2023–2025", "Ansökan Studio Ludum"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("2022-11-23", THAT_DAY),
        ("23 november 2022", THAT_DAY),
        ("budget 2022-11-23", {"Budget för insatser", "Budget 2023–2025"}),
        ("23 nov. 2022 § 6", {"Budget för insatser", "Ansökan Studio Ludum"}),
        ("§ 7 den 23 november 2022", {"Verksamhetsplan"}),
        ("2016-02-04", {"Tillkommande Finsam-medel"}),
    ],
)
def test_a_day_typed_into_the_search_finds_the_decisions_of_that_day(client_for, numbered, history, query, expected):
    """The numbers 2022, 11 and 23 were looked for in the text, and nothing was found."""
    assert set(headings(client_for(None).get("/beslut/", {"q": query}))) == expected


def test_a_day_that_is_none_is_searched_as_its_numbers(client_for, numbered):
    response = client_for(None).get("/beslut/", {"q": "2022-13-45"})
    assert response.status_code == 200 and headings(response) == []
