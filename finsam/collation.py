"""Swedish sorting in the database: å, ä and ö come after z, as a Swede expects.

Names of networks, federations, organisations, people, bodies and projects carry the collation "swedish", so
every ORDER BY on them (lists, select boxes, the admin) is Swedish. On PostgreSQL a migration creates it from ICU's
sv-SE; on SQLite the same name is given to a Python collation on every new connection.
"""

import unicodedata

from django.db.backends.signals import connection_created
from django.dispatch import receiver

SWEDISH = "swedish"
# å, ä and ö after z (the three characters after "z" in ASCII); æ and ø as ä and ö, ü as y, as ICU's sv-SE has them;
# the letters that no accent makes (ð, đ, ł, ı) as the letter they are written from, þ as th and ß as ss, as there
# (they sorted after ö: "Łukasz" came after "Östlund").
_SWEDISH_LETTERS = {
    "å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "ü": "y",
    "ð": "d", "đ": "d", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t", "þ": "th", "ß": "ss",
}  # fmt: skip
# What ICU's sv-SE collation does with the rest, as PostgreSQL sorts: spaces first, then punctuation and symbols
# (a dash, a quote, a parenthesis), then digits, then letters; a letter with an accent as its letter (é with e).
# So "MIA – Mot arbetsmarknaden i samverkan" comes before "MIA vidare", as in the database (the en dash, U+2013,
# came after every letter by its code point). The characters of Latin text and of General Punctuation are mapped.
_SPACE, _PUNCTUATION = " ", "!"


def _sort_char(char):
    if char in _SWEDISH_LETTERS:
        return _SWEDISH_LETTERS[char]
    if char.isspace():
        return _SPACE
    if char.isalnum():
        base = unicodedata.normalize("NFD", char)[0]
        return base if base.isascii() else char
    return _PUNCTUATION


_KEY = str.maketrans({chr(code): _sort_char(chr(code)) for code in [*range(0x250), *range(0x2000, 0x2070)]})


def swedish_sort_key(text):
    """Sort Swedish text as a Swede expects, in Python and on SQLite as PostgreSQL's ICU collation does: å, ä, ö
    after z, é with e, case ignored, spaces and punctuation before digits and letters."""
    return (text or "").lower().translate(_KEY)


def swedish_order(text):
    """A key that orders as ICU's sv-SE collation does, ties included: texts that differ only in case sort lower
    case first ("af Klint" before "Af Klint"), as on PostgreSQL; other ties by their characters."""
    return swedish_sort_key(text), (text or "").swapcase()


def _compare(a, b):
    """SQLite's side of the collation. Only identical texts compare equal, so `=` and unique stay exact."""
    key_a, key_b = swedish_order(a), swedish_order(b)
    return (key_a > key_b) - (key_a < key_b)


@receiver(connection_created)
def register_swedish_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SWEDISH, _compare)
