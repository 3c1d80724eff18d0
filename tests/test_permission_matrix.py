"""Every URL of the portal × every persona × GET and POST, against a table of what each may do.

The URLs come from the URL configuration itself: a URL added without a row here fails the test, so nobody adds a
page without saying who may reach it. Each request runs in a savepoint that is rolled back, so a delete or a send
by one request does not change what the next one sees.

Outcomes: "ok" (2xx, or a redirect that is not to sign-in), "login" (redirect to sign-in), "reauth" (redirect to
re-authenticate), 403, 404, 405.
"""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from federations.models import Mandate, MemberOrganisation, Membership, Person, Project, StaffRole
from meetings.drafting import services
from meetings.models import (
    Assignment,
    Attendance,
    DecisionRecipient,
    ItemRevision,
    Meeting,
    Recusal,
    Reservation,
    Vote,
)
from tests.meetings.factories import ready_to_send

PERSONAS = [None, "outsider", "member", "chair", "secretary", "coordinator"]
OUT_OF_SCOPE = ("admin", "account_", "mfa_", "set_language", "javascript-catalog")


class Rollback(Exception):
    pass


def url_names():
    """Every named URL of the portal's own apps, with its namespace."""

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if not name.startswith(OUT_OF_SCOPE):
                    yield name, pattern.pattern.converters.keys() if hasattr(pattern.pattern, "converters") else ()

    return dict(walk(get_resolver().url_patterns))


# Shorthands for a row: the outcome for each persona, in the order of PERSONAS.
def row(*outcomes):
    assert len(outcomes) == len(PERSONAS)
    return dict(zip(PERSONAS, outcomes, strict=True))


OPEN = row("ok", "ok", "ok", "ok", "ok", "ok")
NO_POST = row(405, 405, 405, 405, 405, 405)
SIGNED_IN = row("login", "ok", "ok", "ok", "ok", "ok")
SIGNED_IN_NO_POST = row("login", 405, 405, 405, 405, 405)
DRAFT_READ = row(404, 404, "ok", "ok", "ok", "ok")
DRAFT_READ_LOGIN = row("login", 404, "ok", "ok", "ok", "ok")
DRAFT_WRITE = row("login", 404, 403, 403, "ok", 403)
DRAFT_WRITE_ANON_404 = row(404, 404, 403, 403, "ok", 403)
SIGN = row("login", 404, "ok", "ok", "ok", 403)
SIGN_REAUTH = row("login", 404, "reauth", "reauth", "reauth", 403)
REGISTER_WRITE = row("login", 404, 403, 403, "ok", 403)
ADMIN_ONLY = row("login", 404, 403, 403, 403, 403)
NOT_FOUND_HERE = row(404, 404, 404, 404, 404, 404)
NOT_FOUND_SIGNED_IN = row("login", 404, 404, 404, 404, 404)
# The rows a form names are looked up in the meeting: an empty POST names none, so even the secretary gets 404.
DRAFT_WRITE_NAMED_ROW = row("login", 404, 403, 403, 404, 403)

