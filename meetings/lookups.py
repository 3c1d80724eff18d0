"""`field__ilike="word"`: a case-insensitive substring match that also folds Swedish letters.

PostgreSQL answers it with a plain ILIKE '%word%' (the decision register's benchmark compares its index with this
scan). SQLite's LIKE folds only ASCII, so "återremiss" would miss "Återremiss": there both sides go through a
Python casefold registered on every new connection.

`field__in=[...]` on an integer column leaves out the values no such column can hold, as Django already does for
`field=value`: an id from a form such as 99999999999999999999 then matches nothing, where SQLite's driver would
raise OverflowError and the page would fail.
"""

from django.db import models
from django.db.backends.signals import connection_created
from django.db.models.lookups import In
from django.dispatch import receiver


def like_pattern(word):
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ILike(models.Lookup):
    lookup_name = "ilike"

    def get_db_prep_lookup(self, value, connection):
        return "%s", [like_pattern(value)]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs}::text ILIKE {rhs}", [*lhs_params, *rhs_params]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"finsam_casefold({lhs}) LIKE finsam_casefold({rhs}) ESCAPE '\\'", [*lhs_params, *rhs_params]


class IntegerIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def _casefold(value):
    return None if value is None else str(value).casefold()


@receiver(connection_created)
def register_casefold(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("finsam_casefold", 1, _casefold, deterministic=True)


def register():
    models.CharField.register_lookup(ILike)
    models.TextField.register_lookup(ILike)
    models.IntegerField.register_lookup(IntegerIn)
