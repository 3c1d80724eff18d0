"""Reused reads of meetings, returned already joined."""


def waiting_for(user):
    """What waits for the user on the start page: [{"label": str, "url": str}, ...]."""
    return []
