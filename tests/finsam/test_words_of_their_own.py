"""Swedish is the source language and English one switch away: a word the interface shows must reach the reader
through gettext. These tests find words that never do (a model's __str__ built with an f-string, the editor
script's messages, the way a signature was given), which `msgattrib --untranslated` cannot see: they are not in
the catalogue at all.

"Pseudo-English" marks every string gettext returns with ⟦ ⟧, so a test needs no English catalogue entry to see
whether a word went through gettext.
"""

import ast
import datetime
import json
import re
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from federations.models import Body, Federation, Mandate, MemberOrganisation, Membership, Person
from meetings.models import Signature
from meetings.printing.signatures import how_signed

from ..meetings.factories import plan_meeting

ROOT = Path(__file__).resolve().parents[2]
# A word: two letters or more, or one standing alone (the Swedish "i" of "ledamot i styrelsen").
WORD = re.compile(r"[^\W\d_]{2,}|\s[^\W\d_]\s")


@contextmanager
def pseudo_english():
    catalogue = trans_real.translation("en")
    with (
        translation.override("en"),
        mock.patch.object(catalogue, "gettext", lambda message: f"⟦{message}⟧"),
        mock.patch.object(catalogue, "ngettext", lambda one, many, n: f"⟦{one if n == 1 else many}⟧"),
    ):
        yield


def model_modules():
    for app in ("federations", "meetings", "finsam"):
        yield from (ROOT / app).glob("models.py")
        yield from (ROOT / app).glob("models/*.py")


def words_outside_gettext_in_str(path):
    """The literal words of every f-string a __str__ returns (a format spec such as %Y-%m-%d is no word)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef) and function.name == "__str__":
            specs = {id(n.format_spec) for n in ast.walk(function) if isinstance(n, ast.FormattedValue)}
            for node in ast.walk(function):
                if isinstance(node, ast.JoinedStr) and id(node) not in specs:
                    parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
                    found += [f"{path.relative_to(ROOT)}:{node.lineno}: {p!r}" for p in parts if WORD.search(p)]
    return found


def test_no_model_names_itself_with_words_gettext_never_sees():
    # A mandate showed "Britta Bergström, Second vice chair i Styrelse" in an English form's choices.
    found = [line for path in model_modules() for line in words_outside_gettext_in_str(path)]
    assert not found, "\n".join(found)


def test_a_mandate_and_a_membership_name_themselves_in_the_readers_language():
    body = Body(name="Styrelse", federation=Federation(name="Samordningsförbundet Test"))
    mandate = Mandate(person=Person(name="Maja Ledamot"), body=body, role=Mandate.Role.MEMBER)
    membership = Membership(organisation=MemberOrganisation(name="Testby kommun"), federation=body.federation)
    with pseudo_english():
        assert str(mandate) == "⟦Maja Ledamot, ⟦Ledamot⟧ i Styrelse⟧"
        assert str(membership) == "⟦Testby kommun i Samordningsförbundet Test⟧"


# The editor's own script, not the vendored bundle under static/django_prose_editor/.
SCRIPTS = sorted((ROOT / "static" / "js").glob("*.js"))
COMMENT = re.compile(r"/\*.*?\*/|(?<![:\"'\\])//[^\n]*", re.DOTALL)
LITERAL = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`")
# Text for a person: a Swedish letter, or a capitalised word followed by another word ("Logga in igen").
PROSE = re.compile(r"[åäöÅÄÖ]|^[A-ZÅÄÖ][a-zåäö]+ [a-zåäö]")


def prose_in(script):
    code = COMMENT.sub("", script.read_text(encoding="utf-8"))
    return [text for groups in LITERAL.findall(code) for text in groups if text and PROSE.search(text)]


def test_the_scripts_hold_no_words_of_their_own():
    # The editor said "Sparar …", "Sparat 14:05", "Krock: någon annan sparade paragrafen …" on an English page.
    assert SCRIPTS
    found = {script.name: prose_in(script) for script in SCRIPTS}
    assert not any(found.values()), found


@pytest.mark.django_db
def test_the_editor_page_hands_the_script_its_words_in_the_readers_language(client_for, cast):
    meeting = plan_meeting(cast)
    client = client_for("secretary")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(meeting.get_absolute_url()).content.decode()
    words = json.loads(re.search(r'<script id="editor-messages" type="application/json">(.*?)</script>', html).group(1))
    assert words["saved"] == "Saved %(time)s"  # the catalogue has this one; the others wait for theirs
    with pseudo_english():
        html = client.get(meeting.get_absolute_url()).content.decode()
    words = json.loads(re.search(r'<script id="editor-messages" type="application/json">(.*?)</script>', html).group(1))
    assert all(text.startswith("⟦") for text in words.values()), words


def signature(**fields):
    moment = datetime.datetime(2026, 11, 30, 13, 15, 10, tzinfo=datetime.UTC)
    return Signature(signed_at=moment, **fields)


def test_how_a_signature_was_given_is_said_in_the_readers_language():
    # /verifiera/ in English said "Justerat med lösenord och engångskod, kl. 14:15:10".
    with pseudo_english():
        assert how_signed(signature(method="mfa")) == "⟦Justerat med ⟦lösenord och engångskod⟧, kl. 14:15:10⟧"
        eid = signature(method="eid", provider_name="BankID via Testbroker", level="loa3")
        assert how_signed(eid) == "⟦Justerat med BankID via Testbroker (tillitsnivå loa3), kl. 14:15:10⟧"


def test_the_verifikat_still_says_it_in_swedish():
    with translation.override("sv"):
        assert how_signed(signature(method="password")) == "Justerat med lösenord, kl. 14:15:10"
