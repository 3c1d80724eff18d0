"""The administrators' warnings are mailed to each administrator in the language they chose in the portal, subject
and all (the subject was Swedish for everyone)."""

import datetime

import pytest
from django.utils import timezone

from federations.models import Person
from finsam.models import Heartbeat
from meetings import tasks
from tests.meetings.operations.test_status import installed

SWEDISH, ENGLISH = "it@forbundet.example.se", "ordforande@forbundet.example.se"


@pytest.fixture
def admins(cast, settings):
    """Two administrators: one reads the portal in English (the chair, in the register), one has chosen nothing."""
    settings.ADMINS = [("", SWEDISH), ("", ENGLISH)]
    Person.objects.filter(pk=cast.chair.pk).update(email=ENGLISH, language="en")


def by_recipient(mailoutbox):
    return {tuple(message.to): message for message in mailoutbox}


def test_each_administrator_is_warned_in_their_language(admins, mailoutbox, settings):
    installed(timezone.now() - datetime.timedelta(days=3))  # past the first night, and no backup since two days
    Heartbeat.record("backup", path="/b/x.tar", size=1)
    Heartbeat.objects.filter(name="backup").update(at=timezone.now() - datetime.timedelta(days=3))
    assert len(tasks.warn_admins()) == 1
    mailed = by_recipient(mailoutbox)
    assert set(mailed) == {(SWEDISH,), (ENGLISH,)}
    swedish, english = mailed[(SWEDISH,)], mailed[(ENGLISH,)]
    assert swedish.subject == f"{settings.EMAIL_SUBJECT_PREFIX}1 varning från Finsamportalen"
    assert "Senaste säkerhetskopia" in swedish.body
    assert swedish.body.endswith(f"\n\nDriftstatus: {settings.SITE_URL}/driftstatus/\n")
    assert english.subject == f"{settings.EMAIL_SUBJECT_PREFIX}1 warning from Finsamportalen"
    assert "Last backup" in english.body and "Senaste" not in english.body
    assert english.body.endswith(f"\n\nSystem status: {settings.SITE_URL}/driftstatus/\n")

    mailoutbox.clear()
    Heartbeat.record("backup", path="/b/y.tar", size=1)  # fixed: each is told so, in their language
    assert tasks.warn_admins() == []
    mailed = by_recipient(mailoutbox)
    assert mailed[(SWEDISH,)].subject.endswith("Inga varningar längre från Finsamportalen")
    assert mailed[(ENGLISH,)].subject.endswith("No more warnings from Finsamportalen")
    assert mailed[(ENGLISH,)].body.startswith("What was warned about has been resolved.")
