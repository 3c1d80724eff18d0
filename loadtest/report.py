"""The load test's figures: per kind of request p50/p95/p99 and errors, and the closing summary."""

import math
import os

LIMIT_MS = 500
ALL = "all requests"


def load():
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def percentile(ordered, fraction):
    """Nearest-rank percentile of an ordered list (the value below which `fraction` of the samples lie)."""
    if not ordered:
        return float("nan")
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def figures(samples):
    """{kind: (count, p50, p95, p99, errors)}, with every request together under ALL."""
    table = {}
    everything = []
    for kind, rows in sorted(samples.items()):
        times = sorted(ms for ms, _failed in rows)
        everything += times
        errors = sum(failed for _ms, failed in rows)
        table[kind] = (len(times), *(percentile(times, f) for f in (0.5, 0.95, 0.99)), errors)
    everything.sort()
    errors = sum(row[4] for row in table.values())
    table[ALL] = (len(everything), *(percentile(everything, f) for f in (0.5, 0.95, 0.99)), errors)
    return table


def step(title, samples):
    lines = [f"\n== {title}", f"{'kind':<22}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"]
    for kind, (count, p50, p95, p99, errors) in figures(samples).items():
        lines.append(f"{kind:<22}{count:>9}{p50:>9.0f}{p95:>9.0f}{p99:>9.0f}{errors:>8}")
    return "\n".join(lines)


def reasons(failures):
    """Why requests failed (while users started or were measured), most frequent first: one line each."""
    lines = [
        f"  failed: {kind}: {why} ({count}×)"
        for kind, by_reason in sorted(failures.items())
        for why, count in sorted(by_reason.items(), key=lambda pair: -pair[1])[:3]
    ]
    return "".join(line + "\n" for line in lines)


def summary(day, autosave, checks, editors):
    """The closing figures: where p95 passes 500 ms, the first error, autosave's p99, and the record's state."""
    rows = [(users, figures(samples)) for users, samples in day]
    slow = next(((users, table[ALL][2]) for users, table in rows if table[ALL][2] > LIMIT_MS), None)
    below = [(users, table[ALL][2]) for users, table in rows if slow is None or users < slow[0]]
    failing = next(((users, table) for users, table in rows if table[ALL][4]), None)
    slow_kinds = next(
        ((users, [k for k, row in table.items() if k != ALL and row[2] > LIMIT_MS]) for users, table in rows
         if any(row[2] > LIMIT_MS for k, row in table.items() if k != ALL)),
        None,
    )  # fmt: skip
    steps = ", ".join(str(users) for users, _table in rows)
    lines = ["\n== Summary"]
    if slow:
        lines.append(f"p95 of all requests passes {LIMIT_MS} ms at {slow[0]} users ({slow[1]:.0f} ms)")
    else:
        lines.append(f"p95 of all requests stays under {LIMIT_MS} ms at every step ({steps} users)")
    if below:
        lines.append(f"  the last step below: {below[-1][0]} users, p95 {below[-1][1]:.0f} ms")
    if slow_kinds:
        lines.append(f"  first kind over {LIMIT_MS} ms: {', '.join(slow_kinds[1])} at {slow_kinds[0]} users")
    if failing:
        kinds = ", ".join(f"{k} {row[4]}" for k, row in failing[1].items() if k != ALL and row[4])
        lines.append(f"first error at {failing[0]} users ({kinds})")
    else:
        lines.append(f"errors: 0 at every step ({steps} users)")
    count, p50, p95, p99, errors = figures(autosave).get("autosave", (0, math.nan, math.nan, math.nan, 0))
    lines.append(
        f"autosave at {editors} editors: p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms; "
        f"{count} saves, {errors} errors"
    )
    lines.append(
        f"record: {checks['signatures']} signatures, {checks['justerat']} protocols justerat, {checks['sealed']} "
        f"sealed PDFs ({checks['pdf_waiting']} waiting, {checks['pdf_failed']} failed); "
        f"server errors logged: {checks['server_errors_logged']}"
    )
    return "\n".join(lines)
