"""Signature blocks a flattened transcript keeps in its own ways (issue 27, session of 7 December, evening: built on
unseen9, measured on unseen10). Each case in a small document made for its test."""

from meetings.importing import parse_text

CONTENTS = "Ekby kommun\nSAMMANTRÄDESPROTOKOLL\n\n11 Delegationsärenden\n12 Anmälningsärenden\n13 Feriepraktik 2015\n\n"


def test_the_chairs_label_with_the_chairs_name_under_the_secretarys_name_is_the_next_signature():
    """ "Sekreterare" / "Paragrafer Erika Rönn" / "Ordförande Karin Berg (S)": the chair signs under her own label,
    not as the secretary's title."""
    minutes = parse_text(
        CONTENTS + "Plats och tid Kommunhuset, kl 16:00-17:15\nBeslutande Se bilaga\n"
        "Utses att justera Dan Gran (MP) och Stig Dahl (KD)\nPlats och tid för justering Kommunhuset, kl\n"
        "Sekreterare\nParagrafer Erika Rönn\nOrdförande Karin Berg (S)\nJusterare Dan Gran (MP) Stig Dahl (KD)\n"
    )
    assert minutes["secretary"] == "Erika Rönn"
    assert minutes["chair"] == "Karin Berg"
