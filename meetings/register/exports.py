"""CSV and Excel exports of the register."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EXPORT_LIMIT = 10_000


def filename(extension):
    return f"beslut-{timezone.localdate():%Y-%m-%d}.{extension}"


CSV_HEADER = [
    _("Datum"),
    _("Förbund/nätverk"),
    _("Organ"),
    _("Paragraf"),
    _("Rubrik"),
    _("Beslut"),
    _("Utfall"),
    _("Beslutsform"),
    _("Länk"),
]
