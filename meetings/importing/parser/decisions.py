"""An item's decisions: the text under a "Beslut" heading, a "Beslut: …" line, "X beslutar:" with its list, or the
sentence that decides; with the outcome, the method, the votes counted or by name, and the reservations."""

import re

from meetings.importing.schema import Decision, Votes

from .patterns import PEOPLE, VOTE_COUNT, split_names

# "Beslut", "Styrelsens beslut", "Förslag till beslut", "DIREKTIONEN BESLUTAR": a heading over the decision's text
DECISION_HEADING = re.compile(
    r"^(?:(?:(?:[\wåäöÅÄÖ]+-\s+och\s+)?[\wåäöÅÄÖ-]+s\s+)?(?:beslut|förslag\s+till\s+beslut)|[\wåäöÅÄÖ-]+\s+beslutar)"
    r"\s*:?$",
    re.I,
)
DECIDES_COLON = re.compile(r"\b(?:beslutar|beslutade|beslöt|föreslår[^:]{0,60}?besluta)\s*:", re.I)
DECISION_VERB = re.compile(
    r"\b(?:beslutar|beslutade|beslöt|besluta|godkänn(?:s|er|es|des)|godkändes?|fastställ(?:s|es|er|des|de)|noteras|"
    r"noterar|överlämnas|antas|antogs|valdes|utses|bordläggs|bordlades|återremitteras|förklarades|"
    r"antecknar|antecknas|antecknades|tar\s+(?:del\s+av\s+)?informationen|tackar\s+för\s+(?:informationen|redovisningen)|"
    # "anser sig ha tagit del av …", "vitsordade sig vara i laga ordning sammankallade": a fullmäktige's set phrases
    r"anser\s+sig\s+(?:ha\s+)?tagit\s+del|vitsordar|vitsordade|"
    r"utser|utsåg|utsågs|väljer|väljs|väljes|beslöts|beslutas|beslutades|beslut\s+togs|"
    r"\w*(?:läggs|lades|läggas|lägga|lägger)\b[^.]{0,60}\btill\s+handlingarna)\b",  # "protokollläggs": a lost space
    re.I,
)
SUBHEADING_STOP = re.compile(
    r"^(?:_{3,}|-{3,}|bakgrund|yrkande[n]?|sammanfattning|ärendet|ärendebeskrivning|beslutsunderlag|underlag|"
    r"ärende(?=\s+(?-i:[A-ZÅÄÖ][a-zåäö]))|"  # "Ärende Till sammanträdet har …": the account's heading
    r"särskilt yttrande|yttranden|reservation|protokollsanteckning|propositionsordning|omröstning|jäv|"
    r"expedieras|skickas till|beredning|föredragande)\b",
    re.I,
)
ABSTAIN = re.compile(
    r"(\d+)\s+(?:personer\s+|ledamöter\s+)?(?:som\s+)?(?:valde\s+att\s+(?:inte|avstå)|avstod|avstår|lade\s+ned)", re.I
)
# the count written as a tally: "3 ja, 1 nej, 0 avstår", "7 ja-röster mot 4 nej-röster", "Ja: 7, Nej: 4, Avstår: 2"
# (a bare "ja" or "nej" after a number only in lower case: "3 Ja" may open a heading)
TALLY = re.compile(r"\b(\d{1,3})\s+(ja|nej)(?:-?röst(?:er|erna)?)?\b|\b(\d{1,3})\s+(?i:(ja|nej)-?röst(?:er|erna)?)\b")
TALLY_LABELLED = re.compile(r"\b(ja|nej|avstår|avstod)(?:-?röst(?:er)?)?\s*:\s*(\d{1,3})\b", re.I)
RESERVATION = re.compile(
    rf"(?:({PEOPLE})\s+reserverar\s+sig)|(?:reserv(?:erar\s+sig|ation)\s*(?:mot\s+beslutet)?\s*:?\s*({PEOPLE}))"
)
GENERIC_DECIDERS = {"mötet", "sammanträdet", "gruppen"}


def _outcome(text: str) -> str | None:
    lowered = text.lower()
    if "återremi" in lowered:
        return "återremiss"
    if "bordlägg" in lowered:
        return "bordläggning"
    if "till handlingarna" in lowered:
        return "lägga till handlingarna"
    if "i uppdrag" in lowered:
        return "uppdrag"
    if re.search(r"\bavslå|\bavslag", lowered):
        return "avslag"
    if re.search(r"\b(bevilja|godkänn|anta|fastställ|bifall|utse|välja)", lowered):
        return "bifall"
    return None


