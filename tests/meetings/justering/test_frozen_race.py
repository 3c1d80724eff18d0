"""Sending for justering and the autosave of a § serialize: the § that is signed is the § that stays.

Real threads, each with its own PostgreSQL connection: an autosave that reads the meeting as a draft must not
commit its text after the revision being signed was taken.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from meetings.drafting import services
from meetings.drafting.services import EditConflict
from meetings.justering import services as justering
from meetings.models import AgendaItem, Meeting
from tests.conftest import on_the_tests_day, skip_unless
from tests.meetings.factories import ready_to_send

pytestmark = on_the_tests_day

ROUNDS = 50
AUTOSAVES = 3


def _in_thread(work, barrier, outcomes):
    def run():
        try:
            barrier.wait(timeout=30)
            outcomes.append(("ok", work()))
        except (EditConflict, ValidationError) as refused:
            outcomes.append(("refused", refused))
        except Exception as error:  # noqa: BLE001 - reported by the test, not swallowed
            outcomes.append(("error", error))
        finally:
            connections.close_all()

    return threading.Thread(target=run)


def _one_round(cast, meeting, item, round_number):
    """Three autosaves of one § and the secretary's "skicka på justering", all released at the same moment."""
    base = AgendaItem.objects.get(pk=item.pk).version
    barrier = threading.Barrier(AUTOSAVES + 1)
    saves, sends = [], []
    secretary = cast.user("secretary")
    threads = [
        _in_thread(
            lambda n=n: services.item_save_text(
                actor=secretary,
                item_id=item.pk,
                heading=item.heading,
                text=f"<p>Omgång {round_number}, redaktör {n}</p>",
                base_version=base,
            ),
            barrier,
            saves,
        )
        for n in range(AUTOSAVES)
    ]
    threads.append(
        _in_thread(lambda: justering.protocol_send_for_justering(actor=secretary, meeting=meeting), barrier, sends)
    )
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    errors = [value for kind, value in saves + sends if kind == "error"]
    assert not errors, errors
    assert sends and sends[0][0] == "ok", sends  # the meeting was a draft: sending always succeeds
    revision = sends[0][1]
    signed = next(i for i in revision.snapshot["items"] if i["id"] == item.pk)
    live = AgendaItem.objects.get(pk=item.pk)
    # The autosave that read a planned meeting must not put a meeting under justering back into draft either.
    status = Meeting.objects.get(pk=meeting.pk).status
    return live.text != signed["text"] or status != Meeting.Status.IN_JUSTERING


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_autosave_racing_send_for_justering_never_changes_the_signed_paragraph(cast):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    differing = 0
    for round_number in range(ROUNDS):
        if round_number:  # the secretary takes the protocol back: a draft again, the signatures lapse
            justering.protocol_reopen(actor=cast.user("secretary"), meeting=meeting)
        differing += _one_round(cast, meeting, item, round_number)
    assert differing == 0, f"{differing} of {ROUNDS} rounds: the live § differs from the revision being signed"
