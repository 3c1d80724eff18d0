"""Indexing: the register's entries are written from frozen records only."""

import time
from collections import Counter

from django.db import connection, transaction
from django.utils import translation

from federations.models import Project
from meetings.models import AgendaItem, Decision, Meeting, RegisterEntry, RegisterTerm
from meetings.register.analysis import index_terms
from meetings.sanitize import html_to_text


@transaction.atomic
def index_meeting(meeting):
    """(Re)write the register entries of a frozen record; a record that is not frozen has none. The term counts
    follow: those of the entries removed are taken off, those of the entries written added."""
    old = RegisterEntry.objects.filter(meeting=meeting)
    removed = term_counts(old.values_list("heading_terms", "text_terms"))
    old.delete()
    meeting = Meeting.objects.select_related("body").get(pk=meeting.pk)
    if not meeting.is_frozen:
        count_terms(removed, sign=-1)
        return 0
    entries = []
    items = meeting.items.prefetch_related("decisions").order_by("position")
    for item in items:
        decisions = list(item.decisions.all())
        if not decisions and (meeting.is_protocol or item.kind != AgendaItem.Kind.DECISION):
            # A register is of decisions: a protocol's, and a minnesanteckning's § marked as a beslutsärende. The
            # headings of notes ("Välkommen", "Dialogfika i grupper") are not.
            continue
        for decision in decisions or [None]:
            entries.append(_entry(meeting, item, decision))
    RegisterEntry.objects.bulk_create(entries)
    added = term_counts((entry.heading_terms, entry.text_terms) for entry in entries)
    added.subtract(removed)
    count_terms(added)
    projects_follow_decisions(meeting)
    return len(entries)


# What a decision on a project says about its status. Other outcomes (a report noted, an assignment) leave it as it is.
PROJECT_STATUS = {
    Decision.Outcome.APPROVED: Project.Status.GRANTED,
    Decision.Outcome.REJECTED: Project.Status.REJECTED,
    Decision.Outcome.REFERRED_BACK: Project.Status.REFERRED_BACK,
    Decision.Outcome.TABLED: Project.Status.IN_PREPARATION,
}
# A project granted earlier that has since started, ended or been implemented stays there on a later bifall.
GRANTED_OR_LATER = {Project.Status.GRANTED, Project.Status.RUNNING, Project.Status.FINISHED, Project.Status.IMPLEMENTED}


def projects_follow_decisions(meeting):
    """Derive the status of each project decided on in the meeting from its latest decision in a frozen record."""
    for project in Project.objects.filter(decisions__item__meeting=meeting).distinct():
        latest = (
            Decision.objects.filter(
                projects=project, outcome__in=PROJECT_STATUS, item__meeting__status__in=Meeting.FROZEN_STATUSES
            )
            .order_by("-item__meeting__date", "-item__meeting__start_time", "-item__position", "-id")
            .first()
        )
        if latest is None:
            continue
        status = PROJECT_STATUS[latest.outcome]
        if status == Project.Status.GRANTED and project.status in GRANTED_OR_LATER:
            continue
        if project.status != status:
            Project.objects.filter(pk=project.pk).update(status=status)


def _entry(meeting, item, decision):
    return analysed(
        RegisterEntry(
            meeting=meeting,
            item=item,
            decision=decision,
            federation_id=meeting.body.federation_id,
            network_id=meeting.body.network_id,
            body=meeting.body,
            body_kind=meeting.body.kind,
            date=meeting.date,
            number=item.number,
            heading=item.heading,
            item_text=html_to_text(item.text),
            decision_text=decision.text if decision else "",
            outcome=decision.outcome if decision else "",
            method=decision.method if decision else "",
            is_public=meeting.is_public,
        ),
        item.case_number,
    )


def analysed(entry, case_number=""):
    """The entry with the Swedish analyser's terms, which each database indexes (PostgreSQL's tsvector trigger,
    SQLite's FTS5 table): written with the entry, so that both search exactly the same terms. The decision's outcome
    is searched with its heading and decision ("avslag" finds the decisions whose outcome is Avslag), and so are the
    year and the § item's diarienummer (record_words)."""
    entry.heading_terms = index_terms(
        entry.heading, entry.decision_text, outcome_words(entry.outcome), *record_words(entry.date, case_number)
    )
    entry.text_terms = index_terms(entry.item_text)
    return entry


def record_words(date, case_number):
    """What a chair types of a decision beside its words: the year it was made ("ludum 2022" found nothing when the
    text did not say 2022) and its diarienummer ("2022/15", "SF 2022-015"), which no other text of it need hold."""
    return (str(date.year) if date else "", case_number or "")


