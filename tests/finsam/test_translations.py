"""Swedish is the source language; the English catalogue must translate every string it holds."""

import re
from pathlib import Path

import pytest

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def joined(block):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))


def test_every_string_in_the_english_catalogue_is_translated():
    text = CATALOGUE.read_text(encoding="utf-8")
    # A string and its translation may each run over several lines ("" then the wrapped parts).
    strings = r'((?:"(?:[^"\\]|\\.)*"\n)+)'
    entries = re.findall(rf"\nmsgid {strings}(?:msgid_plural [^\n]*\n)?msgstr(?:\[0\])? {strings}", text)
    untranslated = [msgid for msgid, msgstr in entries if joined(msgid) and not joined(msgstr)]
    assert len(entries) > 500
    assert not untranslated, untranslated[:10]
    assert not re.search(r"^#,.*\bfuzzy\b", text, re.MULTILINE)  # compilemessages would skip a fuzzy entry


@pytest.mark.django_db
def test_english_is_one_switch_away(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "Notice board" in html and "Search the decisions" in html
    assert 'lang="en"' in html
