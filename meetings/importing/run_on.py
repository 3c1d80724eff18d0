"""Run-on lists: a flattened table or a line with several people ("Kia Hjelte (M) §§ 31-34 Isak Nobuoka (MP) tj ers.",
"Ingemar Nyman, Bjurholm Dagmar Schröder, Bjurholm …", "Bo Johansson, Älvsbyn, (s, ordförande Maj-Britt …"), read
with the labels, roles and entries of meetings.importing.attendance."""

import re
from collections import deque

from meetings.importing.attendance import ORG_WORDS, PARTIES, ROLES, normalise_role
from meetings.importing.columns import TITLE_END, TITLE_STEMS, give_titles, title_column
from meetings.importing.lexicon import NAME_LOWER, NAME_UPPER, SUBSTITUTES, is_given_name, split_people, surnames
from meetings.importing.segments import ORGANISATION_WORD, is_title_phrase, segment_people, titles_before_names

# "Anna-Lena", "A Ek", "B.", "JanAnders" (a double name whose hyphen the flattening lost)
NAME_WORD = rf"[{NAME_UPPER}](?:[{NAME_LOWER}]+(?:-?[{NAME_UPPER}][{NAME_LOWER}]+)?|\.)?"
# "(S)", or "(s" whose parenthesis a flattening lost; "(vice ordförande)" is a role, not the party "vice"
PARTY_MARK = re.compile(r"\(\s*([A-ZÅÄÖa-zåäö]{1,4})\s*(?:\)|(?=[,\s]|$)(?![^()]*\)))")
# a party's letters before the name, as a table's first column flattened: "M Elise Benjaminsson", "MP Lo Göthberg"
PARTY_FIRST = re.compile(
    rf"(?:^|(?<=[\s,]))({PARTIES})\s+([A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)(?=\s+[A-ZÅÄÖÉ][a-zåäöéü])"
)
ORG_PREFIX = re.compile(
    r"^(?:landstinget|regionen?|kommunförbundet|samordningsförbundet|kommunalförbundet)(?:\s+i)?\s+\S+", re.I
)
ROLE_SUFFIX = re.compile(r"\b(?:\w*" + TITLE_STEMS + r"|ers|sekr|adj|suppl)\b", re.I)
PRESENCE_MARK = re.compile(r"(?:^|\s)X(?:\s*,|\s*$)")
ABSENT_NOTE = re.compile(r"\b(?:anmält|anmälde)\s+förhinder\b|\bfrånvarande\b|\b(?:inte|ej)\s+närvarande\b", re.I)
# "ersättare för NN", "tjänstgör för NN", and in a list of names a plain "för": "Jan-Olof Andersson för Kurt Edlund"
SERVING = re.compile(
    r"\b(?:(?i:ersättare\s+för|ersätter|tjg(?:ör)?\.?\s+för|tjänstgör\s+för|(?:tjg?\.?\s*)?ers\.?\s+för)|för)\s+"
    r"(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,2})"
)
# "Thomas Bäuml (M) (ers Maritha Josefsson (M))": the member a substitute serves for, in brackets after the party
SERVING_IN_BRACKETS = re.compile(
    r"\((?:tjg\.?\s*)?ers(?:ättare)?\.?(?:\s+för)?\s+(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,2})"
    r"(?:\s*\([A-Za-zÅÄÖåäö]{1,4}\))?\s*\)"
)
RANGE = re.compile(
    r"(?:§§?\s*|\bparagraf(?:er|erna)?\s+)?\b(t\s*\.?\s*o\s*\.?\s*m|tom|fr\s*\.?\s*o\s*\.?\s*m|from|till\s+kl|från\s+kl)?\s*\.?\s*"
    r"((?:§\s*)?\d{1,3}(?:\s*[-–]\s*(?:§\s*)?\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?)*)\b(?!:[ea]\b)",
    re.I,
)


