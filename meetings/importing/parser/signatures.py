"""The header's fields and the signatures: "Datum:", "Plats och tid", "Sekreterare", "Utses att justera", the names
under "Ordförande" and "Justerare", "Justerat"."""

import re

from meetings.importing import attendance as att
from meetings.importing import run_on
from meetings.importing.cleanup import is_footnote
from meetings.importing.columns import TITLE_STEMS
from meetings.importing.dates import find_date
from meetings.importing.lexicon import NAME_UPPER, split_people

from .document import Document
from .officers import MOST_ADJUSTERS
from .patterns import (
    DOT_LEADER,
    FIELD,
    ITEM_NUMBERED,
    ITEM_PARAGRAPH,
    NOT_IN_NAMES,
    PERSON,
    RESERVE,
    WITH_CHAIR,
    names_only,
    plausible_name,
    split_names,
)
from .people import people_in_place
from .signature_rows import (
    NAME_TOKEN,
    PARAGRAPHS_FIELD,
    captioned_names,
    chosen_label_empty,
    labels_then_names,
    labels_under_names,
    leading_names,
    shifted_justerare,
)

PLACE_AND_TIME = (
    "datum",
    "sammanträdesdatum",
    "dag",
    "tid",
    "plats",
    "plats och tid",
    "tid och plats",
    "lokal",
    "paragrafer",
)


def signature_block(doc: Document, index: int) -> int:
    """The index after the field or signature that starts at `index`, with what it says recorded; 0 when the line
    is neither."""
    line = doc.lines[index]
    match = FIELD.match(line)
    headed = None if match else PAGE_HEAD.match(line)
    signing = FIELD.match(line[headed.end() :]) if headed else None
    if headed and signing and signing.group(1).lower() in ("sekreterare", "vid protokollet", "justeras", "ordförande"):
        # "Kommunstyrelsen PROTOKOLL Sammanträdesdatum (2) Sekreterare Jonas Sverkén Justeras …": a page's letterhead
        # over the signatures
        line = doc.lines[index] = line[headed.end() :]
        match = FIELD.match(line)
    if line.strip().lower().rstrip(".") == "justerat":
        doc.signed_on_paper = True
        return index + 1
    if not match:
        return 0
    if captioned := captioned_names(line):
        # "Justerare: Eva Ek Per Ek Lo Berg Eva Ek Per Ek sekreterare ordförande justerare justerare": the
        # signatures, captioned after their names, run on after the field's value
        sign_row(doc, captioned[1])
        line = doc.lines[index] = line[: captioned[0]].rstrip(" ,.")
        match = FIELD.match(line)
        if not match:
            return index + 1
    if labels_under_names(doc, index):
        return index + 1
    after_labels = labels_then_names(doc, index)
    if after_labels:
        return after_labels
    if inline_labels(doc, line):
        return index + 1
    key, rest = re.sub(r"\s+", " ", match.group(1).lower()), match.group(2).strip()
    if key in ("protokolljusterare", "protokollsjusterare"):
        key = "utses att justera"  # "Protokolljusterare Magnus Gustafsson och Kjell Bülow": those chosen
    if key in PLACE_AND_TIME:
        # "Plats och tid Kommunförvaltningen, 2017-11-27, kl 0900 – 17.10 Beslutande Jan Larsson, S": the list's
        # label after the field's value opens the list, read from this line on
        listed = next((m for m in LIST_AFTER.finditer(rest) if att.label_of(rest[m.end() :], header=True)), None)
        if listed and index:
            doc.lines[index] = rest[listed.end() :]
            _place_and_time(doc, index, key, rest[: listed.start()])
            return index
        return _place_and_time(doc, index, key, rest)
    if key.startswith(("justeringens", "justeringsd", "underskrift")):
        if doc.items and not rest:
            return 0
        if key.startswith("justeringens") and chosen_label_empty(doc, index):
            rest = shifted_justerare(doc, rest)
        doc.fields.setdefault("justering", rest)
        if key.startswith("underskrift"):
            return _signers_with_roles(doc, index + 1)
        return index + 1
    rest = PARAGRAPHS_FIELD.sub("", DOT_LEADER.sub(" .. ", rest).strip(" .")).strip(" .")
    if key in ("justerare", "justerande"):
        # "Justerare = Thorleif Ljungros (s) Leif Vestin (c) BEVIS Justeringen har …": the notice after the names
        rest, *notice = NOTICE_AFTER.split(rest, maxsplit=1)
        if notice and not doc.items:
            doc.header_rest.append(notice[0].strip())  # the notice's "Kommunfullmäktiges protokoll är justerat"
        rest = rest.strip()
    if key in ("utses att justera", "utses justera", "justerare"):
        rest = RESERVE.sub("", rest)  # "Finn Stavnsbo (SD) med Lena Stensgård (M) som ersättare": the reserve
    if key in ("utses att justera", "utses justera") and rest and not names_only(rest):
        rest = NEXT_LABEL.split(rest)[0].strip()  # "Gunnel Nyman Gräff Justeringsdatum 25 oktober …"
    if key == "ordförande" and rest and (signers := _names_run_together(rest)):
        # "Ordförande Anders Netterheim Lars-Olof Andersson Anders Westergren": the chair's signature, then the
        # justerare's, whose label the transcript lost
        doc.chair = doc.chair or signers[0]
        doc.signed_justerare.extend(name for name in signers[1:] if name not in doc.signed_justerare)
        return index + 1
    if key in ("ordförande", "justerare", "justerande") and rest and not names_only(rest):
        return 0  # "Ordförande Hanna Roberts hälsar …" is text
    if key == "utsågs":
        rest = re.split(r"\s+att\s+", rest)[0]
        if not names_only(rest):
            return 0
    if WITH_CHAIR.search(match.group(2)):
        doc.with_chair = True
    if key in ("vid protokollet", "justeras") and not rest and signed_row(_next_line(doc, index)):
        return _signers_with_roles(doc, index + 1)  # "Vid protokollet", then "Aja Boman, sekreterare …"
    found, index = names_after(doc, index + 1, rest, key)
    names = [person for part in found for n in split_names(part) for person in _as_people(n)]
    if key in ("sekreterare", "vid protokollet"):
        doc.secretary = doc.secretary or (names[0] if names else None)
    elif key == "ordförande":
        doc.chair = doc.chair or (names[0] if names else None)
    else:
        target = doc.signed_justerare if key in ("justerare", "justerande") else doc.justerare
        for name in names:
            if name not in target:
                target.append(name)
        if target is doc.justerare and len(names) > MOST_ADJUSTERS:
            _ran_on_people(doc, " ".join(found))
    return index