def votes_in(text: str) -> Votes | None:
    counts = {"ja": 0, "nej": 0, "avstår": 0}
    found = False
    for number, choice in VOTE_COUNT.findall(text):
        counts[choice.lower()] = int(number)
        found = True
    if not found:
        for match in TALLY.finditer(text):
            number, choice = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            counts[choice.lower()] = int(number)
            found = True
        for choice, number in TALLY_LABELLED.findall(text):
            counts["avstår" if choice.lower().startswith("avst") else choice.lower()] = int(number)
            found = found or not choice.lower().startswith("avst")
    abstain = ABSTAIN.search(text)
    if abstain and found:  # "2 avstår" alone is no count of a vote ("2 ledamöter avstår från att delta")
        counts["avstår"] = int(abstain.group(1))
    return Votes(ja=counts["ja"], nej=counts["nej"], avstår=counts["avstår"]) if found else None


def decisions(paragraphs: list[str], body_word: str = "") -> tuple[list[Decision], set[str], bool]:
    """(decisions, the paragraphs that are only decision text, whether they were found only as sentences that
    decide, the fallback the review marks as unsure). A decision is the text under a "Beslut" heading
    (up to the next subheading), a "Beslut: …" line, "X beslutar:" with the "att …"/"- …" list after it; failing
    those, the first sentence of a paragraph that decides ("Dagordningen godkändes.", "Styrelsen beslutar att …")
    with the long sentences after it."""
    found: list[Decision] = []
    consumed: set[str] = set()
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        flat = " ".join(paragraph.split())
        if DECISION_HEADING.match(flat):
            body = []
            index += 1
            while index < len(paragraphs) and not _subheading(paragraphs[index]):
                body.append(paragraphs[index])
                index += 1
            if body:
                found.append(_decision_of("\n".join(body)))
                consumed.update([paragraph, *body])
            continue
        label = re.search(
            r"(?:^|\s)(?:beslut|förslag till beslut som antogs)\s*:\s*(.+)", flat, re.I | re.S
        ) or LOST_GENITIVE_LABEL.match(flat)
        colon = DECIDES_COLON.search(paragraph)
        index += 1
        if label:
            decided, *account = INLINE_SUBHEADING.split(label.group(1).strip(), maxsplit=1)
            found.append(_decision_of(decided))
            # the account after it stays the item's text
            if (flat.lower().startswith("beslut") or LOST_GENITIVE_LABEL.match(flat)) and not account:
                consumed.add(paragraph)
        elif colon:
            start = paragraph.rfind("\n", 0, colon.start()) + 1
            lines = [paragraph[start:].strip()]
            while index < len(paragraphs) and re.match(r"^(?:-|•|att\b)", paragraphs[index].strip()):
                lines.append(paragraphs[index].strip())
                index += 1
            found.append(_decision_of("\n".join(lines)))
        elif votes_in(flat) is not None:
            found.append(_decision_of(flat))  # "7 röstade ja, 4 röstade nej": the vote, under its own heading
    if found:
        return found, consumed, False
    for number, paragraph in enumerate(paragraphs):
        if votes_in(" ".join(paragraph.split())) is not None:
            found.append(_decision_of(" ".join(paragraph.split())))
            continue
        # a line that opens with "Beslutas"/"Beslutades" starts its sentence even where the line before has no stop;
        # "Dnr 14VN5 beslutar att …": the case's number, where the deciding body's name was lost, goes
        joined = re.sub(r"\s*\n\s*(?=(?:Beslutas|Beslutades|Beslöts)\b)", "\n", paragraph.strip())
        sentences = [
            " ".join(part.split())
            for part in re.split(
                r"(?<=[.!?])\s+|\n(?=Besl)|\s+(?=" + INLINE_LABEL + ")", CASE_BEFORE_VERB.sub("", joined)
            )
            if part.strip()
        ]
        for position, sentence in enumerate(sentences):
            if _decides(OWN_LABEL.sub("", sentence), body_word):
                text = OWN_LABEL.sub("", _from_decider(sentence))
                for later in sentences[position + 1 :]:
                    # "… med följande ändringar: … 36. Entledigande av ledamot …": the points of the list it
                    # announced, short as they are
                    short = len(later.split()) < 8 and not ANNOUNCES.search(text) and not LIST_ANNOUNCED.search(text)
                    if short or CAPITALS.match(later):
                        break  # a short remark, or a section's heading in capitals ("EKONOMI ÄRENDEN 384 …")
                    if (
                        SUBHEADING_STOP.match(later)
                        or ACCOUNT.search(later)
                        or re.match(r"[A-ZÅÄÖ][a-zåäö]+:\s", later)
                    ):
                        break  # the case's background after its decision ("NN presenterar …", "Inledning: …")
                    text += " " + later
                if position == len(sentences) - 1 and ANNOUNCES.search(text) and not FOLLOWING.search(text):
                    text += "".join(" " + " ".join(p.split()) for p in _listed(paragraphs[number + 1 :]))
                found.append(_decision_of(text))
                break
    if not found:
        # "att fastställa dagordningen", "att fastställa …\natt uppdra åt …": the decision written as "att" clauses
        # with nothing before them (the heading "Beslut" or the deciding sentence lost)
        clauses = [" ".join(p.split()) for p in paragraphs if ATT_CLAUSE.match(p.strip())]
        if clauses and len(clauses) == sum(1 for p in paragraphs if p.strip().lower().startswith("att ")):
            found.append(_decision_of("\n".join(clauses)))
    return found, consumed, bool(found)