def is_run_on(line):
    """A line that holds several people rather than one entry or a comma list of plain names."""
    if len(PARTY_MARK.findall(line)) >= 2:
        return True
    segments = [s.strip() for s in re.split(r",|\boch\b", line) if s.strip()]
    return any(len(_capitalised_tail(s)) >= 2 and _capitalised_tail(s) != s.split() for s in segments[1:]) or any(
        len(s.split()) >= 4 and all(w[:1].isupper() for w in s.split()) for s in segments
    )


def _capitalised_tail(segment):
    words = segment.split()
    tail = []
    for word in reversed(words):
        organisation = ORG_WORDS.search(word) or ORGANISATION_WORD.match(word)  # "Omsorgsnämnden"
        if re.fullmatch(NAME_WORD, word) and not ROLE_SUFFIX.fullmatch(word) and not organisation:
            tail.insert(0, word)
        else:
            break
    return tail


# "Annika Andersson omsorgschef", "Lotta Tyrberg MAS": a name of two or three words, then a title
# ("Gertrud Ivarsson 1:e vice ordf": an ordinal before the title)
NAME_THEN_TITLE = re.compile(
    rf"^((?:{NAME_WORD}\s+){{1,2}}{NAME_WORD})\s+((?:[a-zåäö]|[A-ZÅÄÖ]{{2,5}}\b|[123]:[ea]\s+[a-zåäö])[^()]*)$"
)


def _name_then_title(leading):
    """A name (a given name the lists know, or any two words before a title) and a title, no organisation."""
    name, title = leading.group(1), leading.group(2)
    known = is_given_name(name.split()[0]) or ROLE_SUFFIX.match(
        title.split()[0]
    )  # "Dzenan Ganic verksamhetsutvecklare"
    return bool(known) and not ORG_WORDS.search(name)


NAME_THEN_PLACE = re.compile(rf"^((?:{NAME_WORD}\s+){{1,2}}{NAME_WORD})\s+([A-ZÅÄÖ]\S*(?:\s+\S+)*)$")


def _name_then_organisation(segment):
    """(name, organisation) for "Uno Tjernström Omsorgsnämnden", "Lena Kvarnström Kommunstyrelsen": a name the
    lists know the given name of, then a capitalised word that names a part of an organisation by its ending."""
    found = NAME_THEN_PLACE.match(segment)
    if not found or not is_given_name(found.group(1).split()[0]):
        return None
    first = found.group(2).split()[0]
    if not (ORGANISATION_WORD.match(first) or ORG_WORDS.match(first)):
        return None
    return found.group(1), found.group(2)


def _name_and_title(name, title):
    """ "Anders Ledskog Teknisk" + "chef": a third capitalised word after a given name and a surname opens the title
    unless it is a surname too ("Carl Johan Tykesson": two given names, then the surname)."""
    words = name.split()
    if len(words) == 3 and not is_given_name(words[1]) and words[2].casefold() not in surnames():
        return " ".join(words[:2]), f"{words[2]} {title}"
    return name, title


CHAIR_ROLE = re.compile(r"(?:[123]:[ea]\s+|förste\s+|andre\s+|tredje\s+)?(?:vice\s+)?ordförande", re.I)


def _cut_by_names(segment, *, opens=False):
    """ "Alf Iwarson avdelningschef Gatuavdelningen Christer Norberg avdelningschef …": a stretch without commas that
    holds several people (by their given names) is one entry a person; one who serves for another stays one."""
    people = segment_people(segment) if len(segment.split()) >= 5 and not SERVING.search(segment) else []
    start = segment.find(people[0][0]) if len(people) >= 2 else -1
    head = segment[:start].strip()  # "ordförande Kristina Ideström Bo Rossbol …": the role of the name before
    # a capitalised title first ("Skolchef Birgitte Dahlin …"): a table's cells, each title before its name
    # when it opens the list (after a name, "Elisabeth Mattsson (fp) Kommunordförande Ing-Britt Runger Chef …", the
    # title is that name's, and so on along the row)
    titled = None
    if opens and start >= 0 and head[:1].isupper() and is_title_phrase(head.split()):
        titled = titles_before_names(head, people)
    if titled:
        return [entry for entry in titled if entry]
    if start < 0 or (head and not re.fullmatch(r"[a-zåäö .:-]+", head) and not is_title_phrase(head.split())):
        return [segment]
    return [head] * bool(head) + [" ".join([name, *after]) for name, after in people]


