"""Signature tables a flattening turned into labels first, then names ("Sekreterare / Ordförande / Justerande",
then "Anna Berg Erik Falk (S) Ida Ek (M)"), and the words a name is made of."""

import re

from meetings.importing.lexicon import NAME_LOWER, NAME_UPPER, is_given_name, split_people

from .document import Document
from .patterns import DOT_LEADER, plausible_name

# "Paragrafer: 1-18", and "§ 54 - 60" (the Paragrafer cell beside a signer's label: "Sekreterare: § 54 - 60")
PARAGRAPHS_FIELD = re.compile(r"^(?:paragraf(?:er)?\s*:?\s*(?:§§?\s*)?|§§?\s*(?=\d))[\d\s,–-]*", re.I)
SIGNER = r"(?:sekreterare|vid protokollet|ordförande|justerare|justerande|underskrift(?:er)?)"
SIGNER_LABELS = re.compile(rf"^(?:{SIGNER}\s*[.:…]*\s*)+$", re.I)  # "Sekreterare Ordförande.", "Justerande.."
SIGNER_THEN_NAMES = re.compile(rf"^((?:{SIGNER}\s*[.:…]*\s+)+)(.+)$", re.I)  # "Sekreterare Ordförande Anna Berg …"


NAME_TOKEN = re.compile(
    rf"^(?:[{NAME_UPPER}][{NAME_LOWER}'’]+(?:-[{NAME_UPPER}][{NAME_LOWER}'’]+)?|\([A-Za-zÅÄÖåäö]{{1,4}}\))$"
)


def labels_then_names(doc: Document, index: int) -> int:
    """A signature table flattened to its labels first, then its names: "Sekreterare / Ordförande / Justerande"
    (a line each or one line) followed by "Ulrika J Gustafsson Marie-Louise Hilmersson (c) Monica Haider (s)", or
    by the last label with the names after it. The names, told apart by given names, go to the labels in order;
    0 when the labels and the names do not pair."""
    first = index
    labels: list[str] = []
    while index < len(doc.lines):
        line = doc.lines[index]
        if labels and PARAGRAPHS_FIELD.fullmatch(line.strip()):
            index += 1  # "Paragrafer 1-8" among the labels: the next cell of the flattened table
            continue
        if line and not SIGNER_LABELS.match(line):
            break
        labels.extend(re.findall(SIGNER, line, re.I))
        index += 1
    if index >= len(doc.lines):
        return 0
    line = doc.lines[index]
    last = SIGNER_THEN_NAMES.match(line)
    if last and not SIGNER_LABELS.match(line):
        labels.extend(re.findall(SIGNER, last.group(1), re.I))
        line = last.group(2)
    labels = [label.lower() for label in labels if not label.lower().startswith("underskrift")]
    if not labels:
        return 0
    names = _paired(labels, line)
    if names is None and len(labels) > 1 and _chosen_above(doc, first):
        names = _after_chosen_and_place(doc, labels, line)
    if names is None and len(labels) > 1:
        names = _names_that_end(doc, labels, line)
    if names is None or len(names) < 2:  # one label and one name is a field, read as one
        return 0
    if labels[-1] not in ("justerare", "justerande") and len(names) > len(labels):
        labels += ["justerande"] * (len(names) - len(labels))  # signers whose label was lost (_names_that_end)
    _sign(doc, labels + labels[-1:] * (len(names) - len(labels)), names)
    return index + 1


def _sign(doc: Document, labels: list[str], names: list[str]) -> None:
    for label, name in zip(labels, names, strict=True):
        if label in ("sekreterare", "vid protokollet"):
            doc.secretary = doc.secretary or name
        elif label == "ordförande":
            doc.chair = doc.chair or name
        else:
            target = doc.justerare if label == "justerare" else doc.signed_justerare
            if name not in target:
                target.append(name)