def _names_run_together(text: str) -> list[str]:
    """Two names or more with nothing between them ("Anders Netterheim Lars-Olof Andersson"), told apart by the given
    names; empty for anything else."""
    if names_only(text):
        return []
    people = split_people(re.sub(r"\s*\([A-Za-zÅÄÖåäö]{1,4}\)", "", text).strip(" ."))
    capitalised = all(re.fullmatch(rf"[{NAME_UPPER}][\w'’-]*", word) for person in people for word in person.split())
    return people if len(people) >= 2 and capitalised and all(plausible_name(n) for n in people) else []


def _ran_on_people(doc: Document, text: str) -> None:
    """ "Utses att justera" whose value ran on into the lists after it ("… Elise Teinler, nämndsekreterare Gunnel
    Pettersson, förvaltningschef …"): the people it names were there, with the titles it gives them."""
    known = {entry["name"] for entry in doc.people}
    doc.people.extend(
        entry
        for entry in run_on.parse_run_on(text, status="närvarande", role=None)
        if plausible_name(entry["name"]) and entry["name"] not in known
    )


# a word that starts the next field of a flattened header, never part of a name
NEXT_LABEL = re.compile(r"\s+(?=(?:Juster|Datum|Paragraf|Plats|Sekreterare|Ordförande|Underskrift|Sammanträde)\w*\b)")
INLINE_LABEL = re.compile(r"\b(Sekreterare|Vid protokollet|Ordföranden?|Justerare|Justerande)\b")


def inline_labels(doc: Document, line: str) -> bool:
    """A signature row flattened with its labels among the names: "Sekreterare Mona Berg Ordföranden Erik Falk (S)
    Anna Ek (M) BEVIS OM ANSLAG …". Each label takes the names after it, up to the first word no name has; a
    name after the chair's own, with no justerare label in the row, is a justerare's (the label was lost)."""
    labels = list(INLINE_LABEL.finditer(line))
    if len(labels) < 2 or labels[0].start() != 0:
        return False
    found: list[tuple[str, list[str]]] = []
    for number, mark in enumerate(labels):
        end = labels[number + 1].start() if number + 1 < len(labels) else len(line)
        words = leading_names(DOT_LEADER.sub(" ", line[mark.end() : end]))
        names = [name for name in split_people(words) if plausible_name(name)]
        found.append((mark.group(1).lower(), names))
    if not all(names for _label, names in found):
        return False
    has_justerare = any(label.startswith("juster") for label, _names in found)
    for label, names in found:
        if label in ("sekreterare", "vid protokollet"):
            doc.secretary = doc.secretary or names[0]
        elif label.startswith("ordförande"):
            doc.chair = doc.chair or names[0]
            if not has_justerare:
                doc.signed_justerare.extend(name for name in names[1:] if name not in doc.signed_justerare)
        else:
            doc.signed_justerare.extend(name for name in names if name not in doc.signed_justerare)
    return True


