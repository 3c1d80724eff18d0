"""Import a board roster from CSV: a dry run that says per row what would happen, then all rows or none.

Columns (header row required, `;` or `,` separated, UTF-8 or Windows-1252):
namn, e-post, parti, organ, roll, utsedd_av, från, till, inkallelseordning.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from finsam.audit import log_action

from . import services
from .models import Body, Mandate, MemberOrganisation, Person
from .permissions import people_in_scope

COLUMNS = ["namn", "e-post", "parti", "organ", "roll", "utsedd_av", "från", "till", "inkallelseordning"]
REQUIRED = ["namn", "organ", "roll", "från"]
ROLE_WORDS = {label.lower(): value for value, label in Mandate.Role.choices} | {v: v for v in Mandate.Role.values}
ROLE_WORDS.update({"ordf": Mandate.Role.CHAIR, "ers": Mandate.Role.SUBSTITUTE, "fc": Mandate.Role.DIRECTOR})


@dataclass
class RowPlan:
    line: int
    name: str
    actions: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    values: dict = field(default_factory=dict)

    @property
    def ok(self):
        return not self.errors


def decode(raw):
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # bytes neither UTF-8 nor Windows-1252 has (0x81, 0x8d …): no text file
        raise ValidationError(_("Filen ser inte ut att vara text. Spara den som CSV och försök igen.")) from None


def read_rows(raw):
    """The rows as dicts keyed by lower-case header. Raises ValidationError for an unreadable file."""
    text = decode(raw)
    if not text.strip():
        raise ValidationError(_("Filen är tom."))
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";"
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    headers = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in headers]
    if missing:
        raise ValidationError(_("Kolumner saknas: %(columns)s.") % {"columns": ", ".join(missing)})
    reader.fieldnames = headers
    return [(index + 2, {k: (v or "").strip() for k, v in row.items() if k}) for index, row in enumerate(reader)]


def _date(value, errors, label):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        errors.append(_("%(label)s är inte ett datum (ÅÅÅÅ-MM-DD): %(value)s") % {"label": label, "value": value})
        return None


def _periods_overlap(one, other):
    """[start, end] periods, an end of None running on."""
    (start, end), (other_start, other_end) = one, other
    return (end is None or end >= other_start) and (other_end is None or other_end >= start)


def plan(federation, raw):
    """What importing the file would do, row by row. Saves nothing."""
    bodies = {b.name.lower(): b for b in Body.objects.filter(federation=federation)}
    bodies.update({b.slug: b for b in bodies.values()})
    organisations = {o.name.lower(): o for o in MemberOrganisation.objects.filter(memberships__federation=federation)}
    plans, seats, singles = [], {}, {}
    # the people a row's name may be: the federation's own, never another federation's namesake (who would become
    # a ledamot here, reading this federation's drafts)
    in_scope = people_in_scope(federation)
    for line, row in read_rows(raw):
        result = RowPlan(line=line, name=row.get("namn", ""))
        errors = result.errors
        for column in REQUIRED:
            if not row.get(column):
                errors.append(_("Kolumnen %(column)s är tom.") % {"column": column})
        body = bodies.get(row.get("organ", "").lower())
        if row.get("organ") and body is None:
            errors.append(_("Förbundet har inget organ som heter %(body)s.") % {"body": row["organ"]})
        role = ROLE_WORDS.get(row.get("roll", "").lower())
        if row.get("roll") and role is None:
            errors.append(_("Okänd roll: %(role)s.") % {"role": row["roll"]})
        organisation = None
        if row.get("utsedd_av"):
            organisation = organisations.get(row["utsedd_av"].lower())
            if organisation is None:
                errors.append(_("%(org)s är inte medlem i förbundet.") % {"org": row["utsedd_av"]})
        start = _date(row.get("från"), errors, _("från"))
        end = _date(row.get("till"), errors, _("till"))
        order = None
        if row.get("inkallelseordning"):
            if row["inkallelseordning"].isdigit():
                order = int(row["inkallelseordning"])
            else:
                errors.append(_("Inkallelseordningen måste vara ett heltal."))
        namesakes = list(in_scope.filter(name__iexact=result.name)[:2]) if result.name else []
        if len(namesakes) > 1:
            errors.append(
                _("Förbundet har flera personer som heter %(name)s: lägg till uppdraget med Nytt uppdrag.")
                % {"name": result.name}
            )
        person = namesakes[0] if namesakes else None
        if not errors:
            key = (result.name.lower(), body.pk)
            if key in seats:
                errors.append(_("Samma person och organ finns redan på rad %(line)s.") % {"line": seats[key]})
            seats[key] = line
        if not errors:
            existing = person and Mandate.objects.filter(person=person, body=body, role=role, start=start).exists()
            if existing:
                result.actions.append(_("Uppdraget finns redan – ingen ändring."))
            else:
                try:
                    services.validate_mandate(
                        person=person or Person(name=result.name),
                        body=body,
                        role=role,
                        start=start,
                        end=end,
                        organisation=organisation,
                        substitute_order=order,
                    )
                except ValidationError as exc:
                    errors.extend(message for messages in exc.message_dict.values() for message in messages)
            if not errors and not existing and role in services.SINGLE_HOLDER_ROLES:
                # two rows of the file holding one chair at once: the database does not know either of them yet
                for other_line, other in singles.get((body.pk, role), []):
                    if _periods_overlap((start, end), other):
                        errors.append(
                            _("Rad %(line)s är redan %(role)s i %(body)s under samma period.")
                            % {"line": other_line, "role": Mandate.Role(role).label.lower(), "body": body.name}
                        )
                singles.setdefault((body.pk, role), []).append((line, (start, end)))
            if not errors and not existing:
                if person is None:
                    result.actions.append(_("Ny person: %(name)s.") % {"name": result.name})
                result.actions.append(
                    _("Nytt uppdrag: %(role)s i %(body)s från %(start)s.")
                    % {"role": Mandate.Role(role).label.lower(), "body": body.name, "start": start}
                )
                result.values = {
                    "person": person,
                    "name": result.name,
                    "email": row.get("e-post", ""),
                    "party": row.get("parti", ""),
                    "body": body,
                    "role": role,
                    "organisation": organisation,
                    "start": start,
                    "end": end,
                    "substitute_order": order,
                }
        plans.append(result)
    if not plans:
        raise ValidationError(_("Filen har inga rader under rubrikraden."))
    return plans


@transaction.atomic
def apply(federation, raw, *, actor):
    """Import every row, or none: any invalid row rolls everything back. Returns the plans."""
    plans = plan(federation, raw)
    if not all(p.ok for p in plans):
        raise ValidationError(_("Filen innehåller fel. Inget har sparats."))
    created = 0
    for row in plans:
        values = dict(row.values)
        if not values:
            continue
        person = values.pop("person") or services.person_save(
            actor=actor, federation=federation, name=values["name"], email=values["email"], party=values["party"]
        )  # inside the import's transaction: a later failure rolls the new person back too
        for key in ("name", "email", "party"):
            values.pop(key)
        services.mandate_create(actor=actor, person=person, **values)
        created += 1
    log_action("federations.roster.imported", actor=actor, federation=federation, mandates=created)
    return plans
