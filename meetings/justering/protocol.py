"""The protocol as plain data: the snapshot that is signed, hashed and printed, and its print context.

Pure: it reads the database, writes nothing and queues nothing, so the services, the PDF and the views can all use it.
"""

import hashlib
import json

from django.utils import translation
from django.utils.translation import gettext as _

from meetings.drafting.selectors import attendance_list, meeting_for_editor
from meetings.models import Attendance, Vote
from meetings.printing.paragraphs import paragraph_list, paragraph_numbers, paragraph_range
from meetings.printing.typed_text import flat_typed_text
from meetings.text_diff import MOVED, REMOVED, SAME, changed_lines, html_lines, moved_message, moved_parts, typed_lines


def snapshot(meeting):
    """The whole record as plain data: what the signers read, what the PDF shows, what the hash covers.

    Its words (roles, kinds of matter, outcomes) are Swedish, as the protocol is, whatever language the portal was in
    for whoever froze it: the record and its hash do not depend on the sender's interface."""
    with translation.override("sv"):
        return _snapshot(meeting)


def _snapshot(meeting):
    body = meeting.body
    owner = body.federation or body.network
    return {
        "meeting": {
            "id": meeting.pk,
            "federation": owner.name,
            "storage": getattr(owner, "protocol_storage", ""),
            "body": body.name,
            "record_kind": meeting.record_kind,
            "date": meeting.date.isoformat(),
            "start_time": meeting.start_time.strftime("%H:%M") if meeting.start_time else "",
            "end_time": meeting.end_time.strftime("%H:%M") if meeting.end_time else "",
            "place": meeting.place,
            "chair": meeting.chair.name if meeting.chair else "",
            "secretary": meeting.secretary.name if meeting.secretary else "",
            # Added later: older snapshots lack these two, and print without them.
            "title": meeting.title,
            "secretary_title": meeting.secretary_title,
            # The snapshot is a stored, hashed format: its keys never change, these two included.
            "adjusters": [p.name for p in meeting.justerare.order_by("name")],
            "adjustment_place_time": meeting.justering_place_time,
        },
        "attendance": [
            {
                "name": a.display_name,
                "role": a.role,
                "role_label": a.get_role_display(),
                "role_title": a.role_title,
                "status": a.status,
                "organisation": str(a.organisation or a.represents or ""),
                "serving_for": a.serving_for.display_name if a.serving_for else "",
                "paragraphs": a.paragraphs,
                "remote": a.remote,
            }
            for a in attendance_list(meeting)
        ],
        "items": [_item_snapshot(item) for item in meeting_for_editor(meeting)],
    }


def _item_snapshot(item):
    return {
        "id": item.pk,
        "number": item.number,
        "heading": item.heading,
        "kind": item.get_kind_display(),
        "case_number": item.case_number,
        "immediate": item.immediate_justering,
        "text": item.text,
        "recusals": [r.attendance.display_name for r in item.recusals.all()],
        "decisions": [
            {
                "text": d.text,
                "outcome": d.get_outcome_display(),
                "method": d.method,
                "method_label": d.get_method_display(),
                "yes": d.votes_yes,
                "no": d.votes_no,
                "abstain": d.votes_abstain,
                "notes": d.notes,
                "recipients": d.recipients_line,
                "reservations": [{"name": r.attendance.display_name, "reason": r.reason} for r in d.reservations.all()],
                "named_votes": d.named_votes,
            }
            for d in item.decisions.all()
        ],
        "assignments": [
            {
                "owner": a.owner.name if a.owner else a.owner_name,
                "what": a.what,
                "due": a.due.isoformat() if a.due else "",
            }
            for a in item.assignments.all()
        ],
    }


def print_context(snapshot, *, on_paper=False, typed_layout=None):
    """What the printed protocol shows beyond the snapshot itself: the header's groups and the § range.
    The signers' preview in the portal uses the same, so they read what will be printed.

    The header follows real Swedish protocols: Beslutande (with tjänstgörande ersättare "för X"), Ersättare (present,
    not serving), Övriga deltagande (present, no vote), then who was away: Frånvarande and Anmält förhinder.

    `typed_layout`: the layout the record was sealed with (Meeting.typed_layout): its typed texts are laid out as its
    PDF printed them (meetings.printing.typed_text)."""
    meeting = snapshot["meeting"]
    numbers = [item["number"] for item in snapshot["items"] if item["number"]]
    attendance = snapshot["attendance"]
    present = [a for a in attendance if a["status"] == "narvarande"]
    return {
        "s": snapshot,
        "meeting": meeting,
        "paragraph_range": paragraph_range(numbers),
        "decision_makers": [a for a in present if _decides(a)],
        "substitutes": [a for a in present if a["role"] == "ersattare" and not a["serving_for"]]
        + _present_not_serving(present, numbers),
        "others": [a for a in present if not _decides(a) and a["role"] != "ersattare"],
        "excused": [a for a in attendance if a["status"] == "anmalt_forhinder"],
        "absent": [a for a in attendance if a["status"] == "franvarande"],
        "justerare_besides_chair": [name for name in meeting["adjusters"] if name != meeting["chair"]],
        # An imported record was justerat on paper (or not yet): never "Digital justering i Finsamportalen".
        "on_paper": on_paper,
        "flat_typed_text": flat_typed_text(typed_layout),
    }