# name: (GET, POST). The world: a draft protocol of the board of the federation "test", § 3 with a decision,
# attendance, an assignment, an attachment and a saved revision; the member is its justerare.
EXPECTED = {
    "home": (OPEN, NO_POST),
    "healthz": (OPEN, NO_POST),
    "favicon": (OPEN, OPEN),
    "federations:federation_list": (OPEN, NO_POST),
    "federations:federation_detail": (OPEN, NO_POST),
    "federations:register_edit": (REGISTER_WRITE, SIGNED_IN_NO_POST),
    "federations:mandate_create": (REGISTER_WRITE, REGISTER_WRITE),
    "federations:mandate_end": (REGISTER_WRITE, REGISTER_WRITE),
    "federations:person_create": (REGISTER_WRITE, REGISTER_WRITE),
    "federations:person_edit": (REGISTER_WRITE, REGISTER_WRITE),
    "federations:membership_create": (REGISTER_WRITE, REGISTER_WRITE),
    "federations:membership_end": (SIGNED_IN_NO_POST, REGISTER_WRITE),
    "federations:roster_import": (REGISTER_WRITE, REGISTER_WRITE),
    # The federation's signing methods, sealing certificate and signers' identity numbers: its administrator's only.
    "federations:signing_settings": (ADMIN_ONLY, ADMIN_ONLY),
    "federations:seal_upload": (SIGNED_IN_NO_POST, ADMIN_ONLY),
    "federations:seal_remove": (SIGNED_IN_NO_POST, ADMIN_ONLY),
    "federations:identity_enter": (ADMIN_ONLY, ADMIN_ONLY),
    "federations:eid_link": (SIGNED_IN, SIGNED_IN),
    "federations:project_list": (OPEN, NO_POST),
    "federations:project_detail": (OPEN, NO_POST),
    "federations:person_detail": (OPEN, NO_POST),
    "meetings:import_upload": (row("login", 403, 403, 403, "ok", 403), row("login", 403, 403, 403, "ok", 403)),
    "meetings:import_review": (NOT_FOUND_SIGNED_IN, NOT_FOUND_SIGNED_IN),
    "meetings:import_discard": (SIGNED_IN_NO_POST, NOT_FOUND_SIGNED_IN),
    # An upload being read and its documents: like a pending import, its uploader's and the federation's
    # secretaries' only (tests/meetings/importing/test_bulk.py); none exists here, so 404 to everyone signed in.
    "meetings:import_batch": (NOT_FOUND_SIGNED_IN, SIGNED_IN_NO_POST),
    "meetings:import_document_retry": (SIGNED_IN_NO_POST, NOT_FOUND_SIGNED_IN),
    "meetings:import_document_discard": (SIGNED_IN_NO_POST, NOT_FOUND_SIGNED_IN),
    "meetings:import_original": (NOT_FOUND_SIGNED_IN, SIGNED_IN_NO_POST),
    "meetings:imported_record_file": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:meeting_list": (SIGNED_IN, SIGNED_IN_NO_POST),
    "meetings:meeting_create": (row("login", 403, 403, 403, "ok", 403), row("login", 403, 403, 403, "ok", 403)),
    "meetings:meeting_detail": (DRAFT_READ, NO_POST),
    "meetings:meeting_edit": (DRAFT_WRITE, DRAFT_WRITE),
    "meetings:kallelse_send": (DRAFT_WRITE, DRAFT_WRITE),
    "meetings:meeting_ics": (DRAFT_READ, NO_POST),
    "meetings:kallelse_pdf": (DRAFT_READ_LOGIN, SIGNED_IN_NO_POST),
    "meetings:attendance": (DRAFT_READ_LOGIN, DRAFT_WRITE),
    "meetings:attendance_edit": (DRAFT_WRITE, DRAFT_WRITE),
    "meetings:attendance_serve": (SIGNED_IN_NO_POST, DRAFT_WRITE_NAMED_ROW),
    "meetings:attendance_refresh": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    # Anmäl förhinder: every reader of the draft reaches it; only those called (the member, the chair) succeed,
    # the others get the service's refusal as a message on the same page.
    "meetings:absence_report": (DRAFT_READ_LOGIN, DRAFT_READ_LOGIN),
    "meetings:attachment_add": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:attachment_download": (DRAFT_READ, NO_POST),
    "meetings:item_add": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:item_save_text": (NO_POST, row(401, 404, 403, 403, "ok", 403)),  # JSON: 401, not a redirect
    "meetings:item_move": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:item_delete": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:item_details": (DRAFT_WRITE, DRAFT_WRITE),
    "meetings:item_history": (DRAFT_READ_LOGIN, SIGNED_IN_NO_POST),
    "meetings:item_restore": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:recusal": (SIGNED_IN_NO_POST, DRAFT_WRITE_NAMED_ROW),
    "meetings:decision_add": (DRAFT_WRITE, DRAFT_WRITE),
    "meetings:decision_edit": (DRAFT_WRITE, DRAFT_WRITE),
    "meetings:decision_reservation": (SIGNED_IN_NO_POST, DRAFT_WRITE_NAMED_ROW),
    "meetings:decision_votes": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:decision_delete": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:assignment_add": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:assignment_follow_up": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:item_attachment_add": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:justering": (DRAFT_READ, NO_POST),
    "meetings:preview": (DRAFT_READ, NO_POST),
    "meetings:preview_pdf": (DRAFT_READ, NO_POST),
    "meetings:justering_send": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:justering_reopen": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:justering_send_back": (SIGNED_IN_NO_POST, SIGN),
    "meetings:justering_sign": (SIGN_REAUTH, SIGN_REAUTH),  # the right first, then re-authentication
    # E-legitimation: the signer is sent to the provider (without one chosen, back with a message); the provider
    # sends everyone back to one address, which answers with a message when the request is unknown.
    "meetings:justering_sign_eid": (SIGNED_IN_NO_POST, SIGN),
    "meetings:eid_return": (SIGNED_IN, SIGNED_IN_NO_POST),
    "meetings:justering_send_extract": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:extract_pdf": (NOT_FOUND_HERE, NO_POST),
    "meetings:justering_document": (DRAFT_READ, NO_POST),
    "meetings:justering_retry": (SIGNED_IN_NO_POST, row("login", 404, 403, 403, 404, 403)),
    "meetings:justering_comment": (SIGNED_IN_NO_POST, SIGN),
    "meetings:correction_add": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:notes_approve": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:protocol_pdf": (NOT_FOUND_HERE, NO_POST),
    "meetings:justering_review": (SIGNED_IN_NO_POST, DRAFT_WRITE),
    "meetings:appeal_add": (DRAFT_WRITE, DRAFT_WRITE),
    "meetings:anslagstavla": (OPEN, NO_POST),
    "meetings:verify": (OPEN, OPEN),
    "meetings:decision_list": (OPEN, NO_POST),
    # A POST starts an export in the background (for a visitor too, by their session): its page is the asker's.
    "meetings:decision_export_csv": (OPEN, OPEN),
    "meetings:decision_export_xlsx": (OPEN, OPEN),
    # No such export: 404 to everyone (only its asker ever reaches one; tests/meetings/register/test_export_jobs.py).
    "meetings:decision_export_job": (NOT_FOUND_HERE, NO_POST),
    "meetings:decision_export_download": (NOT_FOUND_HERE, NO_POST),
    "meetings:assignments": (SIGNED_IN, SIGNED_IN_NO_POST),
    # Open data: public for everyone, read-only. The world's meeting is a draft, so its objects are not found.
    "meetings:opendata_system": (OPEN, NO_POST),
    "meetings:opendata_openapi": (OPEN, NO_POST),
    "meetings:opendata_body_list": (OPEN, NO_POST),
    "meetings:opendata_body": (OPEN, NO_POST),
    "meetings:opendata_organization_list": (OPEN, NO_POST),
    "meetings:opendata_person_list": (OPEN, NO_POST),
    "meetings:opendata_membership_list": (OPEN, NO_POST),
    "meetings:opendata_meeting_list": (OPEN, NO_POST),
    "meetings:opendata_agendaitem_list": (OPEN, NO_POST),
    "meetings:opendata_file_list": (OPEN, NO_POST),
    "meetings:opendata_paper_list": (OPEN, NO_POST),
    "meetings:opendata_term_list": (OPEN, NO_POST),
    "meetings:opendata_term": (OPEN, NO_POST),
    "meetings:opendata_organization": (OPEN, NO_POST),
    "meetings:opendata_member_organization": (OPEN, NO_POST),
    "meetings:opendata_person": (OPEN, NO_POST),
    "meetings:opendata_membership": (OPEN, NO_POST),
    "meetings:opendata_meeting": (NOT_FOUND_HERE, NO_POST),
    "meetings:opendata_agendaitem": (NOT_FOUND_HERE, NO_POST),
    "meetings:opendata_file": (NOT_FOUND_HERE, NO_POST),
    "meetings:opendata_anslag_feed": (OPEN, NO_POST),
    "meetings:opendata_federation_anslag_feed": (OPEN, NO_POST),
    "meetings:opendata_embed": (OPEN, NO_POST),
    # The installation's status: staff and superusers only (none of the personas is either).
    "meetings:operations_status": (row("login", 403, 403, 403, 403, 403), NO_POST),
    "meetings:opendata_federation_decision_feed": (OPEN, NO_POST),
    "meetings:opendata_body_decision_feed": (OPEN, NO_POST),
    "meetings:opendata_body_calendar": (OPEN, NO_POST),
    "meetings:opendata_project_decision_feed": (OPEN, NO_POST),
}


