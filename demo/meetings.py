"""Demo meetings: the three seed documents through the importer, and meetings entered through the services.

Idempotent: every loader first looks for what it would create.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from demo import SEEDS
from federations.models import Body, Person, Project
from meetings.anslag import services as anslag_services
from meetings.drafting import services
from meetings.importing import parse_file
from meetings.importing.services import save_parsed
from meetings.justering import services as justering
from meetings.models import AgendaItem, Meeting
from meetings.register.indexing import index_meeting

# The seeds, where they go, and the date when the document has none (estimated from its contents).
SEED_IMPORTS = [
    ("004_a3499f8a8d89a393.txt", "rar-sormland", "arbetsutskottet", None, True),
    ("002_5638efa92825ca55.txt", "skaraborg", "beredningsgrupp", datetime.date(2023, 1, 20), False),
    ("000_4bd7c7c8b1ba28e4.txt", None, "presidienatverket", datetime.date(2019, 11, 8), False),
]


def _secretary():
    return get_user_model().objects.filter(email="sekreterare@demo.finsam.se").first()


def _body(federation_slug, body_slug):
    if federation_slug:
        return Body.objects.get(federation__slug=federation_slug, slug=body_slug)
    return Body.objects.get(network__slug="stockholms-lan", slug=body_slug)


def load_seed_meetings():
    """Import the three real documents; seed 004 stays a draft so it can be taken through justering online."""
    if not SEEDS.is_dir():
        return
    for filename, federation_slug, body_slug, date, keep_as_draft in SEED_IMPORTS:
        path = SEEDS / filename
        body = _body(federation_slug, body_slug)
        if not path.exists() or Meeting.objects.filter(body=body, imported=True).exists():
            continue
        parsed = parse_file(path.read_bytes(), path.name)
        meeting = save_parsed(
            parsed, body=body, source_name=path.name, source_bytes=path.read_bytes(), date=date, keep_as_draft=True
        )
        _link_projects(meeting)
        _link_studio_ludum()
        if not keep_as_draft:
            # Approved (lagda till handlingarna) and reviewed: from now on the record is frozen and public.
            Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.APPROVED, reviewed_at=timezone.now())
            index_meeting(meeting)


def _link_projects(meeting):
    """The projects a seed's §§ concern, linked while the imported record is still a draft (a frozen record's
    links are part of it and no longer change)."""
    links = [
        ("skaraborg", "beredningsgrupp", "Ansökan Studio Ludum", "studio-ludum-skovde"),
        ("skaraborg", "beredningsgrupp", "Våld i nära relationer", "stoppa-valdet"),
        (None, "presidienatverket", "ESF-projektet MIA", "mia"),
    ]
    for federation_slug, body_slug, heading, project_slug in links:
        item = AgendaItem.objects.filter(
            meeting=meeting, meeting__body=_body(federation_slug, body_slug), heading__startswith=heading
        ).first()
        project = Project.objects.filter(slug=project_slug).first()
        if item and project:
            item.projects.add(project)
            for decision in item.decisions.all():
                decision.projects.add(project)


SKARABORG_BOARD = [
    (
        datetime.date(2022, 11, 23),
        [
            ("Budget 2023–2025", "Styrelsen beslutar att fastställa budget för 2023–2025.", "bifall", None),
            ("Verksamhetsplan 2023", "Styrelsen beslutar att anta verksamhetsplan för 2023.", "bifall", None),
            (
                "Ordförandeskap 2023–2024",
                "Styrelsen beslutar att utse ordförande och vice ordförande för 2023–2024.",
                "bifall",
                None,
            ),
            (
                "En beredningsgrupp under första halvåret 2023",
                "Styrelsen beslutar att förbundet under första halvåret 2023 testar att ha en beredningsgrupp "
                "i stället för tre, och att försöket utvärderas.",
                "bifall",
                None,
            ),
            (
                "Ansökan Studio Ludum Skövde",
                "Styrelsen beslutar att återremittera ansökan för komplettering av beskrivningen av insatsens "
                "finansiering.",
                "aterremiss",
                "studio-ludum-skovde",
            ),
        ],
    ),
    (
        datetime.date(2022, 12, 21),
        [
            (
                "ESF-ansökan och budget 2023",
                "Styrelsen beslutar att lägga informationen om beslutet om ESF-ansökan till handlingarna.",
                "handlingarna",
                None,
            ),
            (
                "Ansökningar om förberedande insatser i Götene och Tidaholm",
                "Styrelsen beslutar att bevilja ansökningarna om förberedande insatser i Götene och Tidaholm.",
                "bifall",
                None,
            ),
            (
                "Ansökan Studio Ludum Skövde",
                "Styrelsen beslutar att återremittera ansökan eftersom det fortfarande finns frågetecken kring ifall "
                "Studio Ludum varit implementerat i Skövde kommun eller ej.",
                "aterremiss",
                "studio-ludum-skovde",
            ),
        ],
    ),
]


@transaction.atomic
def load_skaraborg_board():
    """The two board meetings seed 002 reports, entered as a secretary would, then justerade on paper."""
    body = Body.objects.get(federation__slug="skaraborg", slug="styrelse")
    actor = _secretary()
    earlier = {}
    for date, items in SKARABORG_BOARD:
        if Meeting.objects.filter(body=body, date=date).exists():
            continue
        meeting = services.meeting_create(
            actor=actor, body=body, date=date, start_time=datetime.time(13), place="Skövde"
        )
        for heading, decision_text, outcome, project_slug in items:
            if heading in earlier:
                item = services.item_continue(actor=actor, earlier_item=earlier[heading], meeting=meeting)
            else:
                item = services.item_add(actor=actor, meeting=meeting, heading=heading, kind=AgendaItem.Kind.DECISION)
            earlier[heading] = item
            project = Project.objects.filter(slug=project_slug).first() if project_slug else None
            if project:
                item.projects.add(project)
            services.decision_save(
                actor=actor, item=item, text=decision_text, outcome=outcome, projects=[project] if project else None
            )
        Meeting.objects.filter(pk=meeting.pk).update(
            status=Meeting.Status.JUSTERAT, signed_on_paper=True, reviewed_at=timezone.now()
        )
        index_meeting(meeting)


def _link_studio_ludum():
    """The beredningsgrupp took the matter up again in January 2023, after the board's December återremiss."""
    january = AgendaItem.objects.filter(
        meeting__body__federation__slug="skaraborg",
        meeting__body__slug="beredningsgrupp",
        meeting__status=Meeting.Status.DRAFT,
        heading__startswith="Ansökan Studio",
    ).first()
    december = AgendaItem.objects.filter(
        meeting__body__federation__slug="skaraborg",
        meeting__body__slug="styrelse",
        meeting__date=datetime.date(2022, 12, 21),
        heading__startswith="Ansökan Studio",
    ).first()
    if january and december and january.continues_id is None:
        january.continues = december
        january.save(update_fields=["continues"])


