"""A text that lost its "§" signs and keeps its items' numbers only after the sentences before them ("… utsänts. 51
Landstingsdirektörens rapport …"): the numbers that run on, given a line and their "§" back."""

import re

# "… till ledamöter och ersättare. 51 Landstingsdirektörens rapport …": a number after a sentence's end or a page
# mark, before a capitalised word, may head an item whose "§" the transcript lost (after dot leaders it is a page)
LOST_SIGN = re.compile(
    r"(?<!\.\.\s)(?<!…\s)(?:(?<=[.:!?)]\s)|(?<=\(\d\)\s)|(?<=\(\d\d\)\s))(\d{1,3})\s+(?=[A-ZÅÄÖ][a-zåäö]{2,})"
)


def lost_section_signs(lines):
    """A text with no "§" heading whose pages run its items' numbers on after sentences ("… utsänts. 51 Landstings-
    direktörens rapport …"): the longest run of consecutive numbers n, n+1, … in such places are headings, each
    given a line and its "§" back. Two numbers in a row are a run; a number alone is anything."""
    if sum(1 for line in lines if re.match(r"^§\s*\d", line)) >= 2:
        return lines
    candidates = [(row, m.start(), int(m.group(1))) for row, line in enumerate(lines) for m in LOST_SIGN.finditer(line)]
    ending, back = {}, []  # the longest run ending at each number so far; each candidate's predecessor in its run
    for index, (_row, _start, number) in enumerate(candidates):
        before = ending.get(number - 1)
        back.append(before[1] if before else None)
        length = before[0] + 1 if before else 1
        if length > ending.get(number, (0, None))[0]:
            ending[number] = (length, index)
    length, last = max(ending.values(), default=(0, None), key=lambda run: run[0])
    if length < 2:
        return lines
    cuts = {}
    while last is not None:
        row, start, _number = candidates[last]
        cuts.setdefault(row, []).append(start)
        last = back[last]
    out = []
    for row, line in enumerate(lines):
        starts = sorted(cuts.get(row, []))
        if line[: starts[0] if starts else len(line)].strip():
            out.append(line[: starts[0] if starts else len(line)].strip())
        out.extend("§ " + line[start:end].strip() for start, end in zip(starts, [*starts[1:], len(line)], strict=False))
    return out
