"""CSV and Excel exports of the register: the rows of an export, and the files made of them."""

import csv
import datetime
import io

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.register import selectors

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

# Column widths of the spreadsheet, in characters, column by column.
XLSX_WIDTHS = (12, 34, 22, 8, 40, 70, 16, 16, 40)


def export_rows(user, filters):
    """The entries the user may see that match the filters, newest first, one list of cells each (at most
    EXPORT_LIMIT), in one query."""
    queryset = selectors.entries(user, filters)
    queryset = selectors.joined(queryset.order_by(*selectors.NEWEST_FIRST))[:EXPORT_LIMIT]
    for entry in queryset:
        owner = entry.body.owner
        yield [
            entry.date.isoformat(),
            owner.name if owner else "",
            entry.body.name,
            f"§ {entry.number}" if entry.number else "",
            entry.heading,
            entry.decision_text,
            entry.get_outcome_display() if entry.outcome else "",
            entry.get_method_display() if entry.method else "",
            f"{settings.SITE_URL}/moten/{entry.meeting_id}/#p{entry.item_id}",
        ]


def csv_content(rows):
    """CSV for Swedish Excel: semicolons, UTF-8 with a byte-order mark, a Swedish header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(h) for h in CSV_HEADER])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


def xlsx_content(rows):
    """An Excel workbook of one sheet with a bold header row; dates as dates."""
    # openpyxl is loaded on the first spreadsheet export, not by every page of the portal.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Beslut"
    sheet.append([str(h) for h in CSV_HEADER])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        row[0] = datetime.date.fromisoformat(row[0])
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            xlsx_cell(cell)
    for column, width in zip("ABCDEFGHI", XLSX_WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