ATT_CLAUSE = re.compile(r"^att\s+(?:[a-zåäö]+a|ge|ta|se|gå|få|stå)\b")
# "s beslut godkänner dagordningen": a label whose body's name the transcript lost (headings.LOST_GENITIVE), then the
# decision
LOST_GENITIVE_LABEL = re.compile(r"^s\s+beslut\s*:?\s+(\S.*)$", re.S)


CASE_BEFORE_VERB = re.compile(r"^(?i:dnr)\.?:?\s*\S*\d\S*\s+(?=(?:beslutar|beslutade|beslöt)\b)")
# "Kommunfullmäktiges beslut Delårsrapporten godkänns.": the label of a flattened heading before the decision
# ("Kultur- och fritidsutskottets beslut Kultur- och fritidsutskottet noterar …": a body whose name shares a part)
OWN_LABEL = re.compile(r"^(?:(?:[\wåäöÅÄÖ]+-\s+och\s+)?[\wåäöÅÄÖ-]+s\s+)?[Bb]eslut\s+(?:[-–]\s+(?=\w)|(?=[A-ZÅÄÖ]))")
# "… informerar om läget. Beslut Sydnärkes IT-nämnd lägger …", "… den 23 maj Beslut - beslutar …": the label of the
# decision inside a flattened item's text, where the transcript lost its line
INLINE_LABEL = r"Beslut\s+(?:[-–]\s|[A-ZÅÄÖ])"
# a sentence that tells the case, not what was decided: "NN presenterar …", "Beskrivning av ärendet …"
ACCOUNT = re.compile(
    r"^beskrivning\s+av\s+ärendet\b|\b(?:presenterar|presenterade|redovisar|redovisade|redogör|redogjorde|"
    r"informerar|informerade|föredrar|föredrog|berättar|berättade)\b"
    # "Kansliet har tagit fram budgetuppföljning …": what was done before the meeting, told in the perfect
    r"|\bhar\s+(?:tagit\s+fram|tagits\s+fram|upprättat|sammanställt|utarbetat|inkommit|skickat)\b",
    re.I,
)
# "Dagordningen fastställs med följande ändring. Punkt 9 utgår.": the sentence after says what the change is
ANNOUNCES = re.compile(r"\bföljande\s+\w+\s*[.:]$|:$|\b(?:beslutar|beslutade|beslöt)(?:\s+att)?\s*$", re.I)


# a page's footer a transcript ran into the text: "… till justerare Paragrafen är justerad Justerare signatur
# Utdragsbestyrkande 4", "… godkänner rapporten. Justerandes sign Utdragsbestyrkande"
PAGE_FOOTER = re.compile(
    r"\s*\b(?:Paragrafen\s+är\s+justerad|Justerandes?\s+sign\w*|Justerares?\s+sign\w*|Ordförandes\s+sign\w*|"
    r"Utdragsbestyr\w*)"
)
CAPITALS = re.compile(r"^[A-ZÅÄÖ]{3,}\s+[A-ZÅÄÖ]{3,}\b")
LIST_ANNOUNCED = re.compile(r"\bföljande\s+[\wåäö]+(?:\s+[\wåäö]+)?\s*:", re.I)
FOLLOWING = re.compile(r"\bföljande\s+\w+\s*\.$", re.I)  # "… med följande ändring.": the next sentence says it


def _listed(paragraphs: list[str]) -> list[str]:
    """The list after a decision that ends with a colon: its points ("- …", "• …", "att …", "1. …") up to the first
    paragraph that is none."""
    listed = []
    for paragraph in paragraphs:
        if not re.match(r"^(?:-|–|•|att\b|\d{1,2}[.)])", paragraph.strip()):
            break
        listed.append(paragraph)
    return listed