def _title_word(word):
    """ "kanslichef", "Kommunchef": a title, in either case (no given name is one)."""
    return TITLE_END.match(word.lower()) is not None and not is_given_name(word)


# "… och Maria Blomberg (L) samt sekreterare Patrik Skanser, socialchef Lillemor Quist … och områdeschef Marie
# Lindblom": after the members, the officials, each title written before the name
TITLED_AFTER = r"(?=[a-zåäö-]*" + TITLE_STEMS + r"\s+" + NAME_WORD + r"\s+" + NAME_WORD + ")"
OFFICIALS_AFTER = re.compile(r"\s+samt\s+" + TITLED_AFTER)
NUMBERS_AFTER_NAME = re.compile(
    rf"(?:^|\s)(?P<given>[{NAME_UPPER}][\w{NAME_LOWER}-]+)\s+[{NAME_UPPER}][{NAME_LOWER}-]+\s+(\d{{1,3}}(?:\s*[-–]\s*\d{{1,3}})?)$"
)


SURNAME_COMMA_GIVEN = re.compile(rf",\s+([{NAME_UPPER}][{NAME_LOWER}]+(?:-[{NAME_UPPER}][{NAME_LOWER}]+)?)(?=\s|$)")

TITLE_AFTER = re.compile(r"(?:\s+[a-zåäö][\wåäö./-]*)*")  # "rektor", "ordförande": the words in lower case after a name


def _given_name_first(line):
    """ "Andersson, Roland ordförande Brorström, Björn rektor Eide Jensen, Inger …": a list written "Surname, Given
    name", the title after it, each entry turned round ("Roland Andersson ordförande, Björn Brorström rektor, …"),
    where the list opens so (its first word no given name) and writes three names or more so."""
    commas = list(SURNAME_COMMA_GIVEN.finditer(line))
    first = line.split()[0] if line.split() else ""
    known = sum(is_given_name(comma[1]) for comma in commas)
    if known < 3 or not commas or not is_given_name(commas[0][1]) or is_given_name(first.rstrip(",")):
        return line
    # it opens with a surname alone and ends with a given name alone (a wrapped line of "Eva Ek, Per Berg, …" may
    # open with a surname, but ends with a whole name)
    last = line[commas[-1].start() + 1 :].split()
    if not re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]+,", first) or any(word[:1].isupper() for word in last[1:]):
        return line
    entries, start = [], 0
    for comma in commas:
        surname = line[start : comma.start()].strip(" ,")
        after = TITLE_AFTER.match(line, comma.end())  # always a match, empty where no title follows
        entries.append(" ".join(part for part in (comma[1], surname, after.group(0).strip()) if part))
        start = after.end()
    return ", ".join(entries) + line[start:]


