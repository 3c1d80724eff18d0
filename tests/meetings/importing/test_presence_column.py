"""A närvarolista whose column "Närvaro" is answered Ja or Nej (issue 27, session of 7 December, evening: built on
unseen9, measured on unseen10). Each case in a small document made for its test."""

from meetings.importing import parse_text

HEADER = "SAMMANTRÄDESPROTOKOLL Kommunfullmäktige\nPlats och tid Stadshuset, Ekby, kl 18.30\n\n"


def statuses(minutes):
    return {entry["name"]: entry["status"] for entry in minutes["attendance"]}


def test_nej_in_the_presence_column_is_an_absence_ja_a_presence():
    minutes = parse_text(
        HEADER + "NÄRVAROLISTA för Ekby kommunfullmäktige Ordinarie ledamöter Parti Närvaro Micael Glen (m) Ja "
        "Helen Nilsson (s) Nej Leif Carl (m) Ja Eva Berg (s) Ja Ylva Sand (m) Nej\n\n§ 1 Upprop\n\nUpprop hölls.\n"
    )
    found = statuses(minutes)
    assert [name for name, status in found.items() if not status.startswith("närvar")] == ["Helen Nilsson", "Ylva Sand"]
    assert {"Micael Glen", "Leif Carl", "Eva Berg"} <= {n for n, s in found.items() if s.startswith("närvar")}


def test_a_votes_ja_and_nej_are_no_absences():
    minutes = parse_text(
        HEADER + "Beslutande Micael Glen (m) Helen Nilsson (s) Leif Carl (m)\n\n§ 1 Motion\n\nOmröstning: Micael Glen "
        "(m) Ja Helen Nilsson (s) Nej Leif Carl (m) Ja Eva Berg (s) Ja\n"
    )
    assert all(status.startswith("närvar") for status in statuses(minutes).values())
