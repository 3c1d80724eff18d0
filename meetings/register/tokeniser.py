"""The register's tokeniser: what a word of a text or a query is (letters, or a number however its digit groups are
written), the amounts in millions and thousands read as kronor, and the stop words that are neither indexed nor
searched. meetings.register.analysis makes each token's terms."""

import re

from stop_words import get_stop_words

# The characters Swedish text puts between the digit groups of an amount: a space, a no-break space, a figure, thin
# or narrow no-break space (1 200 000, as word processors and Språkrådet's rules write it), or a full stop (1.200.000).
GROUP_SPACES = " \u00a0\u2007\u2009\u202f"
# A number: digits, or groups of three after a first group of one to three, joined by one of those characters (the
# same one throughout). "1 200 000" is the one number 1200000, as it is read; "2023 2024" stays two years (a group
# is three digits), and so does "Insats | 2027 | 2028", a table's cells.
NUMBER = rf"\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}})+(?!\d)|\d{{1,3}}(?:\.\d{{3}})+(?!\d)|\d+"
# A decimal number as Swedish writes it, with a decimal comma: "12,5", "1 250 000,50". One number, searched as written:
# "12,5" is neither 12 nor 5 (the query dropped the 5, a word of one character, and found every 12). Not a list of
# numbers ("1,2,3", "§§ 3,4,5"): no comma and digit may follow, and none come before.
DECIMAL = rf"(?<!\d,)(?:{NUMBER}),\d+(?![,\d])"
# Letters (å, ä, ö and the rest) or a number; "Finsam-medel" is two words, "2023–2025" two numbers.
WORD = re.compile(rf"[^\W\d_]+|{DECIMAL}|{NUMBER}")
_GROUPING = re.compile(rf"[{GROUP_SPACES}.]")
# A decimal comma in a term: letters between the digits, so that the term is one token of both databases' tokenisers
# (PostgreSQL's parser reads "12komma5" as one word of letters and digits, FTS5 as one token) and of tsquery syntax.
DECIMAL_MARK = "komma"

# The `stop-words` package's Swedish list is made for general text: beside the function words it has words that a
# register of decisions is searched for. These are taken out of it, by kind, and stay searchable:
KEPT_FROM_STOP_LIST = {
    # votes and answers: "ja", "nej" are how a votering and a namnupprop are recorded
    "ja", "nej",
    # numerals and ordinals: amounts, counts, "tredje kvartalet"; "en", "ett" stay stop words (articles)
    "noll", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "tretton", "fjorton",
    "femton", "sexton", "sjutton", "artonn", "nitton", "tjugo", "tjungo", "tjugoen", "tjugoett",
    "tjugotvå", "tjugotre", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio", "hundra",
    "hundraen", "hundraett", "tvåhundra", "ettusen", "första", "andra", "tredje", "fjärde", "femte", "sjätte",
    "sjunde", "åttonde", "nionde", "tionde", "elfte", "tolfte", "trettonde", "fjortonde", "femtonde", "sextonde",
    "sjuttonde", "artonde", "adertonde", "aderton", "nittonde", "tjugonde", "trettionde", "fyrtionde", "femtionde",
    "sextionde", "sjuttionde", "åttionde", "nittionde",
    # judgements, sizes and directions that decisions are about: "god ekonomisk hushållning", "större insatser"
    "bra", "god", "goda", "godare", "godast", "gott", "viktig", "viktigare", "viktigast", "viktigt", "möjlig",
    "möjligt", "nödvändig", "nödvändiga", "nödvändigt", "stor", "stora", "stort", "större", "störst", "liten",
    "lilla", "mindre", "minst", "små", "smått", "enkel", "enkelt", "enkla", "hög", "högre", "högst", "höger",
    "vänster", "vänstra", "tidig", "tidigare", "tidigast", "tidigt", "långsam", "långsammare", "långsammast",
    "långsamt", "lätt", "lättare", "lättast", "sämre", "sämst", "bättre", "bäst", "värre", "likställd",
    "likställda", "övre", "nedre",
    # the register's own words: decisions, days, parts, amounts and numbers
    "beslut", "beslutat", "beslutit", "dag", "dagar", "dagarna", "dagen", "del", "delen", "kr", "nr", "nummer",
    # courtesy and days: "tack till", "idag"
    "tack", "förlåt", "ursäkt", "adjö", "varsågod", "idag", "igår", "imorgon", "övermorgon",
}  # fmt: skip
STOP_WORDS = frozenset(get_stop_words("swedish")) - KEPT_FROM_STOP_LIST


def tokens(text):
    """The lower-case words of a text, in order: the one tokeniser of the index, the query and the suggestions. A
    number is its digits, however they are grouped; a decimal number its digits either side of DECIMAL_MARK."""
    return [token(found) for found in WORD.findall(text.lower())]


def token(found):
    """A word as WORD found it, as a term: a grouped number without its spaces or full stops, its decimal comma
    DECIMAL_MARK (12,5 -> 12komma5)."""
    if not found[0].isdigit():
        return found
    return _GROUPING.sub("", found).replace(",", DECIMAL_MARK)


def is_number(term):
    """Whether a query's word is a number (whole or decimal): never a prefix, nor a word to correct."""
    return term[:1].isdigit()


# An amount in millions or thousands ("1,2 miljoner", "1,5 mkr", "800 tkr", "2 miljarder") is also indexed and
# searched as kronor (1200000, 1500000, 800000, 2000000000), so that it finds and is found by the amount written out.
MULTIPLIERS = {
    "miljon": 10**6, "miljoner": 10**6, "milj": 10**6, "mkr": 10**6, "mnkr": 10**6, "msek": 10**6, "mn": 10**6,
    "miljard": 10**9, "miljarder": 10**9, "mdkr": 10**9, "mdr": 10**9,
    "tusen": 10**3, "tkr": 10**3, "ksek": 10**3,
}  # fmt: skip
# A currency word after an amount in a query says no more than the amount: "1 200 000 kr" finds "1 200 000 kronor".
CURRENCY = ("kr", "kronor", "krona", "sek")
AMOUNT = re.compile(
    rf"(?<![\w,.])({NUMBER})(?:[,.](\d+))?[{GROUP_SPACES}]*"
    rf"(?:({'|'.join(MULTIPLIERS)})\b\.?(?:[{GROUP_SPACES}]*(?:{'|'.join(CURRENCY)})\b)?|(?:{'|'.join(CURRENCY)})\b)?",
    re.IGNORECASE,
)


def amounts(text):
    """The amounts of a text in kronor, as terms: "1,2 miljoner" -> 1200000 ("1 200 000" is that number already)."""
    found = []
    for match in AMOUNT.finditer(text):
        value = _kronor(match)
        if value is not None:
            found.append(value)
    return found


def _kronor(match):
    """An amount's kronor as digits, or None when it names no multiplier or is not a whole number of kronor."""
    whole, decimals, unit = match.group(1), match.group(2) or "", match.group(3)
    if not unit:
        return None
    factor = MULTIPLIERS[unit.lower()]
    digits = token(whole) + decimals
    if len(decimals) > len(str(factor)) - 1:
        return None
    return str(int(digits) * factor // 10 ** len(decimals))


def query_amounts(text):
    """A query with each amount as one word of kronor: "1,2 miljoner" -> "1200000", "1 200 000 kr" -> "1200000"."""

    def kronor(match):
        value = _kronor(match)
        if value is None and match.group(2):
            return match[0]  # a decimal number with no multiplier stays as written
        return f" {value or token(match.group(1))} "

    return AMOUNT.sub(kronor, text)
