"""Swedish sorting in the database: å, ä and ö come after z, as a Swede expects.

Names of networks, federations, organisations, people, bodies and projects carry the collation "swedish", so
every ORDER BY on them (lists, select boxes, the admin) is Swedish. On PostgreSQL a migration creates it from ICU's
sv-SE; on SQLite the same name is given to a Python collation on every new connection.
"""

from django.db.backends.signals import connection_created
from django.dispatch import receiver

SWEDISH = "swedish"
_LETTERS = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_sort_key(text):
    """Sort Swedish text as a Swede expects, in Python: å, ä, ö after z, é with e, case ignored."""
    return (text or "").lower().translate(_LETTERS)


def _compare(a, b):
    """SQLite's side of the collation. Only identical texts compare equal, so `=` and unique stay exact."""
    key_a, key_b = swedish_sort_key(a), swedish_sort_key(b)
    return (key_a > key_b) - (key_a < key_b) or (a > b) - (a < b)


@receiver(connection_created)
def register_swedish_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SWEDISH, _compare)