@transaction.atomic
def load_draft_for_the_secretary():
    """A coming board meeting of RAR i Sörmland for the demo secretary to work on."""
    body = Body.objects.get(federation__slug="rar-sormland", slug="styrelse")
    date = timezone.localdate() + datetime.timedelta(days=14)
    if Meeting.objects.filter(body=body, date__gte=timezone.localdate(), imported=False).exists():
        return
    actor = _secretary()
    meeting = services.meeting_create(
        actor=actor,
        body=body,
        date=date,
        start_time=datetime.time(9),
        end_time=datetime.time(12),
        place="Förbundets kansli, Eskilstuna",
        chair=Person.objects.get(name="Marie Svensson"),
        secretary=Person.objects.get(name="Ann Lundqvist"),
    )
    meeting.justerare.add(Person.objects.get(name="Britta Bergström"))
    for heading in ("Ekonomisk uppföljning", "Verksamhetsplan och budget 2027", "Information från förbundschefen"):
        services.item_add(actor=actor, meeting=meeting, heading=heading)
    first = meeting.items.order_by("position").first()
    services.item_save_text(
        actor=actor,
        item_id=first.pk,
        heading=first.heading,
        text="<p>Ordföranden Marie Svensson öppnade mötet och hälsade alla välkomna.</p>",
        base_version=first.version,
    )


LOADERS = [load_skaraborg_board, load_seed_meetings, load_draft_for_the_secretary]


