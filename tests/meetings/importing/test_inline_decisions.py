"""Decisions whose "Beslut" label a transcript ran into the item's text, and two verbs of deciding (issue 27,
fourth session of 6 December). Each case in a small document made for its test; built on the held-out sets, measured
on unseen4 (docs/importing-corpus.md)."""

from meetings.importing import parse_text

HEADER = "Protokoll\nMiljönämnden\nSammanträdesdatum 2015-05-27\nBeslutande Anna Berg (S), ordförande Nils Ek (M)\n\n"


def decisions(minutes):
    return [[d["text"] for d in item["decisions"]] for item in minutes["items"]]


def test_a_beslut_label_inside_the_text_opens_the_decision():
    minutes = parse_text(
        HEADER + "§ 1 Förvaltningschefen informerar\nÄrendebeskrivning Tf förvaltningschef Olle Falk informerar om "
        "läget. Beslut Miljönämnden lägger informationen till handlingarna. Paragrafen är justerad.\n"
    )
    assert decisions(minutes) == [["Miljönämnden lägger informationen till handlingarna."]]


def test_a_beslut_label_with_a_dash_before_a_subjectless_decision():
    minutes = parse_text(
        HEADER + "§ 2 Ändring av dagordningen\nÄrendebeskrivning Ordföranden föreslår att ärende 6 utgår från "
        "dagordningen den 23 maj Beslut - beslutar i enlighet med ordförandens förslag.\n"
    )
    assert decisions(minutes) == [["beslutar i enlighet med ordförandens förslag."]]


def test_the_body_chooses_its_justerare():
    minutes = parse_text(HEADER + "§ 3 Val av justerare\nMiljönämnden väljer Nils Ek (M) till justerare.\n")
    assert decisions(minutes) == [["Miljönämnden väljer Nils Ek (M) till justerare."]]


def test_beslut_as_a_noun_inside_a_sentence_is_no_label():
    minutes = parse_text(
        HEADER + "§ 4 Information\nNämnden informeras om att Beslut Av Länsstyrelsen inte har kommit. Nämnden "
        "noterar informationen.\n"
    )
    assert decisions(minutes) == [["Nämnden noterar informationen."]]


def test_the_sentences_that_go_on_with_a_decision_stay_with_it():
    minutes = parse_text(
        HEADER + "§ 4 Val av justerare\nTill att justera dagens protokoll utses Nils Ek (M) med Lisa Holm som "
        "ersättare. Justering äger rum torsdagen den 26 september 2013 på miljökontoret i Ekby.\n"
        "§ 5 Rapporter\nMiljönämnden beslutar att i de fall kansliet är tveksamt till en rapport vända sig till "
        "ansvarig ledamot. Om ansvarig ledamot är tveksam tas rapporten upp på nästföljande sammanträde.\n"
    )
    assert [len(texts[0].split(". ")) for texts in decisions(minutes)] == [2, 2]


def test_a_page_footer_run_into_the_decision_is_cut_off():
    minutes = parse_text(
        HEADER + "§ 6 Val av justerare\nMiljönämnden väljer Nils Ek (M) till justerare Paragrafen är justerad "
        "Justerandes signatur Utdragsbestyrkande 4\n"
    )
    assert decisions(minutes) == [["Miljönämnden väljer Nils Ek (M) till justerare"]]
