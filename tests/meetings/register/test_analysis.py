"""The Swedish analyser: what a word must find and must not find, at index time and at query time alike."""

import pytest

from meetings.register import analysis

# (query, texts it must find, texts it must not find). The same table runs through the register on SQLite and
# PostgreSQL (test_search_table.py): both databases must give exactly the analyser's hits.
TABLE = [
    ("samråd", ["Medlemssamråd"], ["Samordning"]),
    ("rapport", ["Delårsrapport"], ["Rapportera avvikelser"]),
    ("delår", ["Delårsrapport"], []),
    ("sjukskrivna", ["Kartläggning av långtidssjukskrivna"], ["Skrivelse från regionen"]),
    ("bevilja", ["Styrelsen beviljade ansökan"], []),
    ("beslutade", ["Styrelsen beslutar om budgeten"], []),
    ("Skövde", ["Studio Ludum Skövdes"], []),
    ("förbundet", ["Förbundens ekonomi", "Samordningsförbundet Test"], ["Avtalet är bundet"]),
    ("förbund", ["Förbundens ekonomi", "Samordningsförbundet Test"], []),
    ("insats", ["Arbetsmarknadsinsatser", "Uppföljning av insatserna"], ["Insikt om behoven"]),
    ("ersättning", ["Unga med aktivitetsersättning"], ["Ersättare i styrelsen"]),
    ("styrelsen", ["Styrelsen beviljade ansökan", "Styrelsen beslutar om budgeten"], ["Styrning av insatser"]),
    ("kartläggningen", ["Kartläggning av långtidssjukskrivna"], []),
    ("medlemmen", ["Medlemmarnas samråd"], ["Medel till projekt"]),
    ("budg", ["Styrelsen beslutar om budgeten"], []),  # the word being typed: a prefix of its form
    ("psykisk ohälsa", ["Psykisk ohälsa och arbete"], ["Psykisk hälsa i skolan"]),
    ("studio ludum", ["Studio Ludum Skövdes"], []),
    # Only a compound's own cut counts: beslutsförslaget is beslut + förslag, never a "lag" found inside "förslaget".
    ("lag", ["Ny lag om samordning"], ["Beslutsförslaget godkändes"]),
]
TEXTS = sorted({text for _query, found, missed in TABLE for text in found + missed})


@pytest.mark.parametrize(("query", "found", "missed"), TABLE)
def test_a_word_finds_its_forms_and_compounds_and_nothing_else(query, found, missed):
    for text in found:
        assert analysis.matches(query, text), (query, text)
    for text in missed:
        assert not analysis.matches(query, text), (query, text)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("medlemssamråd", {"medlem", "samråd"}),
        ("delårsrapport", {"del", "rapport"}),
        ("långtidssjukskrivna", {"sjukskriven", "sjukskriva"}),
        ("arbetsmarknadsinsatser", {"arbetsmarknad", "insats"}),
    ],
)
def test_a_compound_is_indexed_with_its_parts(word, parts):
    assert parts <= set(analysis.word_terms(word))


def test_a_compound_is_cut_once_at_its_longest_head_and_the_head_split_in_its_lemma():
    assert set(analysis.word_terms("beslutsförslaget")) == {
        "beslutsförslaget", "besluts", "förslaget", "beslut", "förslag"
    }  # fmt: skip


def test_short_and_plain_words_are_not_split():
    assert analysis.word_terms("förbundet") == ("förbundet", "förbund")  # not för + bundet
    assert analysis.word_terms("styrning") == ("styrning",)


def test_stop_words_are_neither_indexed_nor_searched():
    assert analysis.index_terms("att och i") == ""
    query = analysis.analyse_query("att")
    assert not query and query.only_stop_words
    assert not analysis.analyse_query("").only_stop_words
    assert [w.form for w in analysis.analyse_query("beslut om att bevilja").words] == ["beslut", "bevilja"]


def test_only_the_last_unknown_word_is_a_prefix():
    words = analysis.analyse_query("styrelsen budg").words
    assert [w.prefix for w in words] == [False, True]
    assert not analysis.analyse_query("budg styrelsen").words[-1].prefix  # a whole word: no styr…
    assert not analysis.analyse_query("budg styrelsen").words[0].prefix