@pytest.fixture
def world(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    services.item_save_text(
        actor=None, item_id=item.pk, heading=item.heading, text="<p>Text.</p>", base_version=item.version
    )
    assignment = services.assignment_create(actor=None, item=item, what="Utreda", owner=cast.chair)
    upload = SimpleUploadedFile("bilaga.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    attachment = services.attachment_add(actor=None, meeting=meeting, upload=upload, item=item)
    project = Project.objects.create(name="MIA", slug="mia", kind="forberedande", owner=cast.federation)
    values = {
        "pk": meeting.pk,
        "item_pk": item.pk,
        "decision_pk": item.decisions.get().pk,
        "attendance_pk": Attendance.objects.filter(meeting=meeting).first().pk,
        "attachment_pk": attachment.pk,
        "assignment_pk": assignment.pk,
        "revision_pk": ItemRevision.objects.filter(item=item).first().pk,
        "number": 1,
    }
    special = {
        "federations:project_detail": {"slug": project.slug},
        # No pending import exists: its lookup answers 404 to everyone (only its uploader and the federation's
        # secretaries ever see one; tests/meetings/importing/test_portal.py covers those).
        "meetings:import_review": {"pk": 999999},
        "meetings:import_discard": {"pk": 999999},
        "meetings:import_batch": {"pk": 999999},
        "meetings:import_document_retry": {"pk": 999999},
        "meetings:import_document_discard": {"pk": 999999},
        "meetings:import_original": {"pk": 999999},
        "meetings:decision_export_job": {"token": "00000000-0000-4000-8000-000000000000"},
        "meetings:decision_export_download": {"token": "00000000-0000-4000-8000-000000000000"},
        "federations:person_detail": {"pk": cast.member.pk},
        "federations:person_edit": {"slug": cast.federation.slug, "pk": cast.member.pk},
        "federations:mandate_end": {
            "slug": cast.federation.slug,
            "pk": Mandate.objects.filter(person=cast.chair).get().pk,
        },
        "federations:membership_end": {
            "slug": cast.federation.slug,
            "pk": Membership.objects.filter(federation=cast.federation).first().pk,
        },
        "meetings:opendata_term": {"slug": cast.federation.slug, "year": 2023},
        "meetings:opendata_organization": {"pk": cast.board.pk},
        "meetings:opendata_member_organization": {"slug": cast.kommun.slug},
        "meetings:opendata_person": {"pk": cast.chair.pk},
        "meetings:opendata_membership": {"pk": Mandate.objects.filter(person=cast.chair).get().pk},
        "meetings:opendata_body_decision_feed": {"slug": cast.federation.slug, "body": cast.board.slug},
        "meetings:opendata_body_calendar": {"slug": cast.federation.slug, "body": cast.board.slug},
        "meetings:opendata_project_decision_feed": {"slug": project.slug},
    }

    def url(name, params):
        kwargs = special.get(name) or {p: (cast.federation.slug if p == "slug" else values[p]) for p in params}
        return reverse(name, kwargs=kwargs)

    return url


def outcome(response):
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if location.startswith("/accounts/login/"):
            return "login"
        if location.startswith(("/accounts/reauthenticate/", "/accounts/2fa/reauthenticate/")):
            return "reauth"
        return "ok"
    if response.status_code < 300 or response.status_code == 400:
        return "ok"  # reached the view: a 400 is the view refusing the (empty) input, not the user
    return response.status_code


def test_every_url_has_a_row():
    names = url_names()
    assert sorted(set(names) - set(EXPECTED)) == [], "a URL without a row in the permission matrix"
    assert sorted(set(EXPECTED) - set(names)) == [], "a row for a URL that no longer exists"


# The secretary and administrator of another federation: staff rights everywhere in their own federation, none in
# this one. They reach what the member of another federation reaches, except the pages that need staff rights
# somewhere and name no object of this federation (planning a meeting, importing into their own bodies).
FOREIGN_STAFF_REACHES = {
    "meetings:import_upload": ("ok", "ok"),
    "meetings:meeting_create": ("ok", "ok"),
}


def expected_outcomes(name, persona):
    if persona == "foreign_staff":
        outsider = tuple(expected["outsider"] for expected in EXPECTED[name])
        return FOREIGN_STAFF_REACHES.get(name, outsider)
    return tuple(expected[persona] for expected in EXPECTED[name])


@pytest.fixture
def foreign_staff(cast):
    """A person who is both secretary and administrator of the other federation (and nothing in this one)."""
    user = get_user_model().objects.create_user(username="foreign@example.se", email="foreign@example.se")
    person = Person.objects.create(name="Frida Främmande", user=user, email=user.email)
    for role in (StaffRole.Role.SECRETARY, StaffRole.Role.ADMIN):
        StaffRole.objects.create(person=person, role=role, federation=cast.other_federation)
    cast.users["foreign_staff"] = user
    return user


@pytest.mark.parametrize("persona", [*PERSONAS, "foreign_staff"], ids=lambda p: p or "public")
def test_each_persona_reaches_exactly_what_it_may(client_for, world, foreign_staff, persona):
    client = client_for(persona)
    wrong = []
    for name, params in sorted(url_names().items()):
        url = world(name, params)
        for method, expected in zip(("GET", "POST"), expected_outcomes(name, persona), strict=True):
            try:
                with transaction.atomic():
                    response = client.get(url) if method == "GET" else client.post(url, {})
                    raise Rollback
            except Rollback:
                pass
            got = outcome(response)
            if got != expected:
                wrong.append(f"{method} {name} ({url}): {got}, expected {expected}")
    assert wrong == [], "\n".join(wrong)


# The ids a URL names inside a meeting (or a federation) besides the meeting (or the federation) itself.
INNER_IDS = ("item_pk", "decision_pk", "attendance_pk", "attachment_pk", "assignment_pk", "revision_pk")
INNER_FEDERATION_IDS = {
    "federations:person_edit": "person",
    "federations:identity_enter": "person",
    "federations:mandate_end": "mandate",
    "federations:membership_end": "membership",
}


@pytest.fixture
def foreign(cast, settings, tmp_path):
    """The same objects in a draft of the other federation's board: a §, its decision, an attendance row, an
    assignment, an attachment, a revision; and that federation's person, mandate and membership."""
    settings.MEDIA_ROOT = tmp_path
    meeting = services.meeting_create(actor=None, body=cast.other_board, date=datetime.date(2026, 3, 1))
    item = meeting.items.get(number=3)
    services.item_save_text(actor=None, item_id=item.pk, heading=item.heading, text="<p>X</p>", base_version=1)
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att avslå.")
    upload = SimpleUploadedFile("annat.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    return SimpleNamespace(
        meeting=meeting,
        item_pk=item.pk,
        decision_pk=decision.pk,
        attendance_pk=Attendance.objects.filter(meeting=meeting).first().pk,
        attachment_pk=services.attachment_add(actor=None, meeting=meeting, upload=upload, item=item).pk,
        assignment_pk=services.assignment_create(actor=None, item=item, what="Utreda", owner=cast.outsider).pk,
        revision_pk=ItemRevision.objects.filter(item=item).first().pk,
        person=cast.outsider.pk,
        mandate=Mandate.objects.get(person=cast.outsider).pk,
        membership=Membership.objects.create(federation=cast.other_federation, organisation=cast.fk).pk,
        body=cast.other_board.pk,
        federation=cast.other_federation.pk,
        organisation=_organisation_of_the_other_federation_only(cast).pk,
    )


def _organisation_of_the_other_federation_only(cast):
    organisation = MemberOrganisation.objects.create(name="Annanby kommun", slug="annanby", kind="kommun")
    Membership.objects.create(federation=cast.other_federation, organisation=organisation)
    return organisation


def inner_id_urls(world, foreign):
    """Each URL of this federation's meeting (or register) with one inner id swapped for the other federation's,
    beside the URL with its own ids."""
    for name, params in sorted(url_names().items()):
        url = world(name, params)
        own = resolve(url).kwargs
        for param in [p for p in params if p in INNER_IDS]:
            yield f"{name}[{param}]", url, reverse(name, kwargs={**own, param: getattr(foreign, param)})
        if name in INNER_FEDERATION_IDS:
            swapped = {**own, "pk": getattr(foreign, INNER_FEDERATION_IDS[name])}
            yield f"{name}[pk]", url, reverse(name, kwargs=swapped)


def status_of(client, method, url):
    try:
        with transaction.atomic():
            response = client.get(url) if method == "GET" else client.post(url, {})
            raise Rollback
    except Rollback:
        pass
    return response.status_code


@pytest.mark.parametrize("persona", ["secretary", "admin"])
def test_an_inner_id_of_another_federation_is_not_found_inside_ones_own(client_for, world, foreign, persona):
    """The meeting (or federation) in the URL is the user's own; the §, decision, row, attachment, assignment,
    revision, person, mandate or membership it names is the other federation's: 404. Unless the user lacks the right
    for that page in their own federation too (403, checked before any object is looked up) or the method is not
    allowed (405): neither says anything about the other federation's object."""
    client = client_for(persona)
    wrong, checked = [], 0
    for label, own_url, url in inner_id_urls(world, foreign):
        for method in ("GET", "POST"):
            got = status_of(client, method, url)
            checked += 1
            if got == 404 or (got in (403, 405) and status_of(client, method, own_url) == got):
                continue
            wrong.append(f"{method} {label} ({url}): {got}")
    assert checked >= 58  # every URL with an inner id, both methods: a walk that found none proves nothing
    assert wrong == [], "\n".join(wrong)


def _meeting_fields(c, **changed):
    return {"date": "2026-03-01", "chair": c.cast.chair.pk, "secretary": c.cast.secretary.pk, **changed}


def _decision_fields(c, **changed):
    return {"text": "Styrelsen beslutar att godkänna.", "outcome": "bifall", "method": "acklamation", **changed}


def _attendance_of(c, **lookup):
    return Attendance.objects.filter(meeting=c.meeting, **lookup).exists()


# Each form that names an object of the register or of a meeting by its id: (URL name, the form naming `x`, whether
# `x` was taken, this federation's x, the other federation's x). This federation's x must be taken, which proves the
# form is otherwise valid; the other federation's must not be, whatever the answer (a form error or a 404).
FOREIGN_IDS_IN_FORMS = {
    "meeting_create.body": (
        "meetings:meeting_create",
        lambda c, x: {"body": x, "date": "2026-12-10"},
        lambda c, x: Meeting.objects.filter(body_id=x, date="2026-12-10").exists(),
        lambda c: c.cast.board.pk,
        lambda f: f.body,
    ),
    "meeting_create.chair": (
        "meetings:meeting_create",
        lambda c, x: {"body": c.cast.board.pk, "date": "2026-12-10", "chair": x},
        lambda c, x: Meeting.objects.filter(chair_id=x, date="2026-12-10").exists(),
        lambda c: c.cast.member.pk,
        lambda f: f.person,
    ),
    "meeting_create.secretary": (
        "meetings:meeting_create",
        lambda c, x: {"body": c.cast.board.pk, "date": "2026-12-10", "secretary": x},
        lambda c, x: Meeting.objects.filter(secretary_id=x, date="2026-12-10").exists(),
        lambda c: c.cast.admin.pk,
        lambda f: f.person,
    ),
    "meeting_edit.chair": (
        "meetings:meeting_edit",
        lambda c, x: _meeting_fields(c, chair=x),
        lambda c, x: Meeting.objects.filter(pk=c.meeting.pk, chair_id=x).exists(),
        lambda c: c.cast.member.pk,
        lambda f: f.person,
    ),
    "meeting_edit.secretary": (
        "meetings:meeting_edit",
        lambda c, x: _meeting_fields(c, secretary=x),
        lambda c, x: Meeting.objects.filter(pk=c.meeting.pk, secretary_id=x).exists(),
        lambda c: c.cast.admin.pk,
        lambda f: f.person,
    ),
    "meeting_edit.justerare": (
        "meetings:meeting_edit",
        lambda c, x: _meeting_fields(c, justerare=[x]),
        lambda c, x: c.meeting.justerare.filter(pk=x).exists(),
        lambda c: c.cast.substitute.pk,
        lambda f: f.person,
    ),
    "attendance.person": (
        "meetings:attendance",
        lambda c, x: {"person": x, "role": "adjungerad", "status": "narvarande"},
        lambda c, x: _attendance_of(c, person_id=x),
        lambda c: c.cast.admin.pk,
        lambda f: f.person,
    ),
    "attendance.organisation": (
        "meetings:attendance",
        lambda c, x: {"name": "Gäst", "role": "adjungerad", "status": "narvarande", "organisation": x},
        lambda c, x: _attendance_of(c, organisation_id=x),
        lambda c: c.cast.kommun.pk,
        lambda f: f.organisation,
    ),
    "attendance.represents": (
        "meetings:attendance",
        lambda c, x: {"name": "Gäst", "role": "adjungerad", "status": "narvarande", "represents": x},
        lambda c, x: _attendance_of(c, represents_id=x),
        lambda c: c.cast.federation.pk,
        lambda f: f.federation,
    ),
    "attendance.serving_for": (
        "meetings:attendance",
        lambda c, x: {
            "name": "Gäst",
            "role": "ersattare",
            "status": "narvarande",
            "serving_for": x,
            "paragraphs": "1-2",
        },  # fmt: skip
        lambda c, x: _attendance_of(c, serving_for_id=x),
        lambda c: Attendance.objects.filter(meeting=c.meeting, person=c.cast.member).get().pk,
        lambda f: f.attendance_pk,
    ),
    "decision_add.recipient_people": (
        "meetings:decision_add",
        lambda c, x: _decision_fields(c, text="Styrelsen beslutar att anta planen.", recipient_people=[x]),
        lambda c, x: DecisionRecipient.objects.filter(person_id=x).exists(),
        lambda c: c.cast.member.pk,
        lambda f: f.person,
    ),
    "decision_edit.recipient_people": (
        "meetings:decision_edit",
        lambda c, x: _decision_fields(c, recipient_people=[x], version=c.decision.version),
        lambda c, x: DecisionRecipient.objects.filter(person_id=x).exists(),
        lambda c: c.cast.member.pk,
        lambda f: f.person,
    ),
    "decision_votes.attendance": (
        "meetings:decision_votes",
        lambda c, x: {f"vote-{x}": "ja", "version": c.decision.version},
        lambda c, x: Vote.objects.filter(attendance_id=x).exists(),
        lambda c: Attendance.objects.filter(meeting=c.meeting, person=c.cast.member).get().pk,
        lambda f: f.attendance_pk,
    ),
    "decision_reservation.attendance": (
        "meetings:decision_reservation",
        lambda c, x: {"attendance": x, "reason": "Jag vill något annat."},
        lambda c, x: Reservation.objects.filter(attendance_id=x).exists(),
        lambda c: Attendance.objects.filter(meeting=c.meeting, person=c.cast.member).get().pk,
        lambda f: f.attendance_pk,
    ),
    "recusal.attendance": (
        "meetings:recusal",
        lambda c, x: {"attendance": x, "recused": "1", "reason": "Styrelseledamot i bolaget."},
        lambda c, x: Recusal.objects.filter(attendance_id=x).exists(),
        lambda c: Attendance.objects.filter(meeting=c.meeting, person=c.cast.member).get().pk,
        lambda f: f.attendance_pk,
    ),
    "assignment_add.owner": (
        "meetings:assignment_add",
        lambda c, x: {"owner": x, "what": "Utreda saken."},
        lambda c, x: Assignment.objects.filter(owner_id=x, what="Utreda saken.").exists(),
        lambda c: c.cast.member.pk,
        lambda f: f.person,
    ),
    "mandate_create.person": (
        "federations:mandate_create",
        lambda c, x: {"person": x, "body": c.cast.board.pk, "role": "adjungerad", "start": "2026-01-01"},
        lambda c, x: Mandate.objects.filter(person_id=x, role="adjungerad").exists(),
        lambda c: c.cast.secretary.pk,
        lambda f: f.person,
    ),
    "mandate_create.body": (
        "federations:mandate_create",
        lambda c, x: {"new_person": "Ny Person", "body": x, "role": "adjungerad", "start": "2026-01-01"},
        lambda c, x: Mandate.objects.filter(body_id=x, role="adjungerad").exists(),
        lambda c: c.cast.board.pk,
        lambda f: f.body,
    ),
    "mandate_create.organisation": (
        "federations:mandate_create",
        lambda c, x: {
            "new_person": "Ny Person",
            "body": c.cast.board.pk,
            "role": "ledamot",
            "start": "2026-01-01",
            "organisation": x,
        },  # fmt: skip
        lambda c, x: Mandate.objects.filter(organisation_id=x, person__name="Ny Person").exists(),
        lambda c: c.cast.kommun.pk,
        lambda f: f.organisation,
    ),
    "mandate_create.substitute_for": (
        "federations:mandate_create",
        lambda c, x: {
            "new_person": "Ny Person",
            "body": c.cast.board.pk,
            "role": "ersattare",
            "start": "2026-01-01",
            "organisation": c.cast.fk.pk,
            "substitute_for": x,
        },  # fmt: skip
        lambda c, x: Mandate.objects.filter(substitute_for_id=x, person__name="Ny Person").exists(),
        lambda c: Mandate.objects.get(person=c.cast.member).pk,
        lambda f: f.mandate,
    ),
}


@pytest.mark.parametrize("case", sorted(FOREIGN_IDS_IN_FORMS))
def test_another_federations_id_in_a_form_of_ones_own_is_never_taken(client_for, cast, world, foreign, case):
    name, data, taken, mine, theirs = FOREIGN_IDS_IN_FORMS[case]
    meeting = Meeting.objects.get(body=cast.board)
    item = meeting.items.get(number=3)
    c = SimpleNamespace(cast=cast, meeting=meeting, item=item, decision=item.decisions.get())
    url = world(name, url_names()[name])
    client = client_for("secretary")
    for whose, x in (("theirs", theirs(foreign)), ("mine", mine(c))):
        try:
            with transaction.atomic():
                response = client.post(url, data(c, x))
                assert response.status_code < 500
                errors = re.findall(r'class="(?:errorlist|error)[^"]*"[^>]*>(.*?)</', response.content.decode(), re.S)
                assert taken(c, x) == (whose == "mine"), f"{whose}: {response.status_code} {errors}"
                raise Rollback
        except Rollback:
            pass


def every_row():
    """Every row of the portal's own tables (and the audit log, the outbox, the users), to compare before and after."""
    from django.apps import apps

    labels = ("federations", "meetings", "finsam", "auth")
    models = [m for m in apps.get_models() if m._meta.app_label in labels]
    return {m._meta.label: sorted(map(repr, m.objects.values_list())) for m in models}


@pytest.mark.parametrize("persona", [*PERSONAS, "foreign_staff"], ids=lambda p: p or "public")
def test_no_get_changes_anything(client_for, world, foreign_staff, persona):
    """GET reads: no page, download, feed or calendar writes a row, an audit entry or a mail to send (a link
    followed in an e-mail, a prefetching browser or an <img> on another site must not act for the user). The rows
    are compared once after every GET; when they differ, again after each, to name the URL."""
    client = client_for(persona)
    urls = {name: world(name, params) for name, params in sorted(url_names().items())}
    before = every_row()
    for url in urls.values():
        client.get(url)
    if every_row() == before:
        return
    changed = []
    for name, url in urls.items():
        with transaction.atomic():
            start = every_row()
            client.get(url)
            after = every_row()
            transaction.set_rollback(True)
        if after != start:
            changed.append(f"{name}: {sorted(k for k in after if after[k] != start.get(k))}")
    assert changed != [], "rows changed, but by no single GET"
    assert changed == [], "\n".join(changed)


def test_signing_out_and_switching_language_take_a_post(client_for, cast):
    """The two URLs outside the matrix that change something: a GET only shows the form (or goes back)."""
    client = client_for("member")
    client.get("/accounts/logout/")
    client.get("/i18n/setlang/?language=en&next=/")
    assert client.get("/moten/").status_code == 200  # still signed in
    assert "django_language" not in client.cookies and client.get("/")["Content-Language"] == "sv"
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert client.get("/")["Content-Language"] == "en"
    client.post("/accounts/logout/")
    assert client.get("/moten/").status_code == 302


@pytest.mark.parametrize("persona", [None, "secretary"], ids=lambda p: p or "public")
def test_every_post_needs_the_csrf_token(cast, world, persona):
    """A form on another site that posts to the portal, in the browser of a signed-in secretary (or a visitor), is
    refused before any view runs: 403, or 405 where POST is no method of the URL at all."""
    client = Client(enforce_csrf_checks=True)
    if persona:
        client.force_login(cast.user(persona))
    wrong = []
    for name, params in sorted(url_names().items()):
        url = world(name, params)
        with transaction.atomic():
            status = client.post(url, {}).status_code
            transaction.set_rollback(True)
        if status not in (403, 405):
            wrong.append(f"{name} ({url}): {status}")
    assert wrong == [], "\n".join(wrong)