def parse_run_on(line, *, status, role):
    """People from a run-on line: each name starts an entry; what follows it (role, organisation, party, §§,
    "tjg ers", "ersättare för NN") belongs to it until the next name."""
    officials = OFFICIALS_AFTER.search(line)
    if officials:
        rest = re.sub(r"\s+och\s+" + TITLED_AFTER, ", ", line[officials.end() :])
        return [
            *parse_run_on(line[: officials.start()], status=status, role=role),
            *parse_run_on(rest, status=status, role=None),
        ]
    line = _given_name_first(line)
    line = re.sub(r"(?:(?<=\s)|^)X(?=\s*,|\s*$)", "", line)  # the "X" of a Närvarande column
    line = _presence_answers(line)
    line = SERVING_IN_BRACKETS.sub(r", ersättare för \1,", line)
    # "… Kjell Hjalmarsson (MP) ordförande 1:e vice ordförande": a table's column of titles after the names
    line, titles = title_column(line)
    if len(PARTY_FIRST.findall(line)) >= 3:  # "L Sofia Sjöstrand, ordförande M Anders Lindahl M Elise …"
        line = PARTY_FIRST.sub(lambda m: f", {m.group(2)}", line)  # each name starts an entry (its party is lost)
    text = PARTY_MARK.sub(lambda m: "(" + m.group(1) + "),", line)
    text = re.sub(r"\(([^)]{5,})\)", r", \1,", text)
    text = re.sub(r"\s+och\s+(?=" + NAME_WORD + r"\s+" + NAME_WORD + ")", ", ", text)
    segments = [
        piece for index, s in enumerate(text.split(",")) for piece in _cut_by_names(s.strip(" .;:"), opens=not index)
    ]
    attribute_mode = sum(1 for s in segments[1:] if len(_capitalised_tail(s)) >= 3) > max(1, len(segments) // 3)
    people, current = [], None

    def start(name):
        nonlocal current
        current = {"name": name, "status": status, "role": role, "organisation": None, "paragraphs": None}
        people.append(current)

    waiting = deque(segments)
    titles_first = False
    titled_before: set[int] = set()  # the entries whose title was written before the name
    words_at_end = [w for s in segments for w in s.split() if re.search(r"[^\W\d]", w)] or [""]
    ends_with_name = not _title_word(words_at_end[-1])
    while waiting:
        segment = waiting.popleft()
        if not segment:
            continue
        # "controller Ann-Sofie Eriksson 13-16": the §§ after the name are the name's, the name still its entry's end
        numbers_after = NUMBERS_AFTER_NAME.search(segment)
        if numbers_after and is_given_name(numbers_after["given"]):
            segment = segment[: numbers_after.start(2)].rstrip()
            waiting.appendleft(numbers_after.group(2))
        absent = ABSENT_NOTE.search(segment)
        # "Roland Johansson (s), inte närvarande Yngve Filipsson": a note that opens the segment ends the entry before
        absent_for = current if absent and not segment[: absent.start()].strip() else None
        if absent:
            segment = (segment[: absent.start()] + segment[absent.end() :]).strip()
        serving = SERVING.search(segment)
        served = None
        if serving and not ORG_WORDS.search(serving.group(1)):  # "sekreterare för Region Kalmar" serves no one
            # "Ersättare för Hans Lobell Bengt Melin (SPI)": the one served, then the next entry
            served = (split_people(serving.group(1)) or [serving.group(1)])[0]
            words_after = segment[serving.start(1) + len(served) :].split()
            if len(served.split()) == 3 and words_after and re.fullmatch(NAME_WORD, words_after[0]):
                served = served.rsplit(" ", 1)[0]  # "för Margareta Nyberg Majne Svensson RPG": the next one's name
            after = segment[serving.start(1) + len(served) :].strip()
            segment = segment[: serving.start()].strip()
            if after:
                waiting.appendleft(after)
        # "Annili Caap m x", "Kristian Krassman, v ordf s x": a table's row, its party in lower case and its mark last
        row_mark = ROW_PARTY_AND_MARK.search(segment)
        if row_mark:
            segment = segment[: row_mark.start()].strip()
            if not segment and current is not None:
                current["party"] = row_mark.group(1).upper()
                continue
        party = re.fullmatch(r"(.*?)\(([A-Za-zÅÄÖåäö]{1,4})\)", segment)
        if party:
            segment = party.group(1).strip()
        tail = _capitalised_tail(segment)
        words = segment.split()
        all_names = 2 <= len(words) <= 3 and all(
            re.fullmatch(NAME_WORD, w) and not ORGANISATION_WORD.match(w) for w in words
        )  # "Uno Tjernström Omsorgsnämnden" is a name and where it comes from
        title = words[-1].lower() if all_names and len(words) == 3 and ROLE_SUFFIX.fullmatch(words[-1]) else None
        if title:  # "Kenth Johansson Kommunchef": a name, then its title capitalised as a table's cell
            words = tail = words[:2]
            segment = " ".join(words)
        if len(tail) < 2 and all_names and not ROLE_SUFFIX.fullmatch(words[0]) and not ORG_WORDS.search(segment):
            tail = words  # "Cecilia Ordförande": a surname that is also a role word
        head = words[: len(words) - len(tail)]
        if ORG_PREFIX.match(segment) and len(tail) >= 3:
            head, tail = head + tail[:1], tail[1:]
        if len(tail) >= 3 and (attribute_mode and not head) and current is not None:
            head, tail = tail[:1], tail[1:]
        if len(tail) >= 4:
            # "Iris Luthman Henrik Malm Lindberg": people whose commas were lost, told apart by their given names
            # (two words the first when the lists know none)
            _attribute(current, " ".join(head), status, implied=role)
            head = []
            names = split_people(" ".join(tail))
            first = names[:-1] if len(names) > 1 else [" ".join(tail[:2])]
            for name in first:
                start(name)
            tail = tail[sum(len(name.split()) for name in first) :]
        leading = NAME_THEN_TITLE.match(segment) if len(tail) < 2 else None
        if len(tail) >= 2 or (len(tail) == 1 and party and not head and current is None):
            # "rektor Bitte Åström, enhetschef Marina Nord-Öberg": a list that opens with a title writes each title
            # before its name
            # (its first title capitalised as a sentence's start, "Kommunchef Göran Clausson, kanslichef …", where the
            # list ends with a name: "Tjänsteman Maria Hedman, kommunsekreterare …, Conny Eriksson, näringslivschef"
            # writes each title after its name)
            opens_titled = bool(head) and (
                TITLE_END.match(head[-1]) is not None or ends_with_name and _title_word(head[-1])
            )
            titles_first = titles_first or (current is None and opens_titled)
            _attribute(current, "" if titles_first else " ".join(head), status, implied=role)
            start(" ".join(tail))
            if titles_first and head:
                _attribute(current, " ".join(head), status, implied=role)
                titled_before.add(id(current))
        elif leading and _name_then_title(leading):
            name, title = _name_and_title(leading.group(1), leading.group(2))
            start(name)  # "Annika Andersson omsorgschef": the name, then its title in lower case
            _attribute(current, title, status, implied=role)
        elif where := _name_then_organisation(segment):
            start(where[0])  # "Uno Tjernström Omsorgsnämnden": the name, then the body or organisation it comes from
            _attribute(current, where[1], status, implied=role)
        else:
            _attribute(current, segment, status, implied=role, post_before=id(current) in titled_before)
        if title and current is not None:
            _attribute(current, title, status, implied=role)
        if party and current is not None:
            current["party"] = party.group(2).upper()
        elif row_mark and current is not None:
            current["party"] = row_mark.group(1).upper()
        # the note is of the name it follows: "Egon Svensson tjänstgör för Elise Benjaminsson" in one segment, or
        # "Mats Johnsson (m), ersättare för Suzanne Frank" in the next; no one serves for themself
        if served and current is not None and current["name"] != served:
            current["serving_for"] = served
            if current["role"] in (None, "ledamot"):  # who serves for a member is a substitute, in any list
                current["role"] = "tjänstgörande ersättare"
        if absent and (absent_for or current) is not None:
            (absent_for or current)["status"] = "anmält förhinder"
    give_titles(people, titles, normalise_role)
    return people


PRESENCE_ANSWER = re.compile(r"(\([A-Za-zÅÄÖåäö]{1,4}\))\s+(Ja|Nej)\b")


def _presence_answers(line):
    """ "NÄRVAROLISTA … Parti Närvaro Micael Glennfalk (m) Ja Helen Nilsson (s) Nej …": a column "Närvaro" answered
    Ja or Nej after each party (not a vote's columns: a list that counts votes is no list of who came)."""
    if len(PRESENCE_ANSWER.findall(line)) < 3 or not re.search(r"\bnärvaro\b", line, re.I):
        return line
    if re.search(r"votering|omröstning|röst", line, re.I):
        return line
    return PRESENCE_ANSWER.sub(lambda m: m.group(1) + (", frånvarande," if m.group(2) == "Nej" else ","), line)


ROW_PARTY_AND_MARK = re.compile(rf"(?:^|\s+)((?i:{PARTIES}))\s+[xX]$")


LOWER_ORGANISATION = r"(?-i:(?:kommunal|samordnings|region|kommun)?förbundet|föreningen|bolaget|stiftelsen)"


def _attribute(person_entry, text, status, *, implied=None, post_before=False):
    """Give a person what their entry says after the name: §§ range, presence, role or organisation."""
    if person_entry is None:
        return
    text = text.strip(" .;:")
    if not text:
        return
    if PRESENCE_MARK.search(" " + text) or text == "X":
        text = PRESENCE_MARK.sub(" ", " " + text).strip(" ,")
    if ABSENT_NOTE.search(text):
        person_entry["status"] = "anmält förhinder"
        text = ABSENT_NOTE.sub("", text).strip(" ,")
    rng = RANGE.search(text)
    paragraphs_said = rng and re.match(r"(?i)§|paragraf", rng.group(0).strip())  # "paragraf 20", "§ 12-13"
    if rng and rng.group(2) and (rng.group(1) or paragraphs_said or re.fullmatch(r"[\d\s,–-]+", rng.group(0).strip())):
        person_entry["paragraphs"] = person_entry["paragraphs"] or _range_text(rng.group(1), rng.group(2))
        text = (text[: rng.start()] + text[rng.end() :]).strip(" ,.")
    if not text:
        return
    roles = ROLE_SUFFIX.findall(text)
    if len(roles) >= 2 and "/" not in text and not re.match(r"(?:tjg|tjänstgörande)\b", text, re.I):
        return  # a detached column of role words ("ordförande vice ordförande ersättare")
    # a capitalised word after the role opens an organisation; a lower-case one goes on with the role ("chef
    # landstingsservice", whose service is a part of the organisation, not one)
    # ("enhetschef kommunalförbundet Vafabmiljö": an organisation's kind in lower case, then its name)
    split = re.fullmatch(
        r"(\S*" + TITLE_STEMS + r")\s+((?:(?-i:[A-ZÅÄÖ])|" + LOWER_ORGANISATION + r"\s+(?-i:[A-ZÅÄÖ]))\S*(?:\s+\S+)*)",
        text,
        re.I,
    )
    where = split.group(2) if split else ""
    if split and (ORG_WORDS.search(where) or ORGANISATION_WORD.match(where)) and not person_entry["organisation"]:
        person_entry["organisation"] = split.group(2)  # "personalrepresentant Kommunalarbetareförbundet"
        text = split.group(1)
        roles = [text]
    if roles or any(re.fullmatch(pattern, text, re.I) for pattern, _role in ROLES):
        said = normalise_role(text)
        # the role a list's label implies gives way to the one written after the name (a chair's over any label's)
        chair_over_label = implied and person_entry["role"] == implied and CHAIR_ROLE.fullmatch(said or "")
        # "Kanslichef Karin Widing (sekreterare)": a post written before the name gives way to the meeting's role
        # written after it
        keeps_minutes = said == "sekreterare" and post_before
        if person_entry["role"] in (None, "ledamot", *SUBSTITUTES, "suppleant") or chair_over_label or keeps_minutes:
            person_entry["role"] = said
        return
    if re.fullmatch(PARTIES, text):  # "Jannike Hillding, M, ordförande": the party, written without brackets
        person_entry["party"] = text
    elif not person_entry["organisation"]:
        person_entry["organisation"] = text


def _range_text(kind, numbers):
    numbers = re.sub(r"§\s*", "", re.sub(r"\s+", "", numbers)).replace("–", "-").replace(",", ", ")
    kind = re.sub(r"[\s.]", "", (kind or "").lower())
    if kind in ("tom",):
        return "-" + numbers
    if kind in ("from", "fröm", "from"):
        return numbers + "-"
    if kind.startswith("fr"):
        return numbers + "-"
    return numbers
