"""Names written surname first, as some registers print them (issue 27, session of 7 December, night: built on
batch2, measured on unseen11). Each case in a small document made for its test."""

from meetings.importing import parse_text


def test_a_list_written_surname_first_is_turned_round():
    minutes = parse_text(
        "Barn- och skolnämnd Sammanträdesprotokoll 2013-09-25\nPlats och tid: Skolans matsal, kl 18:30\n"
        "Ledamöter: Rugsveen Astrid (M) Jakobsson Per (M) Svanberg Charlotte (M) Strand Eva (S)\n"
        "Övriga närvarande: Nilsson Karin (C), tjänstgörande för Eriksson Inga (C)\n\n§ 1 Budget\n\n"
        "Nämnden godkänner budgeten.\n"
    )
    names = {a["name"] for a in minutes["attendance"]}
    assert {"Astrid Rugsveen", "Per Jakobsson", "Charlotte Svanberg", "Eva Strand", "Karin Nilsson"} <= names


def test_a_list_in_the_usual_order_with_one_surname_that_is_a_given_name_stays():
    minutes = parse_text(
        "Kommunstyrelsen Sammanträdesprotokoll 2013-09-25\nLedamöter: Astrid Rugsveen (M), Per Jakobsson (M), "
        "Eva Strand (S), Lars Gustav (S), Anna Bertil (C)\n\n§ 1 Budget\n\nStyrelsen godkänner budgeten.\n"
    )
    names = {a["name"] for a in minutes["attendance"]}
    assert {"Lars Gustav", "Anna Bertil", "Astrid Rugsveen"} <= names


def test_a_list_written_surname_comma_given_name_with_titles_after():
    from meetings.importing.run_on import parse_run_on

    entries = parse_run_on(
        "Andersson, Roland ordförande Brorström, Björn rektor Bergquist, Björn Eide Jensen, Inger Eklund, Solweig",
        status="närvarande",
        role="ledamot",
    )
    assert [(e["name"], e["role"]) for e in entries] == [
        ("Roland Andersson", "ordförande"),
        ("Björn Brorström", "rektor"),
        ("Björn Bergquist", "ledamot"),
        ("Inger Eide Jensen", "ledamot"),
        ("Solweig Eklund", "ledamot"),
    ]


def test_a_wrapped_line_of_a_usual_list_that_opens_with_a_surname_stays():
    from meetings.importing.run_on import parse_run_on

    entries = parse_run_on(
        "Broström, Kerstin Nilsson, Magnus Hultgren, Bertil Palmqvist, Mert Lepik,", status="närvarande", role=None
    )
    assert [e["name"] for e in entries][-4:] == ["Kerstin Nilsson", "Magnus Hultgren", "Bertil Palmqvist", "Mert Lepik"]


def test_names_written_with_the_nordic_neighbours_letters():
    minutes = parse_text(
        "Protokoll från styrelsemöte 2009-02-07\nNärvarande Annika Sill, ordförande Ingerid Straume, styrelsemedlem "
        "Ágúst Þór Árnason, styrelsemedlem Ørjan Sæther, styrelsemedlem\n\n1. Godkännande av dagordning\n\n"
        "Styrelsen godkände dagordningen.\n"
    )
    assert {"Ágúst Þór Árnason", "Ørjan Sæther"} <= {a["name"] for a in minutes["attendance"]}