def _present_not_serving(present, numbers):
    """An ersättare who serves only in some §§ (from the § after a ledamot left, say) is a non-serving ersättare in
    the others, and is listed so: "Beslutande … § 7-9" and "Ersättare … § 1-6"."""
    rows = []
    for a in present:
        if a["role"] == "ersattare" and a["serving_for"] and a["paragraphs"]:
            others = set(numbers) - paragraph_numbers(a["paragraphs"])
            if others:
                rows.append({**a, "serving_for": "", "paragraphs": paragraph_list(others)})
    return rows


def _decides(attendance):
    voting = attendance["role"] in ("ordforande", "vice_ordforande_1", "vice_ordforande_2", "ledamot")
    return attendance["status"] == "narvarande" and (voting or bool(attendance["serving_for"]))


def canonical_json(data):
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(data):
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def describe_changes(old, new):
    """A readable diff between two snapshots, § by §, for the signers. Stored with the revision and read by every
    signer, it is written in Swedish, as the snapshots are, whatever language the sender's portal was in."""
    with translation.override("sv"):
        return _changes(old, new)


def _changes(old, new):
    lines = []
    old_items = {item["id"]: item for item in old["items"]}
    new_items = {item["id"]: item for item in new["items"]}
    for item in new["items"]:
        label = f"§ {item['number']} {item['heading']}" if item["number"] else item["heading"]
        before = old_items.get(item["id"])
        if before is None:
            lines.append(_("Nytt ärende: %(label)s") % {"label": label})
            continue
        before_text = _item_lines(before)
        after_text = _item_lines(item)
        if before_text != after_text:
            lines.append(_("Ändrat: %(label)s") % {"label": label})
            lines.extend(_diff_lines(before_text, after_text))
    for item_id, item in old_items.items():
        if item_id not in new_items:
            lines.append(_("Borttaget: %(heading)s") % {"heading": item["heading"]})
    if old["attendance"] != new["attendance"]:
        lines.append(_("Närvarolistan är ändrad."))
        lines.extend(_diff_lines(_attendance_lines(old["attendance"]), _attendance_lines(new["attendance"])))
    if old["meeting"] != new["meeting"]:
        lines.append(_("Mötets uppgifter är ändrade."))
    return "\n".join(lines) or _("Inga ändringar i texten.")


def _diff_lines(before, after):
    """The lines taken out (-) and put in (+), and a line only moved in or out said in words (meetings.text_diff)."""
    diff = []
    for kind, old, new in changed_lines(before, after):
        if kind == MOVED:
            diff.append(f"    {moved_message() % moved_parts(old, new)}")
        elif kind != SAME:
            diff.append(f"    -{old}" if kind == REMOVED else f"    +{new}")
    return diff


def _attendance_lines(attendance):
    """Each person at the meeting as a line: who changed (away now, serving for someone, for some §§ only) is what
    a signer must see, as it changes who decided."""
    statuses = dict(Attendance.Status.choices)
    lines = []
    for a in attendance:
        parts = [a["name"], a.get("role_label", ""), str(statuses.get(a["status"], a["status"]))]
        if a.get("serving_for"):
            parts.append(f"{_('tjänstgörande ersättare för')} {a['serving_for']}")
        if a.get("paragraphs"):
            parts.append(f"§ {a['paragraphs']}")
        lines.append(", ".join(part for part in parts if part))
    return lines


def _item_lines(item):
    """The § as lines of what the protocol prints: a signer told "no changes" must not find new votes, another
    reservation or an uppdrag in the revision they are asked to sign."""
    lines = [item["heading"]]
    if item.get("case_number"):
        lines.append(f"{_('Dnr')} {item['case_number']}")
    if item.get("immediate"):
        lines.append(_("Omedelbart justerad"))
    if item.get("recusals"):
        lines.append(f"{_('Jäv')}: {', '.join(item['recusals'])}")
    lines.extend(html_lines(item["text"]))
    for decision in item["decisions"]:
        lines.append(f"{_('Beslut')}: {decision['text']} ({decision['outcome']})")
        lines.extend(_decision_lines(decision))
    for assignment in item.get("assignments", []):
        due = f" ({_('klart senast')} {assignment['due']})" if assignment["due"] else ""
        lines.append(f"{_('Uppdrag')}: {assignment['owner']} – {assignment['what']}{due}")
    return [part for line in lines for part in typed_lines(line)]


def _decision_lines(decision):
    lines = []
    if decision.get("method") != "acklamation":
        lines.append(decision.get("method_label", ""))
    if decision.get("method") == "votering":
        counts = {key: decision.get(key) or 0 for key in ("yes", "no", "abstain")}
        lines.append(_("Votering: ja %(yes)s, nej %(no)s, avstår %(abstain)s.") % counts)
    choices = dict(Vote.Choice.choices)
    named = decision.get("named_votes", [])
    votes = [f"{vote['name']}: {choices.get(vote['choice'], vote['choice'])}" for vote in named]
    if votes:
        lines.append(f"{_('Namnupprop')}: {', '.join(votes)}")
    for reservation in decision.get("reservations", []):
        said = _("%(name)s reserverar sig mot beslutet") % {"name": reservation["name"]}
        lines.append(f"{said}: {reservation['reason']}" if reservation["reason"] else said)
    if decision.get("notes"):
        lines.append(f"{_('Protokollsanteckning')}: {decision['notes']}")
    if decision.get("recipients"):
        lines.append(f"{_('Beslutet skickas till')}: {decision['recipients']}")
    return lines
