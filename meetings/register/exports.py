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


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection"): a decision text
# "=HYPERLINK(...)" must arrive as the words it is, not as something Excel runs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value):
    """The value for a CSV cell: an apostrophe before a formula-like text, which Excel shows as text."""
    return f"'{value}" if looks_like_formula(value) else value


def xlsx_cell(cell):
    """Keep a formula-like text a text in the workbook: a string cell, quote-prefixed so editing it does not make
    it a formula either."""
    if looks_like_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
