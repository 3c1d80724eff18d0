"""Who and what in the register the names of an imported document are: its federation and body, an attendee's
organisation, and the person an attendee (or a name in the text) is, with suggestions, best first, each with its
reason, for the secretary to choose from.

Only people of the federation (or network) the meeting is imported into are ever offered: those with a mandate or
staff role there, and those its own records already name. Names are compared folded (case, accents and the
Swedish letters å, ä, ö folded to their base letters, as old archives and OCR spell them without), and by
difflib's similarity for a close spelling: no rule for any one name.
"""

import datetime
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Exists, OuterRef, Prefetch, Q, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.models import Body, Federation, Mandate, MemberOrganisation, Network, Person, active_on
from federations.permissions import people_for_bodies, people_in_scope
from finsam.collation import swedish_sort_key
from meetings.importing.schema import Attendee
from meetings.models import Attendance

SIMILAR = 0.8  # difflib ratio from which a name counts as a close spelling ("Johanson" for "Johansson")
SIMILAR_ORGANISATION = 0.85
MAX_SUGGESTIONS = 4
# Letters that Danish and Norwegian spellings (and some typewriters) use for ä and ö; NFKD does not decompose them.
FOLDED_LETTERS = str.maketrans({"æ": "a", "ø": "o", "ð": "d", "þ": "th"})
# The parser's name for a body (parser.BODY_WORDS) -> the kind of body it is in the register.
BODY_KINDS = {
    "Arbetsutskottet": Body.Kind.WORKING_COMMITTEE,
    "Beredningsgruppen": Body.Kind.PREPARATORY,
    "Styrgruppen": Body.Kind.STEERING,
    "Medlemssamrådet": Body.Kind.MEMBERS,
    "Presidierna": Body.Kind.NETWORK,
    "Styrelsen": Body.Kind.BOARD,
}