# A signer and the role they sign in, the role after the name: "Pär-Olof Stål, ordförande", "Aja Boman, sekreterare",
# "Eva Lind (S) justerare"
SIGNER_WORD = r"(?:\w*sekreterare|\w*ordförande|justera\w*|underskrift\w*|protokollförare)"
SIGNER_ROLE = r"(?:mötes)?(?:ordförande|sekreterare)|justerare|justerande|protokollförare"
SIGNED_AS = re.compile(rf"({PERSON})(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?,?\s+((?i:{SIGNER_ROLE}))\b[\s,;.]*")


def signed_row(line: str) -> list[tuple[str, str]]:
    """(name, role) for each signer of a line that holds nothing but signers with their roles after their names:
    "Aja Boman, sekreterare      Anders Runelund, ordförande"; empty for any other line."""
    line = DOT_LEADER.sub(" ", line).strip(" ._")
    pairs, end = _signed_prefix(line)
    return pairs if line and end == len(line) else []


def _leading_signed(text: str) -> list[tuple[str, str]]:
    """The signers with their roles after their names that open `text`, up to the first words that are none."""
    return _signed_prefix(DOT_LEADER.sub(" ", text).strip(" .:"))[0]


def _signed_prefix(text: str) -> tuple[list[tuple[str, str]], int]:
    pairs, at = [], 0
    while signed := SIGNED_AS.match(text, at):
        if any(re.fullmatch(SIGNER_WORD, word, re.I) for word in signed.group(1).split()):
            break  # "Sekreterare Kjell-Åke Halldén Ordförande …": labels before the names, no role after one
        pairs.append((signed.group(1), signed.group(2).lower().removeprefix("mötes")))
        at = signed.end()
    return pairs, at


def sign_row(doc: Document, pairs: list[tuple[str, str]]) -> None:
    """The signers of a signature row placed: the chair, the secretary, the justerare who signed."""
    for name, role in pairs:
        if role == "ordförande":
            doc.chair = doc.chair or name
        elif role in ("sekreterare", "protokollförare"):
            doc.secretary = doc.secretary or name
        elif name not in doc.signed_justerare:
            doc.signed_justerare.append(name)


def _signers_with_roles(doc: Document, index: int) -> int:
    """Under "Underskrifter" or "Vid protokollet", lines of signers, each with the role after the name ("Pär-Olof
    Stål, ordförande"; two or three on one row), lines of the signatures between them ("_____"); the index after
    them."""
    while index < len(doc.lines):
        line = DOT_LEADER.sub("", doc.lines[index]).strip(" ._")  # what is left of a signature's line
        pairs = signed_row(line)
        if line and not pairs:
            # "Anna Backlund" over "Sekreterare", "Kjell Svantesson" over "Ordförande": each caption on the line
            # under its name
            captioned = signed_row(f"{line}, {doc.lines[index + 1]}") if index + 1 < len(doc.lines) else []
            if len(captioned) != 1 or not names_only(line):
                break
            pairs, index = captioned, index + 1
        sign_row(doc, pairs)
        index += 1
    return index


def _next_line(doc: Document, index: int) -> str:
    """The first line after `index` with more than a signature's line on it."""
    for line in doc.lines[index + 1 :]:
        if DOT_LEADER.sub("", line).strip(" ._"):
            return line
    return ""


# Words of the signature block that a flattening runs into a name: no part of it
# (besides the words of an organisation or the document, patterns.NOT_IN_NAMES): the block's own labels
NOT_A_NAME = re.compile(r"^(?:Juster\w*|Sekreterare|Ordförande|Utdragsbestyrkande|Bevis|Organ|Anslag\w*)$", re.I)


NAME_PARTICLES = {"de", "van", "von", "af", "der", "den", "da", "di", "la", "le", "du"}


