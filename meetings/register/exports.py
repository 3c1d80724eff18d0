"""CSV and Excel exports of the register: the rows of an export, and the files made of them, every matching row
with memory bounded whatever their number (CSV streamed as it is written, the workbook in write-only mode)."""

import csv
import datetime
import tempfile
from itertools import islice

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import Reservation, Vote
from meetings.register import search, selectors

# Rows read from the database at a time (a server-side cursor on PostgreSQL). 500 rows (with their bodies) hold
# some 4 MB; 2,000 held 17 MB more at the export's peak and were no faster.
EXPORT_CHUNK = 500


def filename(extension):
    return f"beslut-{timezone.localdate():%Y-%m-%d}.{extension}"


CSV_HEADER = [
    _("Datum"),
    _("Förbund/nätverk"),
    _("Organ"),
    _("Paragraf"),
    _("Dnr"),
    _("Rubrik"),
    _("Beslut"),
    _("Utfall"),
    _("Beslutsform"),
    _("Ja"),
    _("Nej"),
    _("Avstår"),
    _("Namnupprop"),
    _("Reservationer"),
    _("Länk"),
]

# Column widths of the spreadsheet, in characters, column by column.
XLSX_WIDTHS = (12, 34, 22, 8, 14, 40, 70, 16, 16, 6, 6, 8, 40, 40, 40)
XLSX_COLUMNS = "ABCDEFGHIJKLMNO"


def export_rows(user, filters):
    """The entries the user may see that match the filters, newest first, one list of cells each: all of them, read
    in chunks of one query (a server-side cursor on PostgreSQL), each chunk's named votes and reservations in one
    query each, so that memory holds one chunk whatever the number of rows."""
    queryset = selectors.entries(user, filters)
    queryset = selectors.joined(queryset.order_by(*selectors.NEWEST_FIRST)).annotate(
        case_number=F("item__case_number"),
        votes_yes=F("decision__votes_yes"),
        votes_no=F("decision__votes_no"),
        votes_abstain=F("decision__votes_abstain"),
    )
    # PostgreSQL plans a cursor for its first tenth (cursor_tuple_fraction 0.1): for a rare word, a walk of the
    # whole date index hoping to meet it soon (2-4 s at 480,000 decisions for 75 rows). An export reads every row,
    # so its plan is made for all of them: the word index, then a sort.
    with search.planner_settings(cursor_tuple_fraction="1"):
        yield from _export_rows(queryset)


def _export_rows(queryset):
    entries = queryset.iterator(chunk_size=EXPORT_CHUNK)
    while chunk := list(islice(entries, EXPORT_CHUNK)):
        decision_ids = [entry.decision_id for entry in chunk if entry.decision_id]
        named_votes = _named_votes(decision_ids)
        reservations = _reservations(decision_ids)
        for entry in chunk:
            owner = entry.body.owner
            yield [
                entry.date.isoformat(),
                owner.name if owner else "",
                entry.body.name,
                f"§ {entry.number}" if entry.number else "",
                entry.case_number or "",
                entry.heading,
                entry.decision_text,
                entry.get_outcome_display() if entry.outcome else "",
                entry.get_method_display() if entry.method else "",
                _number(entry.votes_yes),
                _number(entry.votes_no),
                _number(entry.votes_abstain),
                named_votes.get(entry.decision_id, ""),
                reservations.get(entry.decision_id, ""),
                f"{settings.SITE_URL}/moten/{entry.meeting_id}/#p{entry.item_id}",
            ]


def _number(value):
    return "" if value is None else value


def _named_votes(decision_ids):
    """Each decision's namnupprop as one cell: "Ja: Anna Andersson, Bo Berg. Nej: Cecilia Ek." """
    votes = (
        Vote.objects.filter(decision_id__in=decision_ids)
        .values_list("decision_id", "choice", "attendance__person__name", "attendance__name")
        .order_by("decision_id", "attendance__position", "attendance_id")
    )
    by_decision = {}
    for decision_id, choice, person_name, name in votes:
        by_decision.setdefault(decision_id, {}).setdefault(choice, []).append(person_name or name)
    labels = dict(Vote.Choice.choices)
    return {
        decision_id: " ".join(f"{labels[c]}: {', '.join(names)}." for c, names in choices.items())
        for decision_id, choices in by_decision.items()
    }


def _reservations(decision_ids):
    """Each decision's reservations as one cell: "Anna Andersson (skälet). Bo Berg." """
    rows = (
        Reservation.objects.filter(decision_id__in=decision_ids)
        .values_list("decision_id", "attendance__person__name", "attendance__name", "reason")
        .order_by("decision_id", "id")
    )
    by_decision = {}
    for decision_id, person_name, name, reason in rows:
        text = person_name or name
        by_decision.setdefault(decision_id, []).append(f"{text} ({reason})" if reason else text)
    return {decision_id: ". ".join(names) + "." for decision_id, names in by_decision.items()}


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
    for column, width in zip(XLSX_COLUMNS, XLSX_WIDTHS, strict=True):
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