def labels_under_names(doc: Document, index: int) -> bool:
    """A signature row with each label under its name: "Stig Ander" / "Sekreterare", then "Marie Pers Britt-Inger
    Petters" / "Ordförande Justerare". The labels' line pairs with the names' line above it when they count the same
    and the line below does not (the labels over names below them are the other layout)."""
    labels = [label.lower() for label in re.findall(SIGNER, doc.lines[index], re.I)]
    if not SIGNER_LABELS.match(doc.lines[index]) or any(label.startswith("underskrift") for label in labels):
        return False
    if DOT_LEADER.search(doc.lines[index]):
        return False  # "Ordförande ………": the line to sign on after the label, its name under it
    above = next((doc.lines[n] for n in range(index - 1, max(-1, index - 3), -1) if doc.lines[n].strip()), "")
    names = _names_of_row(above)
    if len(names) != len(labels):
        return False
    below = doc.next_nonblank(index + 1)
    if below is not None and len(_names_of_row(doc.lines[below], known=False)) == len(labels):
        return False  # "Sekreterare" between two names: which one is its own is not told
    _sign(doc, labels, names)
    return True


def _names_of_row(line: str, *, known: bool = True) -> list[str]:
    row = " ".join(re.sub(r"\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\)", " ", line).split())
    if not row or leading_names(row) != row:
        return []
    names = split_people(row)
    # each a person, `known` by a given name the lists know ("Övriga Justering" is a header's labels)
    sure = all(plausible_name(name) and (not known or is_given_name(name.split()[0])) for name in names)
    return names if sure else []


def _paired(labels: list[str], line: str) -> list[str] | None:
    """The names that open `line`, one a label (the last "Justerande" signs for two or more); None when they do
    not pair."""
    run = leading_names(DOT_LEADER.sub(" ", line))
    names = split_people(run)
    if len(names) > 1 and len(names[-1].split()) == 1:  # "… Pär Johnson (FP) Utdragsbestyrkande": the next word
        run = run[: run.rindex(names[-1])].strip()
        names = names[:-1]
    if labels[-1] in ("justerare", "justerande") and len(names) > len(labels):
        labels = labels + labels[-1:] * (len(names) - len(labels))
    words = [word for word in run.split() if not word.startswith("(")]  # party marks are no part of a name
    if len(names) != len(labels) and len(words) == 2 * len(labels) and not any(INITIAL.match(w) for w in words):
        # given names the lexicon lacks ("Reidun"): a name a label, each of a given name and a surname
        names = [" ".join(words[at : at + 2]) for at in range(0, len(words), 2)]
    if len(names) != len(labels) or not all(plausible_name(name) for name in names):
        return None
    return names


# the labels of a flattened header between "Utses att justera" and the signatures' labels, each left empty
EMPTY_BETWEEN = re.compile(r"(?i:justeringens\s+(?:plats\s+och\s+tid|tid\s+och\s+plats)|underskrift(?:er)?|paragrafer)")


def _chosen_above(doc: Document, index: int) -> bool:
    """ "Utses att justera" left empty above the signatures' labels, with only empty labels between."""
    for line in reversed(doc.lines[max(0, index - 4) : index]):
        bare = line.strip(" .:")
        if bare.lower() in ("utses att justera", "utses justera"):
            return True
        if bare and not EMPTY_BETWEEN.fullmatch(bare):
            return False
    return False


def _names_that_end(doc: Document, labels: list[str], line: str) -> list[str] | None:
    """ "Sekreterare / Ordförande , kl 13.30, Kommunförvaltningen Michael Anders Birgitta Jöns Olof Röst": the cell
    of a field above (the justering's time and place) before the names, which run to the line's end. A name past
    the labels signs as a justerare, when it is one of those chosen (their label lost)."""
    words = line.split()
    for at in range(1, len(words)):
        tail = " ".join(words[at:])
        if leading_names(tail) != tail.replace("  ", " "):
            continue
        names = split_people(tail)
        extra = names[len(labels) :]
        plausible = all(plausible_name(name) for name in names)
        if plausible and len(names) >= len(labels) and all(name in doc.justerare for name in extra):
            return names
    return None


def _after_chosen_and_place(doc: Document, labels: list[str], line: str) -> list[str] | None:
    """The values of every label above, in their order, on the last label's line: "Utses att justera / Justeringens
    plats och tid / Underskrifter / Sekreterare / Ordförande / Justerare Göran Kihl (kd) och Lars Ny (s) Stadshuset
    den 25 juni klockan 11:00 Linn Erl Jane Lund (c) Göran Kihl (kd) Lars Ny (s)": the justerare chosen, the place
    and time of the justering, then a name for each signature."""
    chosen = list(doc.justerare)
    rest = shifted_justerare(doc, line)
    words = rest.split()
    for at in range(1, len(words) if rest != line else 0):
        names = _paired(labels, " ".join(words[at:]))
        if names is not None:
            doc.fields.setdefault("justering", " ".join(words[:at]))
            return names
    doc.justerare[:] = chosen  # the values do not pair: none is read
    return None