def _as_people(text: str) -> list[str]:
    """The people in a signer's cell that a flattening ran other words into: "Linda Ringhage PROTOKOLL 1(6)",
    "Göran Rosander Justeringen", "Hillevi Andersson Göran Giselsson" (two names, told apart by the given name)."""
    runs: list[list[str]] = [[]]
    for word in text.split():
        bare = word.strip(".,;:")
        no_name = NOT_A_NAME.match(bare) or NOT_IN_NAMES.search(bare)
        initial = runs[-1] and re.fullmatch(r"[A-ZÅÄÖ]", bare)  # "Inger B Larsson": a middle initial
        if NAME_TOKEN.match(bare) and not no_name or runs[-1] and bare in NAME_PARTICLES or initial:
            runs[-1].append(bare)  # "Pernilla de Vries", "Margareta der Nederlanden"
        elif runs[-1]:
            runs.append([])
    people = [p for run in runs if run for p in split_people(" ".join(run)) if plausible_name(p)]
    return people


LONG_FIELD = 240  # no date, time or place is written in so many characters


def _place_and_time(doc: Document, index: int, key: str, rest: str) -> int:
    if doc.items:
        return 0  # "Tid:" inside an item's text is text
    if key in ("plats och tid", "tid och plats", "plats"):
        rest = people_in_place(doc, rest)
    if len(rest) > LONG_FIELD:  # a flattened page run on after its label: its text is kept, the field read from it
        doc.header_rest.append(rest)
    for name in ("plats", "tid") if key in ("plats och tid", "tid och plats") else ("datum" if key == "dag" else key,):
        # "Sammanträdesdatum Kommunstyrelsen" over each page, once with the date: the one that has it
        if name not in doc.fields or (find_date(rest) and not find_date(doc.fields[name])):
            doc.fields[name] = rest
    return index + 1


def names_after(doc: Document, index: int, rest: str, key: str = "") -> tuple[list[str], int]:
    """Names on the rest of the line, or on the following lines (role lines under a name are skipped; under the
    secretary's name, "Ordförande" is the next signature's label, not the secretary's title)."""
    if rest:
        return [rest], index
    names: list[str] = []
    while index < len(doc.lines):
        line = doc.lines[index]
        if not line:
            index += 1
            continue
        chair_label = re.match(r"^ordförande\s*[.:…]*\s*", line, re.I)
        if names and key in ("sekreterare", "vid protokollet") and chair_label:
            signer = line[chair_label.end() :]
            if not signer or names_only(signer):
                break  # the next signature's label, alone or with its name: a secretary is not the chair
        if att.label_of(line, header=True):
            break  # "Justeras:" / "Kristina Alvendal Teres Lindberg" / "Närvarande:": the lists begin
        if names and not DOT_LEADER.search(line) and att._is_role(line):
            doc.titles.setdefault(names[-1].strip(), line.strip(" ,.;()"))
            index += 1
            continue  # "Ordförande" under the name it signs for
        if re.match(PERSON + r"\s+(?=[A-ZÅÄÖ])" + r"(?i:\w*" + TITLE_STEMS + r")$", line):
            break  # "Olivia Gustafsson Sekreterare": the next signature, with its role after the name
        if re.match(r"^paragraf(?:er)?\b", line, re.I):
            line = PARAGRAPHS_FIELD.sub("", line).strip()  # "Paragrafer: 1-18 Åsa Sturk"
            if not line:
                index += 1
                continue
        if ITEM_PARAGRAPH.match(line) or ITEM_NUMBERED.match(line):
            break
        line = re.sub(r"\s*§.*$", "", DOT_LEADER.sub(" ", line)).strip(" .")  # "Kerstin Frimodig § 36 …"
        if FIELD.match(line) or line.lower().rstrip(".") == "justerat" or is_footnote(line):
            break
        if att._is_role(line) or att.normalise_role(line) != line.strip(" ,.;()"):
            if names:
                doc.titles.setdefault(names[-1].strip(), line.strip(" ,.;()"))
            index += 1
            continue  # "Ordförande", "2:e vice ordförande", "Förbundssekreterare" under a name
        bare = re.sub(r"\s*\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\)$", "", line)  # "Anette Asplund (KD)": the name, its party
        if not att._is_name(bare) or (len(bare.split()) > 1 and not plausible_name(bare)):
            break
        names.append(line.strip())
        index += 1
    return names, index


