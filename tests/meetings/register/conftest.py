"""The register's tests share a history: four published protocols of two federations over the years."""

import datetime

import pytest

from federations.models import Project
from meetings.drafting import services
from meetings.register import indexing
from tests.meetings.factories import plan_meeting
from tests.meetings.register.test_register import frozen_meeting


@pytest.fixture
def history(cast):
    project = Project.objects.create(
        name="Studio Ludum Skövde", slug="studio-ludum", kind="forberedande", owner=cast.federation
    )
    frozen_meeting(
        cast,
        date=datetime.date(2022, 11, 23),
        project=project,
        decisions=[
            ("Budget 2023–2025", "Styrelsen beslutade att fastställa budgeten.", "bifall", "acklamation"),
            ("Ansökan Studio Ludum", "Styrelsen beslutar att återremittera ansökningarna.", "aterremiss", "votering"),
        ],
    )
    frozen_meeting(
        cast,
        date=datetime.date(2016, 2, 4),
        decisions=[
            (
                "Tillkommande Finsam-medel",
                "Att utarbeta förslag till en fördjupad kartläggning.",
                "uppdrag",
                "acklamation",
            )
        ],
    )
    frozen_meeting(
        cast,
        date=datetime.date(2023, 3, 1),
        public=False,
        decisions=[
            (
                "Intern fråga",
                "Styrelsen beslutar att lägga informationen till handlingarna.",
                "handlingarna",
                "acklamation",
            )
        ],
    )
    draft = plan_meeting(cast, date=datetime.date(2024, 1, 1))
    services.decision_save(actor=None, item=draft.items.first(), text="Ett utkast till beslut.")
    indexing.index_meeting(draft)
    return project