# Beside an outcome's Swedish label, the words a Swede types for it: the verb, and the forms that hunspell's
# dictionary lists as stems of their own rather than as the verb's (bifölls, bordlades, bordlagt), analysed like
# any word, so that each brings its own forms (avslå: avslog, avslogs, avslås, avslagits; återremittera:
# återremitteras, återremitterades; bordlagd: bordlagda). Lägga till handlingarna has no word of its own to add.
OUTCOME_FORMS = {
    Decision.Outcome.APPROVED: "bifalla bifölls bifallits bifallen",
    Decision.Outcome.REJECTED: "avslå avslagen",
    Decision.Outcome.REFERRED_BACK: "återremittera",
    Decision.Outcome.TABLED: "bordlägga bordlägger bordläggs bordlade bordlades bordlagd bordlagt",
    Decision.Outcome.NOTED: "",
    Decision.Outcome.ASSIGNMENT: "uppdra",
}


def outcome_words(outcome):
    """The words an outcome is searched by: its label in Swedish (the language of the records, whatever the
    language of the request that wrote the entry), OUTCOME_FORMS and its label in English; "" for none."""
    if not outcome:
        return ""
    with translation.override("sv"):
        swedish = f"{Decision.Outcome(outcome).label} {OUTCOME_FORMS[outcome]}"
    # The label the English interface shows in the register's rows and its outcome filter, which a chair reading
    # it types ("rejected", "referred back" found nothing).
    with translation.override("en"):
        english = str(Decision.Outcome(outcome).label)
    return f"{swedish} {english}"


def set_public(meeting):
    RegisterEntry.objects.filter(meeting=meeting).update(is_public=meeting.is_public)


# Longer terms are indexed and found but not counted: the search takes a term it has no count of as rare.
MAX_COUNTED_TERM = 64
# Terms written to the counts in one statement.
TERM_BATCH = 500


def term_counts(rows):
    """How many of the rows (heading_terms, text_terms) hold each term, and how many rows there are (the empty term,
    RegisterTerm.ENTRIES)."""
    counts = Counter()
    for heading_terms, text_terms in rows:
        counts.update({term for term in f"{heading_terms} {text_terms}".split() if len(term) <= MAX_COUNTED_TERM})
        counts[RegisterTerm.ENTRIES] += 1
    return counts


def count_terms(counts, sign=1):
    """Add the counts (a Counter of terms) to RegisterTerm, one upsert per TERM_BATCH terms, in term order so that
    two records indexed at once take their row locks in the same order. The same statement on both databases."""
    changes = sorted((term, sign * n) for term, n in counts.items() if n)
    table = RegisterTerm._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(changes), TERM_BATCH):
            batch = changes[start : start + TERM_BATCH]
            rows = ", ".join(["(%s, %s)"] * len(batch))
            cursor.execute(
                f"INSERT INTO {table} (term, entries) VALUES {rows} "  # noqa: S608 placeholders only
                f"ON CONFLICT (term) DO UPDATE SET entries = {table}.entries + excluded.entries",
                [value for change in batch for value in change],
            )


# Entries re-analysed in one batch (one read, one bulk update).
REANALYSE_BATCH = 2000


def reanalyse_entries(entry_model, term_model, *, limit=None, timings=None):
    """Write every register entry's terms again with today's analyser and count the terms afresh: what a migration
    does when the analyser's rules change (0032), given its historical models, and what bench_reindex times (`limit`
    entries at most, the seconds spent reading and analysing, writing and counting added to `timings`). Returns how
    many entries were written."""
    timings = {} if timings is None else timings
    counts, last, done = Counter(), 0, 0
    fields = ("id", "heading", "decision_text", "item_text", "outcome", "date", "item__case_number")
    while limit is None or done < limit:
        size = REANALYSE_BATCH if limit is None else min(REANALYSE_BATCH, limit - done)
        started = time.perf_counter()
        entries = entry_model.objects.filter(pk__gt=last).order_by("pk").select_related("item").only(*fields)
        batch = list(entries[:size])
        if not batch:
            break
        for entry in batch:
            record = record_words(entry.date, entry.item.case_number)
            entry.heading_terms = index_terms(entry.heading, entry.decision_text, outcome_words(entry.outcome), *record)
            entry.text_terms = index_terms(entry.item_text)
        counts.update(term_counts((entry.heading_terms, entry.text_terms) for entry in batch))
        written = time.perf_counter()
        with transaction.atomic():  # a batch at a time: a migration of a large register holds no lock for long
            entry_model.objects.bulk_update(batch, ["heading_terms", "text_terms"])
        timings["analyse"] = timings.get("analyse", 0) + written - started
        timings["write"] = timings.get("write", 0) + time.perf_counter() - written
        done, last = done + len(batch), batch[-1].pk
    started = time.perf_counter()
    with transaction.atomic():  # the counts change at once: a search never sees them half written
        term_model.objects.all().delete()
        term_model.objects.bulk_create(
            [term_model(term=term, entries=n) for term, n in sorted(counts.items())], batch_size=REANALYSE_BATCH
        )
    timings["count"] = timings.get("count", 0) + time.perf_counter() - started
    return done
