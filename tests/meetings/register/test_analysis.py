"""The Swedish analyser: what a word must find and must not find, at index time and at query time alike."""

import pytest

from meetings.register import analysis, inflection, tokeniser

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
    # A compound's parts are words on both sides, its modifier read with its linking morpheme (verksamhets- is
    # verksamhet, not verksam + hets) and never lemmatised into an unrelated word (redo- is not "rida").
    ("rida", [], ["Årsredovisningen godkändes"]),
    ("hets", [], ["Verksamhetsplanen för 2025"]),
    ("simma", [], ["Samordningsförbundet Test"]),
    ("verksamhet", ["Verksamhetsplanen för 2025"], ["Årsredovisningen godkändes"]),
    ("redovisning", ["Årsredovisningen godkändes"], ["Verksamhetsplanen för 2025"]),
    ("planen", ["Verksamhetsplanen för 2025"], []),
    ("gata", ["Gatubelysningen i centrum"], ["Gästabudet"]),
    ("kurs", ["Kursplanen för vuxenutbildning"], []),
    # A word the lexicon knows whole is a derivation where its first "part" is only a prefix or a particle that
    # happens to spell a word (an|sökning, gem|ensam, sam|ordning), and a head that is a derivational suffix
    # (närvar|ande, medlem|skap) is none: such words are not compounds. Real compounds still are (del|årsrapport,
    # läns|styrelse).
    ("ökning", ["Ökning av kostnaderna"], ["Ansökningar om medel", "Ansvarig för anslutningen"]),
    ("ensam", ["Ensam vårdnadshavare"], ["Gemensam nämnd"]),
    ("ordning", ["Ordning och reda"], ["Samordningsförbundet Test", "Ordföranden öppnade"]),
    ("ande", [], ["Närvarande ledamöter", "Förebyggande insatser"]),
    ("skapa", ["Skapa mötesplatser"], ["Medlemskapet i förbundet"]),
    ("styrelse", ["Länsstyrelsens yttrande", "Styrelsen beviljade ansökan"], []),
    # A compound the dictionary does not know whole, typed in another form than the text has it, finds the text's
    # forms of it (the head's lemma after the modifiers as typed), never its parts apart.
    ("förbundsordningen", ["Förbundsordning"], ["Förbundets ordning"]),
    ("medlemssamråden", ["Medlemssamrådet", "Medlemssamråd 2020"], ["Medlemmarnas samråd"]),
    ("sammanträdesplanerna budget", ["Sammanträdesplan och budget 2027"], ["Planen för sammanträdet och budget"]),
    ("styrgruppsmötet", ["Styrgruppsmöte i mars"], ["Styrgruppen och mötet"]),
    # The genitive of a name that neither the dictionary nor simplemma knows finds the name.
    ("Studio Ludums budget", ["Studio Ludum söker budget"], ["Studio Lud och budget"]),
    ("finsams", ["Finsam-medel till insatsen"], ["Finska medel"]),
    # Votes are searchable: ja and nej are not stop words in a register of decisions.
    ("ja", ["Votering med 5 ja och 3 nej"], ["Årsredovisningen godkändes"]),
    ("nej", ["Votering med 5 ja och 3 nej"], ["Verksamhetsplanen för 2025"]),
    # An amount is one number however its digit groups are written (a space, a no-break or thin space, a full stop,
    # or none), in millions or thousands too; never a part of another amount, nor a prefix of a larger one.
    (
        "1 200 000",
        ["Bidrag 1200000 kr", "Bidrag 1\u00a0200\u00a0000 kronor", "Bidrag 1\u2009200\u2009000 kr", "Ram 1,2 miljoner"],
        ["Bidrag 12 000 000 kr", "Bidrag 200 000 kr", "Bidrag 1 200 kr"],
    ),
    ("1200000", ["Bidrag 1\u00a0200\u00a0000 kronor", "Ram 1,2 miljoner", "Insats 1.200.000"], ["Bidrag 200 000 kr"]),
    ("1 200 000 kr", ["Ram 1,2 miljoner", "Insats 1.200.000", "Ram 1 200 tkr"], ["Bidrag 12 000 000 kr"]),
    ("1,2 mkr", ["Bidrag 1200000 kr", "Ram 1,2 miljoner"], ["Bidrag 200 000 kr"]),
    ("200 000", ["Bidrag 200 000 kr"], ["Bidrag 1200000 kr", "Bidrag 1\u2009200\u2009000 kr"]),
    ("2023", ["Möte 2023 2024"], ["Bidrag 1200000 kr"]),  # a group is three digits: two years stay two
    # A strong verb's forms find each other, which the dictionary lists as stems of their own (simplemma knows them).
    ("anta", ["Styrelsen antog budgeten", "Planen antogs"], ["Anteckningar"]),
    ("antagit", ["Styrelsen antog budgeten"], []),
    ("beslöt", ["Styrelsen beslutade om budgeten"], []),
    ("lägga", ["Rapporten lades till handlingarna"], []),
    # An adjective's agreeing form finds the compounds it begins, as its dictionary form does.
    ("unga", ["Insatser för ungdomar", "Unga vuxna"], ["Medlemmarnas samråd"]),
    # Forms the dictionary lists as words of their own find their word and its forms, both ways: an adjective's -t,
    # -a, -re, -st, a genitive (meetings.register.inflection).
    ("gemensam", ["Gemensamt ansvar", "Gemensamma insatser"], ["Ensam vårdnadshavare"]),
    ("gemensamt", ["Gemensam nämnd", "Gemensamma insatser"], []),
    ("hög", ["Högst 50 000 kr", "Högre kostnader", "Höga kostnader"], ["Halsen"]),
    ("högst", ["En hög kostnad", "Höga kostnader"], []),
    ("fullmäktige", ["Fullmäktiges beslut"], []),
    ("fullmäktiges", ["Beslut i fullmäktige"], []),
    # A word matches whole words and lemmas, a compound's head and (typed in its dictionary form) a compound's
    # modifier, never a derivational suffix: "dom" is no part of ungdom, but the head of hovrätts|domen.
    ("dom", ["Domen överklagades", "Hovrättsdomen"], ["Insatser för ungdomar", "Ungdomsmottagningen", "Sjukdom"]),
    ("ung", ["Insatser för ungdomar"], []),
    ("våld", ["Våldsutsatta kvinnor", "Stoppa våldet"], []),
    # A decimal number is searched as written: "12,5" is neither 12 nor 5, and no list of numbers.
    ("12,5", ["Höjning med 12,5 procent", "Ram 12,5 mnkr"], ["Höjning med 12 procent", "Höjning med 12,75 procent"]),
    ("12", ["Höjning med 12 procent"], ["Höjning med 12,5 procent"]),
    ("12,5 mnkr", ["Ram 12,5 mnkr", "Bidrag 12 500 000 kr"], ["Ram 12 mnkr", "Höjning med 12,5 procent"]),
    ("1 250 000 kr", ["Bidrag 1 250 000 kronor", "Ram 1,25 miljoner"], ["Bidrag 1 250 kr", "Bidrag 250 000 kr"]),
    ("1 250 000,50", ["Faktura på 1 250 000,50 kr"], ["Bidrag 1 250 000 kronor"]),
]
TEXTS = sorted({text for _query, found, missed in TABLE for text in found + missed})


