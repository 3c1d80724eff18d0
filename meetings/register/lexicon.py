"""The Swedish lexicon of the register's analyser: hunspell's sv_SE dictionary (the `hunspell-sv` package), its word
forms with their lemmas and their places in a compound, read from a table on disk.

hunspell's dictionary is a list of stems with flags (`medlem/AFIvY`) and an affix file that says what each flag adds
(`SFX v 0 s/WXZ`: medlem -> medlems, a form that may begin a compound and only there). Every form it allows is written
once (`manage.py build_lexicon`, or at first use: about 20 s) into a SQLite table under var/ (950,000 forms, 32 MB on
disk: form -> its lemmas and roles), which a process then reads a word at a time. The dictionary loaded by spylls, a
pure-Python hunspell, takes 7 s and 250 MB in every web worker and 2 ms a word; the table holds in memory only the
words asked (and cached), about 20 µs a word. Its name carries the digest of the dictionary and of this reader: either
changed makes a new table.

A form's roles, hunspell's flags read for a word: WORD (a word on its own), BEGIN, MIDDLE and END of a compound
(COMPOUNDBEGIN, COMPOUNDMIDDLE, COMPOUNDEND; a suffix with COMPOUNDPERMITFLAG keeps its form's place, a linking form
such as `medlems` is ONLYINCOMPOUND), FORBIDDEN (a compound the dictionary rules out).
"""

import hashlib
import os
import re
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "hunspell-sv"
DICTIONARY = "sv_SE"

WORD, BEGIN, MIDDLE, END, FORBIDDEN = "w", "b", "m", "e", "x"


@dataclass(frozen=True)
class Affix:
    """One line of an SFX rule: strip `strip` from the end, add `add`, where the stem ends as `condition` says; the
    form gets the `flags` after the slash (compound flags here)."""

    strip: str
    add: str
    condition: re.Pattern
    flags: str


@dataclass
class Rules:
    suffixes: dict  # flag -> [Affix]
    options: dict  # the single-value options: COMPOUNDBEGIN X, ONLYINCOMPOUND Z, COMPOUNDMIN 2, ...


def dictionary_files():
    """The .aff and .dic files of the installed hunspell-sv distribution."""
    for file in metadata.files(DISTRIBUTION) or ():
        if file.name == f"{DICTIONARY}.dic":
            dic = Path(file.locate()).resolve()
            return dic.with_suffix(".aff"), dic
    raise LookupError(f"{DISTRIBUTION} has no {DICTIONARY}.dic: pip install -r requirements.txt")


