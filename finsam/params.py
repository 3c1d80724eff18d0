"""Numbers read straight from a URL or a form field, outside any Django form."""

import re

DIGITS = re.compile(r"[0-9]{1,18}")  # 18 digits always fit a 64-bit column: SQLite's driver overflows beyond


def whole_number(value, default=None):
    """The value as a non-negative int, or `default` for anything else ("", "-1", "²", "1e5", 25 digits)."""
    if isinstance(value, str) and DIGITS.fullmatch(value):
        return int(value)
    return default