@pytest.mark.parametrize(("query", "found", "missed"), TABLE)
def test_a_word_finds_its_forms_and_compounds_and_nothing_else(query, found, missed):
    for text in found:
        assert analysis.matches(query, text), (query, text)
    for text in missed:
        assert not analysis.matches(query, text), (query, text)


M = analysis.MODIFIER


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("medlemssamråd", {M + "medlem", "samråd"}),
        ("delårsrapport", {M + "del", "rapport"}),
        ("långtidssjukskrivna", {"sjukskriven"}),
        ("arbetsmarknadsinsatser", {M + "arbetsmarknad", "insats"}),
    ],
)
def test_a_compound_is_indexed_with_its_head_as_a_word_and_its_modifiers_marked(word, parts):
    assert parts <= set(analysis.word_terms(word))


def test_a_compound_is_cut_once_at_its_longest_head_and_the_head_read_in_its_lemmas():
    assert set(analysis.word_terms("beslutsförslaget")) == {
        "beslutsförslaget", "förslag", "förslaget", "förslagen", M + "beslut", M + "besluta"
    }  # fmt: skip


def test_words_the_dictionary_knows_whole_are_not_cut_where_a_prefix_spells_a_word():
    assert analysis.word_terms("förbundet") == ("förbundet", "förbund", "förbunden")  # not för + bundet
    assert analysis.word_terms("styrning") == ("styrning",)
    for word in ("gemensam", "samordning", "redovisning", "förslaget"):
        assert analysis.word_terms(word)[0] == word and not any(t.startswith(M) for t in analysis.word_terms(word))


def test_an_inflected_query_does_not_match_a_modifier_but_the_dictionary_form_does():
    assert analysis.matches("förbund", "Förbundschefen rapporterade")
    assert not analysis.matches("förbundet", "Förbundschefen rapporterade")
    assert analysis.matches("förbundet", "Samordningsförbundet Test")


def test_a_query_of_stop_words_only_matches_nothing():
    assert not analysis.matches("att och", "att och i som")
    assert not analysis.matches("", "Styrelsen beslutar")


def test_the_stop_list_is_the_packages_less_the_words_a_register_is_searched_for():
    assert {"ja", "nej", "tre", "första", "beslut", "större"}.isdisjoint(analysis.STOP_WORDS)
    assert {"och", "att", "i", "som", "en", "ett", "inte"} <= analysis.STOP_WORDS


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


def test_a_phrase_keeps_its_word_order_and_reads_its_words_as_lemmas():
    assert analysis.matches('"budget 2027"', "Budgeten 2027 antas")
    assert not analysis.matches('"2027 budget"', "Budget 2027")
    assert analysis.matches('"beslut budget"', "Beslut om budgeten")  # stop words aside


@pytest.mark.parametrize(
    ("form", "word"),
    [("gemensamt", "gemensam"), ("höga", "hög"), ("högre", "hög"), ("högst", "hög"), ("fullmäktiges", "fullmäktige")],
)
def test_a_form_the_dictionary_lists_on_its_own_is_read_as_its_word(form, word):
    assert word in analysis.lemmas(form)
    assert analysis.key(form) == analysis.key(word)  # and a quoted phrase meets it in either form


@pytest.mark.parametrize("word", ["hals", "port", "plana", "kors"])
def test_a_word_with_a_paradigm_of_its_own_is_never_read_as_a_shorter_word(word):
    assert inflection.base_lemmas(word) == ()


def test_a_derivation_is_no_compound_but_begins_with_its_word():
    assert "dom" not in analysis.word_terms("ungdomar") and M + "ung" in analysis.word_terms("ungdomar")
    assert "dom" in analysis.word_terms("tingsrättsdom")  # a compound of the noun, with its linking -s


def test_a_decimal_number_is_one_term_and_a_list_of_numbers_is_not_one():
    assert tokeniser.tokens("12,5 procent") == ["12komma5", "procent"]
    assert tokeniser.tokens("1 250 000,50 kr") == ["1250000komma50", "kr"]
    assert tokeniser.tokens("§§ 3,4,5") == ["3", "4", "5"]
    assert not analysis.analyse_query("12,5").words[0].prefixes  # a number is never a prefix
