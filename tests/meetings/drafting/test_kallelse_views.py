"""The kallelse and its calendar invitation, as pages."""

import pytest

from meetings.drafting import services
from meetings.drafting.kallelse import kallelse_text
from meetings.models import AgendaItem, OutgoingMail
from tests.meetings.factories import plan_meeting


@pytest.fixture
def meeting(cast):
    return plan_meeting(cast)


def test_the_ics_invitation_has_the_event_in_utc(client_for, meeting):
    response = client_for("member").get(f"/moten/{meeting.pk}/kallelse.ics")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "DTSTART:20260301T080000Z" in body  # 09:00 in Stockholm (CET)
    assert "BEGIN:VEVENT" in body


def test_the_ics_invitation_escapes_carriage_returns_and_separators(client_for, meeting):
    meeting.place = "Sal 1\rBEGIN:VALARM;A,B\\"
    meeting.save(update_fields=["place"])
    item = services.item_add(actor=None, meeting=meeting, heading="Ärende")
    # Typed text refuses control characters now; a heading stored before that (or by SQL) is still escaped.
    AgendaItem.objects.filter(pk=item.pk).update(heading="Ärende\rEND:VEVENT; med, tecken " + "ö" * 60)
    body = client_for("member").get(f"/moten/{meeting.pk}/kallelse.ics").content
    lines = body.split(b"\r\n")
    assert lines[-1] == b"" and not any(b"\r" in line or b"\n" in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    unfolded = body.decode().replace("\r\n ", "").split("\r\n")
    assert "LOCATION:Sal 1\\nBEGIN:VALARM\\;A\\,B\\\\" in unfolded
    description = next(line for line in unfolded if line.startswith("DESCRIPTION:"))
    assert "Ärende\\nEND:VEVENT\\; med\\, tecken" in description
    assert [line for line in unfolded if line.startswith(("BEGIN:", "END:"))] == [
        "BEGIN:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR",
    ]  # fmt: skip


def test_the_kallelse_preview_names_everyone_who_will_not_get_it(client_for, cast, meeting):
    cast.member.email = ""
    cast.member.save(update_fields=["email"])
    response = client_for("secretary").get(f"/moten/{meeting.pk}/kallelse/")
    assert response.status_code == 200
    html = response.content.decode()
    missed = html[html.index('class="missed-recipients"') :]
    missed = missed[: missed.index("</ul>")]
    assert cast.member.name in missed
    assert f"/forbund/{cast.federation.slug}/personer/{cast.member.pk}/" in missed
    assert all(a.person.name not in missed for a in meeting.attendances.exclude(person=cast.member))
    assert "Kallelse: Styrelse" in html and not meeting.outgoing_mail.exists()


def test_the_kallelse_links_each_handling(client_for, cast, meeting, settings, tmp_path, mailoutbox):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    item = meeting.items.get(number=3)
    attachment = services.attachment_add(
        actor=None, meeting=meeting, item=item, upload=SimpleUploadedFile("budget.pdf", b"%PDF-1.7 x")
    )
    link = f"{settings.SITE_URL}/moten/{meeting.pk}/bilagor/{attachment.pk}/"
    assert link in client_for("secretary").get(f"/moten/{meeting.pk}/kallelse/").content.decode()
    _subject, body = kallelse_text(meeting)
    assert f"§ 3: budget.pdf\n  {link}" in body


def test_no_kallelse_is_offered_or_sent_for_a_meeting_imported_from_the_archive(client_for, meeting):
    """An imported record (minutes of 2016, say) was held long ago: calling its attendees to it by e-mail now would
    be nonsense, so the page offers no kallelse and the service refuses one."""
    meeting.imported = True
    meeting.save(update_fields=["imported"])
    client = client_for("secretary")
    html = client.get(f"/moten/{meeting.pk}/").content.decode()
    assert f"/moten/{meeting.pk}/kallelse/" not in html and f"/moten/{meeting.pk}/kallelse.pdf" not in html
    response = client.post(f"/moten/{meeting.pk}/kallelse/", follow=True)
    assert "Mötet är importerat ur arkivet" in response.content.decode()
    assert not OutgoingMail.objects.exists()
