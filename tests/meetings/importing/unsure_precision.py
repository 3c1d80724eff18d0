"""How often each of the parser's doubts (parsed["unsure"]) fires on the minutes corpus, and how often the value it
marks is in fact wrong by the hand-made answers, beside the share of unmarked values that are wrong.

usage: FINSAM_TESTING=1 PYTHONPATH=. .venv/bin/python tests/meetings/importing/unsure_precision.py [CORPUS] [-v]
(CORPUS defaults to ../shared/minutes-corpus; its tools/score_import.py gives the comparisons)."""

import collections
import json
import os
import pathlib
import sys


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    corpus = pathlib.Path(args[0] if args else "../shared/minutes-corpus").resolve()
    sys.path.insert(0, str(corpus.parent / "tools"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")
    import django

    django.setup()
    import score_import

    from meetings.importing import UnreadableDocument, parse_text

    tally = Tally(score_import)
    for answer in sorted((corpus / "expected").glob("*.json")):
        text = (corpus / f"{answer.stem}.txt").read_text(encoding="utf-8")
        if text.startswith("# source:"):
            text = text.split("\n", 1)[1]
        try:
            parsed = parse_text(text)
        except UnreadableDocument:
            tally.refused += 1  # no values to judge: the import says so and keeps nothing
            continue
        tally.add(answer.stem[:2], parsed, json.loads(answer.read_text(encoding="utf-8")), "-v" in sys.argv)
    tally.report()


class Tally:
    def __init__(self, scorer):
        self.s = scorer
        self.fires: collections.Counter = collections.Counter()
        self.wrong: collections.Counter = collections.Counter()
        self.right: collections.Counter = collections.Counter()
        self.docs: dict[str, set] = collections.defaultdict(set)
        self.base: collections.Counter = collections.Counter()  # (kind, marked, wrong)
        self.refused = 0

    def add(self, name, got, exp, verbose):
        marked = set()
        for mark in got.get("unsure") or []:
            index, reason = mark.get("index"), mark["reason"]
            marked.add((mark["field"], None if mark["field"] == "adjusters" else index))
            self.fires[reason] += 1
            self.docs[reason].add(name)
            verdict = self.is_wrong((mark["field"], index), got, exp)
            if verdict is not None:
                (self.wrong if verdict else self.right)[reason] += 1
            if verbose and verdict:
                print(name, reason, mark["field"], index)
        for unit, kind in self.units(got):
            verdict = self.is_wrong(unit, got, exp)
            if verdict is not None:
                self.base[(kind, unit in marked, verdict)] += 1

    @staticmethod
    def units(got):
        for field in ("date", "organisation", "body", "chair", "secretary", "adjusters"):
            yield (field, None), "meeting"
        yield ("attendance", None), "list"
        yield from ((("attendance", i), "attendee") for i in range(len(got["attendance"])))
        yield from ((("items", i), "item") for i in range(len(got["items"])))

    def is_wrong(self, unit, got, exp):
        """True: the marked value is wrong by the answer; False: right; None: the answer does not say."""
        norm = self.s.norm
        field, index = unit
        if field in ("date", "chair", "secretary"):
            return None if field not in exp else norm(got.get(field)) != norm(exp[field])
        if field in ("organisation", "body"):
            return None if field not in exp else not (norm(exp[field]) and norm(exp[field]) in norm(got.get(field)))
        if field == "adjusters":
            if "adjusters" not in exp:
                return None
            wanted = {norm(n) for n in exp["adjusters"]}
            return (
                {norm(n) for n in got["adjusters"]} != wanted
                if index is None
                else norm(got[field][index]) not in wanted
            )
        if field == "attendance":
            return self.attendance_wrong(index, got, exp)
        return self.item_wrong(got["items"][index], exp)

    def attendance_wrong(self, index, got, exp):
        norm = self.s.norm
        if index is None:
            present = [
                a["name"] for a in got["attendance"] if norm(a.get("status") or "närvarande").startswith("närvar")
            ]
            return None if "present" not in exp else self.s.f1(present, exp["present"]) < 1
        row = got["attendance"][index]
        known = {norm(n) for n in (exp.get("present") or []) + (exp.get("absent") or [])}
        if not known:
            return None
        if norm(row["name"]) not in known:
            return True
        for key, attr in (("roles", "role"), ("organisations", "organisation")):
            want = {norm(k): v for k, v in (exp.get(key) or {}).items()}.get(norm(row["name"]))
            if want is not None and norm(want) not in norm(row.get(attr)):
                return True
        return False

    def item_wrong(self, item, exp):
        if not exp.get("items"):
            return None
        if not any(self.s.find_item([item], heading) for heading in exp["items"]):
            return True
        for heading, text in (exp.get("decisions") or {}).items():
            if self.s.find_item([item], heading):
                return not any(self.s.similar(d.get("text"), text) for d in item["decisions"])
        return False

    def report(self):
        print(f"{'reason':32} fires docs wrong right share-wrong")
        for reason in sorted(self.fires, key=lambda r: -self.fires[r]):
            judged = self.wrong[reason] + self.right[reason]
            share = f"{self.wrong[reason] / judged:.2f}" if judged else "-"
            print(f"{reason:32} {self.fires[reason]:5} {len(self.docs[reason]):4} {self.wrong[reason]:5} "
                  f"{self.right[reason]:5} {share:>11}")  # fmt: skip
        print("\nvalue      marked wrong/judged  unmarked wrong/judged")
        for kind in ("meeting", "list", "attendee", "item"):
            marked = [self.base[(kind, True, True)], self.base[(kind, True, False)]]
            unmarked = [self.base[(kind, False, True)], self.base[(kind, False, False)]]
            print(f"{kind:10} {marked[0]:6}/{sum(marked):<6} {unmarked[0]:12}/{sum(unmarked)}")
        print(f"\ndocuments refused as unreadable: {self.refused}")


if __name__ == "__main__":
    main()