def chosen_label_empty(doc: Document, index: int) -> bool:
    """ "Utses att justera" alone on the line before, no justerare read yet."""
    before = doc.lines[index - 1].strip(" .:").lower() if index else ""
    return before in ("utses att justera", "utses justera") and not doc.justerare


def shifted_justerare(doc: Document, rest: str) -> str:
    """A flattened header whose "Utses att justera" cell lost its value to the next row: "Justeringens plats och
    tid Ingrid Cassel och Hans Pernervik Kommunstyrelseförvaltningen, måndag 7 mars …". The names that open the
    value are the justerare (a person ends at the first word no name has); what follows them is the place and time."""
    words = rest.split()
    taken = 0
    while taken < len(words) and (words[taken] == "och" or NAME_TOKEN.match(words[taken].rstrip(","))):
        following = words[taken + 1] if taken + 1 < len(words) else ""
        if words[taken] != "och" and following != "och" and re.match(r"^[a-zåäö]", following):
            break  # "Tekniska nämndens kansli": a capitalised word before a lower-case one opens the place
        taken += 1
    names: list[str] = []
    for part in split_people(" ".join(words[:taken])):
        name = part.split()
        while len(name) > 2 and not plausible_name(" ".join(name)):
            name.pop()  # "Hans Pernervik Kommunstyrelseförvaltningen": the place begins after the name
        if not plausible_name(" ".join(name)):
            break
        names.append(" ".join(name))
        if len(name) < len(part.split()):
            break
    if not names:
        return rest
    doc.justerare.extend(name for name in names if name not in doc.justerare)
    return rest[rest.find(names[-1]) + len(names[-1]) :].strip(" ,")


def leading_names(text: str) -> str:
    """The words that can be names at the start of `text`, up to the first that cannot ("ANSLAG/ BEVIS …", "2014-")."""
    words: list[str] = []
    for word in text.split():
        if words and SIGNED_PARAGRAPHS.match(word):
            continue  # "Roger Hansson 6-13 Ingrid Cassel": the paragraphs a signer signed for
        bare = word.rstrip(".") if len(word.rstrip(".")) > 1 else word  # "Margareta Roos. Edgar Hofvergård."
        if not (NAME_TOKEN.match(bare) or INITIAL.match(word)):
            break
        words.append(bare)
    return " ".join(words)


INITIAL = re.compile(r"^[A-ZÅÄÖ]\.?$")  # "Ulrika J Gustafsson"
SIGNED_PARAGRAPHS = re.compile(r"^§?\d{1,3}(?:[-–]\d{1,3})?,?$")


# the captions printed under a signature row, in its order, after its names: "kommunsekreterare ordförande justerare"
CAPTION = r"(?:\w*sekreterare|(?:mötes)?ordförande|justerare|justerande|protokollförare)"
CAPTIONS = re.compile(rf"(?<![\wåäö])((?:{CAPTION}\s+){{1,5}}{CAPTION})(?![\wåäö])")


def captioned_names(text: str) -> tuple[int, list[tuple[str, str]]] | None:
    """A signature row flattened into its names, then its captions in lower case, one for each name ("Lilian
    Johansson Tommy Lindgren Eva Ek kommunsekreterare ordförande justerare"): where the names begin, and each name
    with the role it signs in. None where the captions are fewer than two or the names before them fewer."""
    for captions in CAPTIONS.finditer(text):
        roles = captions.group(1).split()
        before = text[: captions.start()].split()
        for start in range(len(before) - 2 * len(roles), -1, -1):
            names = split_people(" ".join(before[start:]))
            if len(names) < len(roles):
                continue
            if len(names) > len(roles) or not all(plausible_name(name) for name in names):
                break
            at = [word.start() for word in re.finditer(r"\S+", text[: captions.start()])][start]
            return at, [(name, _signing_role(role)) for name, role in zip(names, roles, strict=True)]
    return None


def _signing_role(caption: str) -> str:
    caption = caption.lower().removeprefix("mötes")
    return "sekreterare" if caption.endswith("sekreterare") else caption