def read_affixes(path):
    suffixes, options = {}, {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if fields[0] == "SFX" and len(fields) >= 5:
            _, flag, strip, add, condition = fields[:5]
            add, _, flags = add.partition("/")
            suffixes.setdefault(flag, []).append(
                Affix(
                    strip="" if strip == "0" else strip,
                    add="" if add == "0" else add,
                    condition=re.compile(f"(?:{condition})$"),
                    flags=flags,
                )
            )
        elif fields[0] == "SFX" or fields[0] == "PFX":
            continue  # a rule's header (flag, cross product, count); the Swedish dictionary has no prefixes
        elif len(fields) == 2:
            options[fields[0]] = fields[1]
    return Rules(suffixes, options)


def forms(rules, stem, flags):
    """(form, roles) of one dictionary entry: the stem and every form its suffixes make, with their roles."""
    option = rules.options.get
    begin, middle, end = option("COMPOUNDBEGIN", "X"), option("COMPOUNDMIDDLE", "U"), option("COMPOUNDEND", "Y")
    only_in_compound, forbidden = option("ONLYINCOMPOUND", "Z"), option("FORBIDDENWORD")
    needs_affix = option("NEEDAFFIX")
    if forbidden and forbidden in flags:
        yield stem, FORBIDDEN
        return
    compound = (BEGIN if begin in flags else "") + (MIDDLE if middle in flags else "")
    whole = "" if only_in_compound in flags or (needs_affix and needs_affix in flags) else WORD
    yield stem, whole + compound + (END if end in flags else "")
    for flag in flags:
        for affix in rules.suffixes.get(flag, ()):
            if not stem.endswith(affix.strip) or not affix.condition.search(stem):
                continue
            form = stem[: len(stem) - len(affix.strip)] + affix.add
            if not form:
                continue
            # A suffix's own compound flags place its form (medlems: begins a compound, and only there); any other
            # suffixed form of a stem that may end a compound ends one (projekt|medlen).
            linking = only_in_compound in affix.flags
            roles = "" if linking else WORD
            roles += (BEGIN if begin in affix.flags else "") + (MIDDLE if middle in affix.flags else "")
            roles += END if end in flags and not linking else ""
            yield form, roles


def read_dictionary(aff, dic):
    """{form: {lemma: roles}} of every form the dictionary allows, lower-cased (the analyser's words are), and
    {lemma: (own forms, name)}: how many forms of its own a stem makes (beside itself and an adjective's agreeing -a
    and -e: a superlative listed on its own, högst, makes högsta), and whether it is a name (every entry of it is
    written with a capital: Johanna, Farsta)."""
    rules = read_affixes(aff)
    table, stems = {}, {}
    lines = Path(dic).read_text(encoding="utf-8").splitlines()[1:]  # the first line is the number of entries
    for line in lines:
        entry = line.split("\t")[0].split(" ")[0]
        written, _, flags = entry.partition("/")
        stem = written.lower()
        if not stem.isalpha():  # abbreviations with a dot, words with a hyphen: never one token of the analyser
            continue
        own = set()
        for form, roles in forms(rules, stem, flags):
            lemmas = table.setdefault(form.lower(), {})
            lemmas[stem] = "".join(sorted(set(lemmas.get(stem, "")) | set(roles)))
            if WORD in roles and form.isalpha():  # not the hyphenated "högst-" that begins "högst-högst"
                own.add(form.lower())
        made, name = stems.get(stem, (0, True))
        stems[stem] = (max(made, len(own - {stem, stem + "a", stem + "e"})), name and written[:1].isupper())
    return rules, table, stems


def digest(aff, dic):
    content = hashlib.sha256()
    for path in (aff, dic, __file__):  # this reader's rules too: a change in them makes a new table
        content.update(Path(path).read_bytes())
    return content.hexdigest()[:16]


SCHEMA = "CREATE TABLE forms (form TEXT PRIMARY KEY, entries TEXT NOT NULL) WITHOUT ROWID"
STEMS = "CREATE TABLE stems (stem TEXT PRIMARY KEY, own_forms INTEGER NOT NULL, name INTEGER NOT NULL) WITHOUT ROWID"


def build(aff, dic, target):
    """Write the table of forms to `target`, through a temporary file renamed into place, so that processes that
    build it at once (test workers) never read half of one."""
    rules, table, stems = read_dictionary(aff, dic)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as db:
            db.execute(SCHEMA)
            db.execute("CREATE TABLE options (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.executemany(
                "INSERT INTO forms VALUES (?, ?)",
                ((form, " ".join(f"{lemma}:{roles}" for lemma, roles in sorted(lemmas.items())))
                 for form, lemmas in sorted(table.items())),
            )  # fmt: skip
            db.executemany("INSERT INTO options VALUES (?, ?)", rules.options.items())
            db.execute(STEMS)
            db.executemany("INSERT INTO stems VALUES (?, ?, ?)", ((s, n, int(name)) for s, (n, name) in stems.items()))
        db.close()
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def table_path():
    from django.conf import settings

    aff, dic = dictionary_files()
    return aff, dic, Path(settings.VAR_DIR) / "lexicon" / f"{DICTIONARY}-{digest(aff, dic)}.sqlite3"


_connect_lock = threading.Lock()
_read_lock = threading.Lock()


@cache
def _table():
    """The table, built from the dictionary on first use (a few seconds; the Dockerfile builds it into the image)."""
    with _connect_lock:
        aff, dic, path = table_path()
        if not path.exists():
            build(aff, dic, path)
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


@cache
def options():
    return dict(_table().execute("SELECT name, value FROM options").fetchall())


@lru_cache(maxsize=200_000)
def entries(form):
    """{lemma: roles} of a lower-case form; {} for a form the dictionary does not have."""
    table = _table()
    with _read_lock:  # one connection for the process's threads, read one at a time
        row = table.execute("SELECT entries FROM forms WHERE form = ?", (form,)).fetchone()
    if row is None:
        return {}
    return dict(item.split(":") for item in row[0].split(" "))


def lemmas_as(form, role):
    """The lemmas of which `form` is a form in that role (a word, or a compound's beginning, middle or end)."""
    return tuple(sorted(lemma for lemma, roles in entries(form).items() if role in roles))


@lru_cache(maxsize=200_000)
def stem(word):
    """(own forms, name) of a stem of the dictionary (read_dictionary), None for a word that is no stem."""
    table = _table()
    with _read_lock:
        row = table.execute("SELECT own_forms, name FROM stems WHERE stem = ?", (word,)).fetchone()
    return None if row is None else (row[0], bool(row[1]))
