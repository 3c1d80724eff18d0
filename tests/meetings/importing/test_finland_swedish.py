"""Minutes of Finland's Swedish-speaking and bilingual municipalities: labels given in Swedish and Finnish ("TID -
AIKA"), the protocol's number of the year before the body ("5/"), the secretary a "protokollförare", names written
surname first. Each document is made up for its rule (issue 27)."""

from meetings.importing import parse_text

BILINGUAL = (
    "1 5/ Social- och hälsovårdsnämnden TID - AIKA KL. - KLO 16:30-18:15 PLATS - PAIKKA Områdeskontoret, Näsbyvägen "
    "214 57 Konstatera sammanträdets laglighet och beslutförhet Val av protokolljusterare Ordförande/Puheenjohtaja: "
    "Merja Fors\n\n"
    "2 5/ Social- och hälsovårdsnämnden TID - AIKA KL. - KLO 16:30-18:15 PLATS - PAIKKA Områdeskontoret, Näsbyvägen "
    "214 NÄRVARANDE LEDAMÖTER - LÄSNÄ OLLEET JÄSENET Fors Merja ordförande Eng Eskil viceordförande Ek Kurt medlem "
    "Holm Tuija medlem Lund Mikaela medlem Björk Denina suppleant ÖVRIGA NÄRVARANDE - MUUT LÄSNÄ OLLEET Sund Paula "
    "tf. direktör Taxell Nina protokollförare Sirén Gun äldreomsorgschef\n"
)


def test_a_bilingual_header_reads_its_swedish_labels():
    result = parse_text(BILINGUAL)
    rows = {a["name"]: a for a in result["attendance"]}
    assert {"Merja Fors", "Eskil Eng", "Kurt Ek", "Tuija Holm", "Paula Sund", "Nina Taxell"} <= set(rows)
    assert rows["Kurt Ek"]["role"] == "medlem"
    assert result["chair"] == "Merja Fors"
    assert result["secretary"] == "Nina Taxell"  # the protokollförare keeps the minutes
    assert not any("LÄSNÄ" in name or "OLLEET" in name for name in rows)