SIGNATURES_ROW = re.compile(r"\b(?:Underskrift(?:er)?|UNDERSKRIFT(?:ER)?)\b")
PAGE_HEAD = re.compile(
    r"^(?:[A-ZÅÄÖ][\wåäö-]*\s+){0,3}(?:PROTOKOLL|[Ss]ammanträdesprotokoll)\s+(?:Sammanträdesdatum\s+)?"
    r"(?:\(\d{1,3}\)|\d{1,3}\s*\(\d{1,3}\))\s+"
)
LIST_AFTER = re.compile(r"\s(?=(?:Beslutande|Närvarande|Ledamöter|Deltagare)\b)")
NOTICE_AFTER = re.compile(r"\s(?:ANSLAG|BEVIS|Anslag|Bevis)\b")
SIGNATURES_END = re.compile(r"\b(?:ANSLAG|BEVIS|Anslag|Bevis|Organ|Justeringens)\b")


JUSTERAT = re.compile(r"\b(?:Justerat|Justeringen)\b")


def captions_on_the_first_page(doc: Document) -> None:
    """A first page run into one line, its signatures captioned after the names ("… Inga Gust, sekreterare Justerat
    den 2 december 2014 … Ingela Uv, justerare Anders Jos, justerare Bevis …"): the secretary and the justerare who
    signed, where no field named them. A chair's caption is left to the lists ("NN, ordförande" opens a list too)."""
    if doc.secretary or doc.justerare or doc.signed_justerare:
        return
    for line in doc.lines[: doc.header_end or len(doc.lines)]:
        if not line or not JUSTERAT.search(line) or att.label_of(line, header=True):
            continue
        captions = [(m[1], m[2].lower()) for m in SIGNED_AS.finditer(line)]
        captions = [(name, role) for name, role in captions if role != "ordförande" and plausible_name(name)]
        if len(captions) >= 2:
            sign_row(doc, captions)
            return


def signers_in_text(doc: Document) -> None:
    """The standard signature table ("Underskrifter Sekreterare … Ordförande … Justerande …") where a transcript ran
    it into the page's text or spread it over lines of its own with dot leaders, for what the fields left unnamed.
    Each label takes the names after it, up to the first word no name has; labels with no names of their own
    ("Sekreterare Ordförande Tuula Lind Tomas Fred (S) Jan Wall (M)") take the names that follow in order, and a name
    left over is a justerare's whose label was lost. Fewer names than labels pair with nothing (the order is lost)."""
    captions_on_the_first_page(doc)
    for index, line in enumerate(doc.lines):
        row = SIGNATURES_ROW.search(line or "")
        if not row:
            continue
        text = " ".join([line[row.end() :], *(later or "" for later in doc.lines[index + 1 : index + 9])])
        text = SIGNATURES_END.split(text)[0]
        signed = _leading_signed(text)
        if len(signed) >= 2:  # "Underskrifter. Maritza Villanueva Contreras (V), ordförande. Rigmor Edelryd, …"
            sign_row(doc, signed)
            continue
        text = re.sub(r"\bParagrafer\b\s*[§\d\s,–-]*", " ", DOT_LEADER.sub(" ", text))
        labels = list(INLINE_LABEL.finditer(text))
        attendees = [p["name"] for p in doc.people if plausible_name(p["name"])]
        waiting: list[str] = []
        for number, label in enumerate(labels):
            end = labels[number + 1].start() if number + 1 < len(labels) else len(text)
            waiting.append(label.group(1).lower())
            run = leading_names(text[label.end() : end].strip(" :"))
            for known in sorted(attendees, key=len, reverse=True):  # the list's names part a run the lexicon cannot
                run = re.sub(rf"(?<![\w-]){re.escape(known)}(?![\w-])", f", {known},", run)
            names = [n for n in split_people(run) if plausible_name(n)]
            if not names:
                continue
            if len(names) >= len(waiting):
                _sign(doc, waiting, names, lost_justerare=not any(lab.startswith("juster") for lab in waiting))
            waiting = []


def _sign(doc: Document, labels: list[str], names: list[str], lost_justerare: bool) -> None:
    """Names paired with their labels in order, where the fields left them unnamed; a justerare label takes every
    name left, and so does the lost one."""
    for position, label in enumerate(labels):
        if label.startswith("juster"):
            signed = names[position:]
        elif label in ("sekreterare", "vid protokollet"):
            doc.secretary = doc.secretary or names[position]
            continue
        else:
            doc.chair = doc.chair or names[position]
            signed = names[position + 1 :] if position == len(labels) - 1 and lost_justerare else []
        if not (doc.justerare or doc.signed_justerare):
            doc.signed_justerare.extend(signed)