def fold(text: str) -> str:
    """Lower case without accents: "Åslund" and "aslund" fold alike; spaces and hyphens become one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(FOLDED_LETTERS))
    letters = "".join(ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.split())


def same_name(a: str, b: str) -> bool:
    """The same name however it is cased, accented, hyphenated, split by PDF extraction ("Lund qvist") or ordered
    ("Bergström Anna")."""
    return _Name(fold(a)).same_as(fold(b))


def name_similarity(a: str, b: str) -> float:
    """How alike two names are, 0 to 1: difflib's ratio on the folded names, in their order and with their parts
    sorted; a name that leaves out a middle name or second surname of the other, with the same first name, counts
    as close."""
    return _Name(fold(a)).similarity(fold(b))


class _Name:
    """One folded name compared with many: difflib caches what it learns about its second sequence, so the name
    compared against every candidate is that one."""

    def __init__(self, folded: str):
        self.folded = folded
        self.parts = folded.split()
        self.squeezed = folded.replace(" ", "")
        self.in_order = SequenceMatcher(None)
        self.in_order.set_seq2(folded)
        self.sorted = SequenceMatcher(None)
        self.sorted.set_seq2(" ".join(sorted(self.parts)))

    def same_as(self, other: str) -> bool:
        return bool(self.folded) and (
            other.replace(" ", "") == self.squeezed or sorted(other.split()) == sorted(self.parts)
        )

    def similarity(self, other: str, floor: float = 0.0) -> float:
        """As name_similarity; below `floor` the answer may be any lower value (difflib's cheap upper bounds skip
        the full comparison of names that cannot reach it; the same letters in any order bound both orders)."""
        if not self.folded or not other:
            return 0.0
        parts = other.split()
        short, long = sorted((self.parts, parts), key=len)
        left_out = len(short) >= 2 and short[0] == long[0] and set(short) <= set(long)
        self.in_order.set_seq1(other)
        if not left_out and (self.in_order.real_quick_ratio() < floor or self.in_order.quick_ratio() < floor):
            return 0.0
        ratio = self.in_order.ratio()
        if ratio < (floor or 1.0):  # the parts in another order ("Bergström Anna") only when it can matter
            self.sorted.set_seq1(" ".join(sorted(parts)))
            ratio = max(ratio, self.sorted.ratio())
        return max(ratio, 0.9) if left_out else ratio


def same_organisation(parsed: str, known: str) -> bool:
    """The organisation a protocol names is the register's: equal folded, one the other's words plus more
    ("Eskilstuna" and "Eskilstuna kommun"), or a close spelling ("Norbergs kommun", "Norberg kommun")."""
    fa, fb = fold(parsed), fold(known)
    if not fa or not fb:
        return False
    words_a, words_b = set(fa.split()), set(fb.split())
    return (
        fa == fb
        or words_a <= words_b
        or words_b <= words_a
        or SequenceMatcher(None, fa, fb).ratio() >= SIMILAR_ORGANISATION
    )


@dataclass(frozen=True)
class AttendeeChoice:
    """What the secretary chose for one attendee on the review page."""

    AUTOMATIC = ""  # nothing chosen: the sure match, if there is one (the command line, an old form)
    PERSON = "person"  # this person of the register
    NEW = "new"  # a new person in the federation, by this name
    NAME_ONLY = "name"  # the name as written, linked to no one
    SKIP = "skip"  # not in the attendance at all (a letterhead, a signature line read as a name)

    action: str
    person_id: int | None = None
    new_name: str = ""
    organisation: MemberOrganisation | None = None  # as chosen; None: as the text names it


@dataclass(frozen=True)
class Candidate:
    """A person who may be named, with what the matching needs to know about them."""

    person: Person
    folded: str = ""  # fold(person.name)
    organisations: tuple[str, ...] = ()  # the member organisations and federations their mandates name
    is_member: bool = False  # holds a mandate in the body on the meeting's date


@dataclass
class Suggestion:
    person: Person
    same_name: bool
    same_organisation: bool
    is_member: bool
    similarity: float
    reasons: list[str] = field(default_factory=list)
    other_organisation: bool = False  # the document names an organisation, and theirs is another

    @property
    def rank(self) -> tuple:
        return (not self.same_name, not self.same_organisation, not self.is_member, -self.similarity)


def suggest(name: str, organisation: str | None, candidates: Iterable[Candidate]) -> list[Suggestion]:
    """The candidates an attendee may be, best first: the same name before a close spelling, then the same
    organisation, then a seat in the body."""
    found = []
    written = _Name(fold(name))
    for candidate in candidates:
        person = candidate.person
        known = candidate.folded or fold(person.name)
        same = written.same_as(known)
        similarity = 1.0 if same else written.similarity(known, floor=SIMILAR)
        if similarity < SIMILAR:
            continue
        organisation_matches = bool(organisation) and any(
            same_organisation(organisation or "", known) for known in candidate.organisations
        )
        suggestion = Suggestion(person, same, organisation_matches, candidate.is_member, similarity)
        suggestion.other_organisation = bool(organisation and candidate.organisations) and not organisation_matches
        if same:
            suggestion.reasons.append(_("samma namn och organisation") if organisation_matches else _("samma namn"))
        else:
            suggestion.reasons.append(_("liknande namn"))
            if organisation_matches:
                suggestion.reasons.append(_("samma organisation"))
        if candidate.is_member:
            suggestion.reasons.append(_("ledamot i organet"))
        found.append(suggestion)
    found.sort(key=lambda s: (s.rank, swedish_sort_key(s.person.name), s.person.pk))
    return found[:MAX_SUGGESTIONS]


def sure_match(suggestions: list[Suggestion]) -> Person | None:
    """The person to link without asking: the best suggestion when it has the same name and either the same
    organisation or a seat in the body on the day, no organisation other than the document's, and no other with the
    same name is as good (two namesakes alike in organisation and seat are for the secretary to tell apart). The
    name alone is never sure: a namesake of another organisation of the federation is someone else."""
    if not suggestions or not suggestions[0].same_name:
        return None
    best = suggestions[0]
    if best.other_organisation or not (best.same_organisation or best.is_member):
        return None
    rivals = [s for s in suggestions[1:] if s.same_name and s.rank[:3] == best.rank[:3]]
    return None if rivals else best.person


def candidates_for(
    *,
    body: Body | None = None,
    federation: Federation | None = None,
    network: Network | None = None,
    on_date: datetime.date | None = None,
) -> list[Candidate]:
    """Everyone a document imported into `body` (or, before a body is chosen, into `federation`) may name: the
    people of its federation or network (people_for_bodies), and those its own meetings already recorded (an
    earlier import's new person). Two queries: the people, and their mandates there."""
    on_date = on_date or timezone.localdate()
    if body is not None:
        federation, network = body.federation, body.network
        scope = people_for_bodies([body], on_date)
    elif federation is not None:
        scope = people_in_scope(federation)
    else:
        return []
    owner = Q(body__federation=federation) if federation is not None else Q(body__network=network)
    recorded_there = (
        Q(meeting__body__federation=federation) if federation is not None else Q(meeting__body__network=network)
    )
    recorded = Attendance.objects.filter(recorded_there, person__isnull=False).values("person")
    member = (
        Exists(Mandate.objects.filter(active_on(on_date), person=OuterRef("pk"), body=body))
        if body is not None
        else Value(False, output_field=BooleanField())
    )
    mandates_there = Mandate.objects.filter(owner).select_related("organisation", "represents")
    people = (
        Person.objects.filter(Q(pk__in=scope.values("pk")) | Q(pk__in=recorded))
        .annotate(in_body=member)
        .prefetch_related(Prefetch("mandates", queryset=mandates_there, to_attr="mandates_there"))
        .order_by("name", "pk")
    )
    return [
        Candidate(
            person=person,
            folded=fold(person.name),
            organisations=tuple(
                sorted(
                    {o.name for m in person.mandates_there for o in (m.organisation, m.represents) if o is not None}
                    | {m.represents.short_name for m in person.mandates_there if m.represents is not None}
                )
            ),
            is_member=person.in_body,
        )
        for person in people
    ]


@dataclass
class AttendeeRow:
    """One parsed attendee on the review page: what the text says, whom the register suggests, and what is chosen
    when the secretary has not chosen yet."""

    index: int
    attendee: Attendee
    suggestions: list[Suggestion]
    organisation_pk: int | None  # the federation's member organisation the text names, if any

    @property
    def initial(self) -> str:
        person = sure_match(self.suggestions)
        return choice_value(AttendeeChoice.PERSON, person.pk) if person else AttendeeChoice.NAME_ONLY


def choice_value(action: str, person_id: int | None = None) -> str:
    """How a choice is posted: "person-12", "new", "name", "skip"."""
    return f"{action}-{person_id}" if action == AttendeeChoice.PERSON else action


def member_organisations(federation: Federation | None) -> list[MemberOrganisation]:
    """The organisations an attendee of the federation's meetings may represent: its members, past and present."""
    if federation is None:
        return []
    return list(MemberOrganisation.objects.filter(memberships__federation=federation).distinct().order_by("name"))


def attendee_rows(
    attendees: list[Attendee], candidates: list[Candidate], organisations: list[MemberOrganisation]
) -> list[AttendeeRow]:
    """Every parsed attendee with the people they may be; no query (the candidates are loaded once)."""
    rows = []
    for index, attendee in enumerate(attendees):
        written = attendee.get("organisation")
        organisation = next((o for o in organisations if written and same_organisation(written, o.name)), None)
        rows.append(
            AttendeeRow(
                index=index,
                attendee=attendee,
                suggestions=suggest(attendee["name"], written, candidates),
                organisation_pk=organisation.pk if organisation else None,
            )
        )
    return rows


def match_federation(name: str | None) -> Federation | None:
    """The federation a document's "Samordningsförbundet X" names, by name or short name."""
    if not name:
        return None
    core = re.sub(r"^samordningsförbunde[nt]\s+", "", name, flags=re.I).strip()
    return (
        Federation.objects.filter(Q(name__iexact=name) | Q(short_name__iexact=core) | Q(name__icontains=core)).first()
        if core
        else None
    )


def match_body(federation: Federation | None, body_name: str | None) -> Body | None:
    """The federation's body of the kind the document names ("Styrelsen", "Arbetsutskottet")."""
    if federation is None or not body_name:
        return None
    kind = BODY_KINDS.get(body_name)
    return Body.objects.filter(federation=federation, kind=kind).first() if kind else None


def match_organisation(name: str | None) -> tuple[MemberOrganisation | None, Federation | None]:
    """(the member organisation, the federation an attendee represents) an attendee's organisation names."""
    if not name:
        return None, None
    organisation = (
        MemberOrganisation.objects.filter(name__iexact=name).first()
        or MemberOrganisation.objects.filter(name__istartswith=name).first()
    )
    if organisation:
        return organisation, None
    represented = Federation.objects.filter(Q(short_name__iexact=name) | Q(name__icontains=name)).first()
    return None, represented


class People:
    """Whom the names of one document are: the secretary's choice for each attendee, else the register's sure match
    among the people in scope (candidates_for, loaded once), never another federation's namesake."""

    def __init__(self, candidates: list[Candidate], choices: Mapping[str, AttendeeChoice]):
        self.candidates = candidates
        self.choices = choices
        self.by_pk = {candidate.person.pk: candidate.person for candidate in candidates}
        self.attendees: dict[str, Person | None] = {}  # folded name -> whom the attendee became (None: no link)

    def check(self, attendees: list[Attendee]) -> None:
        """Refuse, before anything is written, a choice of someone who is not in scope (another federation's
        person, a tampered id)."""
        problems = [
            _("%(name)s: den valda personen finns inte bland förbundets personer. Välj igen.") % {"name": entry["name"]}
            for entry in attendees
            if (choice := self.choices.get(entry["name"]))
            and choice.action == AttendeeChoice.PERSON
            and choice.person_id not in self.by_pk
        ]
        if problems:
            raise ValidationError(problems)

    def choice_for(self, entry: Attendee) -> AttendeeChoice:
        return self.choices.get(entry["name"]) or AttendeeChoice(AttendeeChoice.AUTOMATIC)

    def sure(self, name: str, organisation: str | None = None) -> Person | None:
        return sure_match(suggest(name, organisation, self.candidates))

    def named(self, name: str | None) -> Person | None:
        """The person a name in the text (chair, secretary, justerare, an assignment's owner) is: the attendee of that
        name as the secretary matched them, else the register's sure match."""
        if not name:
            return None
        folded = fold(name)
        for attendee, person in self.attendees.items():
            if same_name(folded, attendee):
                return person
        return self.sure(name)


class Attendances(dict[str, Attendance]):
    """An imported meeting's attendance rows by folded name, to hang votes, reservations, jäv and service on."""

    def named(self, name: str) -> Attendance | None:
        folded = fold(name)
        return self.get(folded) or next((a for key, a in self.items() if same_name(folded, key)), None)
