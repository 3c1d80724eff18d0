"""The decision register's index: one row per decision (or per § without one) of a public record."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from federations.models import Body, Federation

from .agenda import AgendaItem
from .decisions import Decision
from .meeting import Meeting


class RegisterEntry(models.Model):
    """One line of the decision register: a decision of a justerat protocol, or an item of approved minutes.

    Denormalised so that the register filters and searches one table; written when a record is frozen
    (meetings.register.indexing.index_meeting), never for drafts. The Swedish analyser (meetings.register.analysis)
    writes `heading_terms` (heading and decision) and `text_terms` (the § text); on PostgreSQL a trigger makes
    `search_vector` of them ('simple' configuration: heading weight A, text weight B) and a GIN index serves the
    search; on SQLite triggers copy them into the FTS5 table meetings_registerentry_fts (migration 0013).
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="register_entries")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="register_entries")
    decision = models.OneToOneField(
        Decision, null=True, blank=True, on_delete=models.CASCADE, related_name="register_entry"
    )
    federation = models.ForeignKey(Federation, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    network = models.ForeignKey(
        "federations.Network", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    body_kind = models.CharField(max_length=30, choices=Body.Kind.choices)
    date = models.DateField()
    number = models.PositiveIntegerField(null=True, blank=True)
    heading = models.CharField(max_length=300)
    item_text = models.TextField(blank=True)
    decision_text = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=Decision.Outcome.choices, blank=True)
    method = models.CharField(max_length=20, choices=Decision.Method.choices, blank=True)
    is_public = models.BooleanField(default=False)
    heading_terms = models.TextField(blank=True, default="", editable=False)
    text_terms = models.TextField(blank=True, default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-date", "-meeting_id", "number", "id"]
        verbose_name = _("beslut i registret")
        verbose_name_plural = _("beslutsregistret")
        indexes = [
            # The register's default order, newest first (§ order within a meeting), read through with LIMIT.
            models.Index(fields=["-date", "-meeting", "number"], name="register_newest_idx"),
            # Filters by federation and body kind within a date range.
            models.Index(fields=["federation", "-date"], name="register_federation_date_idx"),
            models.Index(fields=["outcome", "-date"], name="register_outcome_date_idx"),
            # A body's newest decisions (its Atom feed), in the register's order, read through with LIMIT.
            models.Index(fields=["body", "-date", "-meeting", "number"], name="register_body_newest_idx"),
            # A votering is one decision in twenty: the register's order within them, so that a common word with
            # this filter walks the voteringar newest first instead of every entry.
            models.Index(fields=["method", "-date", "-meeting", "number"], name="register_method_date_idx"),
        ]

    def __str__(self):
        return f"{self.heading} ({self.date})"

    @property
    def outcome_label(self):
        """The outcome's name, from the enum (get_outcome_display rebuilds a dict of lazy labels on every call)."""
        return Decision.Outcome(self.outcome).label if self.outcome else ""


class RegisterTerm(models.Model):
    """How many register entries hold an index term of the Swedish analyser: the register's own statistics, kept by
    indexing (meetings.register.indexing.count_terms), the same on both databases.

    The search reads them to choose its plan before it touches an entry (a rare word: its matches from the word
    index, sorted; a common one: newest first with a limit), and "Menade du …?" draws its candidates from these
    terms, the same tokens that are indexed and searched. A count is an estimate that never falls short while the
    entries are written through indexing; reindex_register counts afresh. The empty term (ENTRIES), which no text
    has, counts the entries themselves."""

    ENTRIES = ""

    term = models.CharField(max_length=64, primary_key=True)
    entries = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("sökterm i registret")
        verbose_name_plural = _("söktermer i registret")

    def __str__(self):
        return f"{self.term} ({self.entries})"