def _decides(sentence: str, body_word: str) -> bool:
    """A sentence that records this meeting's decision; "Styrelsen beslutade …" in a working group's minutes
    reports another body's decision."""
    verb = DECISION_VERB.search(sentence)
    if not verb or re.match(r"(?:om|när|då|eftersom|på)\b", sentence, re.I):
        return False
    if not re.match(r"besl", verb.group(0), re.I):
        return True
    subject = sentence[: verb.start()].split()
    if not subject and re.match(
        r"(?:beslutar|beslutade|beslöt|beslut\s+togs|beslöts|beslutas|beslutades)\b", sentence, re.I
    ):
        return True  # "Beslutar att …", "beslutar i enlighet med …", "Beslut togs att …": the meeting itself
    decider = (subject[-1] if subject else "").lower()
    own = decider in GENERIC_DECIDERS or (body_word and decider.startswith(body_word[:6].lower()))
    return bool(own or len(subject) > 1 and re.search(r"\b(?:och|omsorgs)", " ".join(subject[-3:])))


def _from_decider(sentence: str) -> str:
    """ "NN redogör för ekonomirapporten per samt för Bygg- och miljönämnden beslutar att …": a report and its
    decision run together where the transcript lost a date and the full stop; the decision starts with the body."""
    verb = re.search(r"\b(?:beslutar|beslutade|beslöt)\b", sentence, re.I)
    words = sentence[: verb.start()].split() if verb else []
    if verb is None or len(words) < 3 or not ACCOUNT.search(" ".join(words[:-1])):
        return sentence
    start = len(words) - 1
    while start > 0 and (words[start - 1].endswith("-") or words[start - 1] in ("och", "&")):
        start -= 1  # "Bygg- och miljönämnden": the whole of the body's name
    return " ".join(words[start:]) + " " + sentence[verb.start() :]


# "Beslut: tackar för informationen. Ärendet Kommunen som arbetsgivare …": the case's account after the decision,
# its subheading run into the text (a sentence "Ärendet återremitteras." goes on with a word in lower case)
INLINE_SUBHEADING = re.compile(
    r"(?<=[.!?])\s+(?=(?:Bakgrund|Sammanfattning|Ärendet|Ärendebeskrivning|Beslutsunderlag|Yrkanden?|Reservation|"
    r"Protokollsanteckning|Propositionsordning|Omröstning|Expedieras|Skickas\s+till|Beredning|Föredragande)"
    r":?\s+[A-ZÅÄÖ])"
)


def _subheading(paragraph: str) -> bool:
    line = paragraph.strip()
    if SUBHEADING_STOP.match(line):
        return True
    return (
        "\n" not in line
        and len(line) <= 40
        and not re.search(r"[.,:;]$", line)
        and not re.match(r"^(?:-|•|att\b)", line)
    )


def _decision_of(text: str) -> Decision:
    text = PAGE_FOOTER.split(text)[0].strip() or text.strip()
    votes = votes_in(text)
    outcome = _outcome(text)
    if votes is not None and outcome is None:
        outcome = "avslag" if votes["nej"] > votes["ja"] else "bifall"
    reservations = [n for m in RESERVATION.finditer(text) for n in split_names(m.group(1) or m.group(2))]
    return {
        "text": text,
        "outcome": outcome,
        "method": _method(text, votes),
        "votes": votes,
        "named_votes": _named_votes(text),
        "reservations": list(dict.fromkeys(reservations)),
    }


def _method(text: str, votes: Votes | None) -> str | None:
    lowered = text.lower()
    if "sluten omröstning" in lowered or "sluten votering" in lowered:
        return "sluten omröstning"
    if "omröstning" in lowered or "votering" in lowered or "namnupprop" in lowered or votes is not None:
        return "omröstning"
    if "acklamation" in lowered:
        return "acklamation"
    return None


def _named_votes(text: str) -> dict[str, str] | None:
    """A namnupprop: "Ja-röst: A, B. Nej-röst: C." → {"A": "ja", …}."""
    named: dict[str, str] = {}
    for choice, key in (("ja", "ja"), ("nej", "nej"), ("avst(?:år|od)", "avstår")):
        match = re.search(rf"\b{choice}(?:-röst(?:er)?)?\s*:\s*([^.:]+)", text, re.I)
        if match:
            for name in split_names(match.group(1)):
                named[name] = key
    return named or None