def load_justerat_demo():
    """Seed 004's arbetsutskott protocol the whole way: sent, signed by its three signers, rendered, sealed,
    posted on the notice board and reviewed, with its PDF downloadable."""

    meeting = Meeting.objects.filter(body__federation__slug="rar-sormland", body__slug="arbetsutskottet").first()
    if meeting is None or meeting.status != Meeting.Status.DRAFT:
        return
    users = {u.person.name: u for u in get_user_model().objects.filter(person__isnull=False).select_related("person")}
    secretary = users.get("Ann Lundqvist")
    # Justerat online now, as the demo shows justering: the secretary's choice for a record of 2016, confirmed.
    justering.protocol_send_for_justering(
        actor=secretary, meeting=meeting, deadline=meeting.date + datetime.timedelta(days=14), late_confirmed=True
    )
    revision = justering.current_revision(meeting)
    for signature in revision.signatures.select_related("person"):
        signer = users.get(signature.person.name)
        if signer is not None:
            justering.protocol_sign(actor=signer, meeting=meeting, revision_number=revision.number, method="password")
    meeting.refresh_from_db()
    if meeting.is_frozen:
        anslag_services.personal_data_review(actor=secretary, meeting=meeting)


LOADERS.append(load_justerat_demo)

STANDARD_ITEM_TEXTS = {
    "Mötets öppnande": "<p>Ordföranden Marie Svensson öppnade mötet och hälsade alla välkomna.</p>",
    "Val av justerare": "<p>Britta Bergström utsågs att jämte ordföranden justera dagens protokoll.</p>",
    "Godkännande av dagordningen": "<p>Dagordningen godkändes.</p>",
    "Föregående protokoll": "<p>Föregående protokoll lades till handlingarna.</p>",
}
WAITING_ITEMS = [
    (
        "Delårsrapport januari–augusti 2026",
        "<p>Förbundschefen redovisade delårsrapporten. Insatserna har haft 212 deltagare, varav 118 kvinnor. "
        "Ekonomin följer budget.</p>",
        "Styrelsen beslutar att godkänna delårsrapporten för januari–augusti 2026.",
    ),
    (
        "Sammanträdesplan 2027",
        "<p>Förslaget har fyra styrelsemöten och två möten med medlemssamrådet.</p>",
        "Styrelsen beslutar att fastställa sammanträdesplanen för 2027 och att ge förbundschefen i uppdrag att "
        "bjuda in medlemmarna till samråd.",
    ),
]


@transaction.atomic
def load_protocol_waiting_for_signatures():
    """Last week's board meeting of RAR i Sörmland, sent for justering: the secretary has signed, the chair
    (ordforande@) and the justerare (justerare@) have it waiting on their start pages."""

    body = Body.objects.get(federation__slug="rar-sormland", slug="styrelse")
    today = timezone.localdate()
    if Meeting.objects.filter(body=body, date__lt=today, imported=False).exists():
        return
    users = {u.person.name: u for u in get_user_model().objects.filter(person__isnull=False).select_related("person")}
    secretary = users.get("Ann Lundqvist")
    meeting = services.meeting_create(
        actor=secretary,
        body=body,
        date=today - datetime.timedelta(days=7),
        start_time=datetime.time(9),
        end_time=datetime.time(11, 30),
        place="Förbundets kansli, Eskilstuna",
        chair=Person.objects.get(name="Marie Svensson"),
        secretary=Person.objects.get(name="Ann Lundqvist"),
    )
    meeting.justerare.add(Person.objects.get(name="Britta Bergström"))
    for item in meeting.items.all():
        text = STANDARD_ITEM_TEXTS.get(item.heading)
        if text:
            services.item_save_text(
                actor=secretary, item_id=item.pk, heading=item.heading, text=text, base_version=item.version
            )
    for heading, text, decision_text in WAITING_ITEMS:
        item = services.item_add(actor=secretary, meeting=meeting, heading=heading, kind=AgendaItem.Kind.DECISION)
        services.item_save_text(actor=secretary, item_id=item.pk, heading=heading, text=text, base_version=item.version)
        decision = services.decision_save(actor=secretary, item=item, text=decision_text, outcome="bifall")
    services.assignment_create(
        actor=secretary,
        item=item,
        decision=decision,
        what="Bjuda in medlemmarna till samråd enligt sammanträdesplanen 2027.",
        owner=Person.objects.filter(name="Ola Wiktorson").first(),
        due=today + datetime.timedelta(days=60),
    )
    justering.protocol_send_for_justering(actor=secretary, meeting=meeting)
    revision = justering.current_revision(meeting)
    justering.protocol_sign(actor=secretary, meeting=meeting, revision_number=revision.number, method="password")


LOADERS.insert(LOADERS.index(load_draft_for_the_secretary), load_protocol_waiting_for_signatures)
