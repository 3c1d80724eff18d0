"""How a run of §§ is written: in the printed protocol's header, on the notice board and in the open data."""


def paragraph_range(numbers):
    """ "§ 3–8" for a run of §§, "§ 7" for one."""
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    return f"§ {low}" if low == high else f"§ {low}–{high}"
