"""A list whose commas were lost by flattening ("Mailis Cavalli-Björkman Fyrbodals kommunalförbund Annika Daisley
Yvonne Samuelsson", "Erik Bergkvist S 1 Ordförande Anders Ågren M 1 Tomas Mörtsell C -") cut into people by the
language rather than by punctuation: a person starts at a given name from the name lists followed by a capitalised
word; what follows a name until the next person (an organisation, a role, a party letter, a presence mark, a
"Tjg §" range) belongs to that person."""

import re

from .columns import TITLE_END
from .lexicon import NAME_LOWER, NAME_UPPER, ROLE, is_given_name, is_organisation, surnames

CAPITALISED = re.compile(rf"^[{NAME_UPPER}][{NAME_LOWER}'’]+(?:-[{NAME_UPPER}][{NAME_LOWER}'’]+)?$")
ORGANISATION_NOUNS = (
    r"förbund|förbundet|kommun|kommunen|stad|region|regionen|landsting|landstinget|förvaltning|förvaltningen|"
    r"myndighet|nämnd|nämnden|verket|styrelse|styrelsen|kansli|kansliet|bolag|förening|föreningen|universitet|län"
)
# A lower-case compound that makes the capitalised word before it an organisation: "Fyrbodals kommunalförbund".
ORGANISATION_NOUN = re.compile(rf"^(?:[a-zåäö]\w*(?:{ORGANISATION_NOUNS}))$")
# After a name, a lower-case organisation noun, bare or a compound's end, says where the person comes from
# ("Edit Palm Tekniska nämnden")
ORGANISATION_TAIL = re.compile(rf"^(?:(?=[a-zåäö])\w*(?:{ORGANISATION_NOUNS}))$")
# A capitalised word that is a part of an organisation by its ending: "Gatuavdelningen", "Arbetslivsförvaltningen"
ORGANISATION_WORD = re.compile(
    r"^[A-ZÅÄÖ][\wåäö-]*(?:avdelningen|förvaltningen|enheten|kontoret|staben|kansliet|nämnden|bolaget|förbundet|"
    r"verket|centret|skolan|sektionen|byrån|kommun|regionen)[,;]?$"
)
PARTY_LETTERS = {"S", "M", "C", "L", "V", "KD", "MP", "SD", "FP", "Fi"}
COLUMN_WORDS = {"ja", "nej", "avstår", "namn", "parti", "närvaro", "reservation", "vakant"}  # a table's headings
ABSENT_MARKS = {"-", "–", "0"}
PRESENT_MARKS = {"1", "X", "x", "I"}  # "I": a column's "1" or "|" as text recognition reads it


def _starts_person(words: list[str], index: int, *, first: bool = False) -> bool:
    """A given name followed by a capitalised word that is not the start of an organisation; the list's first
    person, and one after a row's presence mark, may have a given name the lists lack ("Mailis")."""
    if index + 1 >= len(words) or not (is_given_name(words[index]) or first and CAPITALISED.match(words[index])):
        return False
    if ROLE.match(words[index]) or words[index].casefold() in COLUMN_WORDS or ORGANISATION_WORD.match(words[index]):
        return False
    if _is_title_word(words[index]):  # "Skolchef Birgitte Dahlin"
        return False
    following = words[index + 1].strip(",;")
    if not CAPITALISED.match(following) or ROLE.match(following) or _is_title_word(following):
        return False
    return not (index + 2 < len(words) and ORGANISATION_NOUN.match(words[index + 2]))


def _is_title_word(word: str) -> bool:
    """ "Enhetschef", "Nämndadministratör": a title as a table's cell capitalises it, no surname ("Lärare"? a surname
    the lists know stays one)."""
    return bool(TITLE_END.match(word.casefold())) and not is_given_name(word) and word.casefold() not in surnames()


def _name_length(words: list[str], index: int) -> int:
    """Words of the name starting at `index`: the given name(s) and one or two surnames; a capitalised word
    that opens an organisation ("Fyrbodals kommunalförbund") or the next person is not part of it."""
    length = 1
    while index + length < len(words) and length < 4:
        word = words[index + length].strip(",;")
        if not CAPITALISED.match(word) or ROLE.match(word) or word in PARTY_LETTERS or _is_title_word(word):
            break
        after = words[index + length + 1] if index + length + 1 < len(words) else ""
        if ORGANISATION_NOUN.match(after) or (length >= 2 and is_organisation(word)):  # "Jan Berg" is no place
            break
        has_surname = any(not is_given_name(w) for w in words[index + 1 : index + length])
        if has_surname and _starts_person(words, index + length):
            break
        if length >= 2 and has_surname and word.casefold() not in surnames():
            break
        length += 1
    return length


