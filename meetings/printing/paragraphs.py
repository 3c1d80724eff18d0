"""How a run of §§ is written: in the printed protocol's header, on the notice board and in the open data."""


def paragraph_range(numbers):
    """ "§ 3–8" for a run of §§, "§ 7" for one."""
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    return f"§ {low}" if low == high else f"§ {low}–{high}"


# The most §§ one run may name: far more than any meeting has. A run of "1-99999999" would otherwise be a set of a
# hundred million numbers, built on every page that shows the meeting's quorum.
MAX_PARAGRAPH_RUN = 1000


def paragraph_numbers(text):
    """The §§ a normalised list names: "1-4, 6" → {1, 2, 3, 4, 6}; "" → set() (all of them, where it is used). A run
    longer than MAX_PARAGRAPH_RUN (kept before the limit, or read from an imported document) stops there."""
    numbers = set()
    for part in (text or "").split(","):
        low, _, high = part.strip().partition("-")
        if low.strip().isdigit():
            first = int(low)
            last = int(high) if high.strip().isdigit() else first
            numbers.update(range(first, min(last, first + MAX_PARAGRAPH_RUN - 1) + 1))
    return numbers


def paragraph_list(numbers):
    """The other way: {1, 2, 3, 4, 6} → "1-4, 6", in the form attendance keeps."""
    runs = []
    for number in sorted(numbers):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(f"{low}-{high}" if high > low else f"{low}" for low, high in runs)
