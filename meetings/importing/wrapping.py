"""Whether a line of a page goes on in the next one, by the text: a sentence, a list, a name or a word cut short at
the end of a line goes on; a § heading, a label, a role word, a numbered point or a list item on the next line starts
something new. `layout.lay_out` weighs this with the lines' geometry; `join_wrapped` uses the text alone, for lines
that come without any (text recognition that gives lines but no boxes)."""

import re

from . import lexicon

# What starts a new element of a protocol at the head of a line: a § heading ("§ 12", "KF § 266"), a numbered point
# ("3.", "2)", "a)"), a list item ("- ", "• ").
_NEW_ELEMENT = re.compile(r"^(?:(?:[A-ZÅÄÖ]{1,5}\s+)?§\s*\d|\d{1,3}\s*[.)](?:\s|$)|[a-z]\)\s|[-–•*·]\s)")
# A label whose value follows: a capitalised word, up to three lower-case ones and a colon ("Närvarande:", "Plats och
# tid:", "Dnr:"); not a heading in capitals that ends with one.
_LABEL = re.compile(r"^[A-ZÅÄÖ][a-zåäöé/-]*(?:\s+[a-zåäöé/-]+){0,3}\s*:(?:\s|$)")
# Words that head a row of a header or a signature block, or a field of it, written with a capital ("Justerare",
# "Beslutande", "Plats"). The layout is read before the parser, so these are its own, not the parser's patterns.
_HEAD_WORDS = re.compile(
    rf"^(?:{lexicon.ROLE_WORDS}|justerare|justerande|justeras|beslutande|närvarande|frånvarande|övriga|"
    r"tjänstgörande|datum|sammanträdesdatum|tid|plats|lokal|paragrafer|underskrift(?:er)?|utses|vid protokollet)"
    r"(?![\wåäö])",
    re.I,
)
_ROLE_START = re.compile(rf"^(?:{lexicon.ROLE_WORDS})(?![\wåäö])", re.I)
# Words after which a Swedish sentence cannot end: prepositions, conjunctions, articles, "att", "som" (also in a
# heading in capitals: "BILDANDE AV").
_GOES_ON_AFTER = frozenset(
    re.split(
        r"\s+",
        """och samt eller men att som av för från i inom med mot om på till under vid över efter enligt genom hos utan
    mellan bland kring åt än en ett den det de dess dels både sin sitt sina sådan vars vilka vilken vilket
    respektive resp inklusive exklusive angående gällande beträffande avseende rörande""",
    )
)
# A word broken with a hyphen that the next line ends ("verksam-" "heten"), not a compound cut short before "och"
# ("hälso- och sjukvård").
_BROKEN_WORD = re.compile(r"[a-zåäöéü]-$")
_COMPOUND_ELISION = re.compile(r"^(?:och|eller|samt|resp|respektive|till)\b")
_FINAL_PUNCTUATION = '.!?:;)”"»'


def starts_new_element(before: str, after: str) -> bool:
    """The line `after` starts a new element, whatever the line before it says: a § heading, a numbered point, a list
    item, a label with its colon, or the next "att" of a decision ("beslutar: att ..., att ...")."""
    after = after.lstrip()
    if _NEW_ELEMENT.match(after) or _LABEL.match(after):
        return True
    return bool(re.match(r"^att\b", after)) and before.rstrip()[-1:] in ",;:"


def continues(before: str, after: str) -> bool | None:
    """True when the text says `before` goes on in `after`, False when `after` starts something new, None when the
    text cannot tell (a sentence ending with its line, then a capitalised word)."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return False
    if starts_new_element(before, after):
        return False
    if _BROKEN_WORD.search(before) or before.endswith(","):
        return True  # a comma goes on even into a row's word ("Paragrafer 75-79," "Underskrifter ...")
    if after[:1].isupper() and _HEAD_WORDS.match(after):
        return False  # "Justerare ...", "Ordförande ...", "Plats ...": a row of a header or a signature block
    last, first = before.split()[-1], after.split()[0]
    if last.casefold() in _GOES_ON_AFTER:
        return True
    if before[-1] not in _FINAL_PUNCTUATION and _lower_case_word(first) and not _ROLE_START.match(after):
        return not re.match(r"^att\b", after) or None  # "Beslut" / "att ...": a heading, then its decision
    if _name_cut_short(last, first):
        return True
    return None


def _lower_case_word(word: str) -> bool:
    return len(word) > 1 and word[0].islower() and word[0].isalpha()


def _name_cut_short(last: str, first: str) -> bool:
    """ "Henry" | "Komulainen": a given name ends the line and a capitalised word that is not a role starts the
    next one."""
    return (
        last[:1].isupper()
        and last.isalpha()
        and lexicon.is_given_name(last)
        and first[:1].isupper()
        and first.strip(",.;:()").isalpha()
        and not _HEAD_WORDS.match(first)
    )


def joined(before: str, after: str) -> str:
    """The two lines as one: a word broken with a hyphen without a space ("för-" "valtning", "2019-" "2020"), except a
    compound cut short before "och" ("hälso-" "och sjukvård"); anything else with one ("KD -" is a mark)."""
    before, after = before.rstrip(), after.lstrip()
    if re.search(r"\w-$", before) and not _COMPOUND_ELISION.match(after):
        return before + after
    return f"{before} {after}"


def join_wrapped(lines: list[str]) -> list[str]:
    """Lines without geometry put back together where the text says one goes on in the next (blank lines kept)."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and line.strip() and continues(out[-1], line):
            out[-1] = joined(out[-1], line)
        else:
            out.append(line)
    return out