def segment_people(text: str) -> list[tuple[str, list[str]]]:
    """(name, the words that follow it) for every person in a run-on text; words before the first person are
    dropped. Empty when the text holds no name that starts with a known given name."""
    words = text.split()
    people: list[tuple[str, list[str]]] = []
    index = 0
    while index < len(words):
        # a row ends at its presence mark, and after a title and its organisation: "Alf Iwarson avdelningschef
        # Gatuavdelningen Iqbal Musaji …", where the next name's given name may be one the lists lack
        previous = words[index - 1] if index else ""
        row_ended = (
            index == 0
            or previous in ABSENT_MARKS | PRESENT_MARKS
            or _is_title_word(previous.strip(",;"))  # "Skolchef Birgitte Dahlin": after a title
            or bool(
                people
                and people[-1][1]
                and (ORGANISATION_WORD.match(previous) or re.fullmatch(r"[a-zåäö-]{4,},?", previous))
            )
        )
        if _starts_person(words, index, first=row_ended):
            length = _name_length(words, index)
            if length >= 2:
                name = " ".join(w.strip(",;") for w in words[index : index + length])
                people.append((name, []))
                index += length
                continue
        if people:
            people[-1][1].append(words[index])
        index += 1
    return people


def describe(after: list[str]) -> dict[str, str | None]:
    """The role, organisation, party and presence said by the words after a name ("S 1 Ordförande",
    "Fyrbodals kommunalförbund", "nämndsekreterare,", "C -")."""
    found: dict[str, str | None] = {"role": None, "organisation": None, "party": None, "status": None}
    rest = []
    for word in after:
        bare = word.strip(",;.")
        if bare in PARTY_LETTERS and found["party"] is None:
            found["party"] = bare
        elif bare in PRESENT_MARKS and found["status"] is None:
            found["status"] = "närvarande"
        elif word in ABSENT_MARKS and found["status"] is None:
            found["status"] = "frånvarande"
        else:
            rest.append(bare)
    text = " ".join(word for word in rest if word)
    split = re.fullmatch(r"([a-zåäö-]+(?:\s+[a-zåäö-]+)*)\s+([A-ZÅÄÖ][\wåäö-]*)", text)
    if split and ORGANISATION_WORD.match(split.group(2)):  # "avdelningschef Gatuavdelningen": a title, then where
        found["role"], found["organisation"] = split.group(1), split.group(2)
    elif text:
        # "Tekniska nämnden", "Fyrbodals kommunalförbund": a lower-case organisation noun, bare or a compound's end
        if is_organisation(text) or any(ORGANISATION_TAIL.match(word) for word in rest):
            found["organisation"] = text
        elif ROLE.match(text) or re.fullmatch(r"[a-zåäö-]+", text) or TITLE_END.match(text.lower()):
            found["role"] = text.lower()  # "nämndsekreterare", "Kommunchef" (a table's cell, capitalised)
    return found


def is_title_phrase(words: list[str]) -> bool:
    """ "Skolchef", "Administrativ chef", "vice ordförande": words that end in a title, as a table's cell writes it
    (capitalised or not); an adjective may lead ("Teknisk chef")."""
    if not words or len(words) > 3:
        return False
    last = words[-1].strip(",").lower()
    return bool(TITLE_END.match(last) or ROLE.match(last)) and all(re.fullmatch(r"[\wåäö:.-]+", w) for w in words)


def titles_before_names(head: str, people: list[tuple[str, list[str]]]) -> list[str] | None:
    """ "Skolchef Birgitte Dahlin Förvaltningschef Henrik Andersson Chefssekreterare Christina Söderlund": a list that
    opens with a title writes each title before its name, so the title after one name is the next one's, until a
    name with no title after it ("… Christina Söderlund Helena Strid"). Entries: each name, then its title as an entry
    of its own (what follows a name is that name's); None when the second person has no title before it."""
    entries: list[str] = []
    title = head
    for index, (name, after) in enumerate(people):
        cut = len(after)
        if title and index < len(people) - 1:
            cut = next((len(after) - n for n in (3, 2, 1) if n <= len(after) and is_title_phrase(after[-n:])), cut)
        if index == 0 and cut == len(after):
            return None
        entries += [" ".join([name, *after[:cut]]), title]
        title = " ".join(after[cut:])
    return entries
