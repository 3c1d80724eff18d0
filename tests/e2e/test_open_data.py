"""The embeddable notice board, as a federation's website shows it in an iframe, passes axe at WCAG 2.1 AA."""

import datetime

import pytest
from django.utils import timezone

from tests.meetings.opendata.conftest import quick_public_record

from .conftest import assert_accessible


@pytest.fixture
def posted(transactional_db, cast):
    return quick_public_record(cast, timezone.localdate() - datetime.timedelta(days=2))


def test_the_embedded_notice_board_is_accessible(page, cast, posted):
    page.goto(f"/forbund/{cast.federation.slug}/anslagstavla/inbaddad/")
    assert page.get_by_role("heading", level=1).inner_text() == f"Anslagstavla: {cast.federation.name}"
    assert page.locator(f"a[href$='/moten/{posted.pk}/protokoll.pdf']").count() == 1
    assert_accessible(page)
