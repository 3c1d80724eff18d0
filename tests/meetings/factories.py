"""Meetings for tests, made through the same services a secretary uses."""

import datetime

from meetings import services


def plan_meeting(cast, *, date=datetime.date(2026, 3, 1), body=None, **extra):
    return services.meeting_create(
        actor=cast.user("secretary"),
        body=body or cast.board,
        date=date,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        chair=cast.chair,
        secretary=cast.secretary,
        **extra,
    )
