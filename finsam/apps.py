from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinsamConfig(AppConfig):
    name = "finsam"
    verbose_name = _("Finsamportalen")

    def ready(self):
        from . import (
            accounts,  # noqa: F401  (records each authentication step for signing)
            collation,  # noqa: F401  (registers the Swedish collation on SQLite connections)
        )
