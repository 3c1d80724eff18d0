"""CSV and Excel exports of the register: the rows of an export, and the files made of them, every matching row
with memory bounded whatever their number (CSV streamed as it is written, the workbook in write-only mode)."""

import csv
import datetime
import tempfile

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.register import selectors

# Rows read from the database at a time (a server-side cursor on PostgreSQL).
EXPORT_CHUNK = 2000


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
    """The entries the user may see that match the filters, newest first, one list of cells each: all of them, in one
    query read in chunks."""
    queryset = selectors.entries(user, filters)
    queryset = selectors.joined(queryset.order_by(*selectors.NEWEST_FIRST))
    for entry in queryset.iterator(chunk_size=EXPORT_CHUNK):
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


class _Line:
    """A file for csv.writer that hands back what was written instead of keeping it."""

    def write(self, text):
        return text


def csv_lines(rows):
    """CSV for Swedish Excel, line by line as it is written: semicolons, UTF-8 with a byte-order mark, a Swedish
    header row."""
    writer = csv.writer(_Line(), delimiter=";")
    yield "\ufeff" + writer.writerow([str(h) for h in CSV_HEADER])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def xlsx_file(rows):
    """An Excel workbook of one sheet with a bold header row, dates as dates, written in write-only mode (each row
    goes to disk as it comes) into a temporary file, returned open at its start."""
    # openpyxl is loaded on the first spreadsheet export, not by every page of the portal.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Beslut")
    for column, width in zip("ABCDEFGHI", XLSX_WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    sheet.append([_styled(WriteOnlyCell(sheet, value=str(h)), font=bold) for h in CSV_HEADER])
    for row in rows:
        row[0] = datetime.date.fromisoformat(row[0])
        sheet.append([xlsx_cell(WriteOnlyCell(sheet, value=value)) for value in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 handed to the response, which closes it
    workbook.save(output)
    output.seek(0)
    return output


def _styled(cell, *, font):
    cell.font = font
    return cell


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
    return cell
