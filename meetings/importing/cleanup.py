"""Noise of exported documents: markdown residue, page numbers, broken words, footnote markers."""

import re

from meetings.importing.lexicon import is_given_name
from meetings.importing.lost_signs import lost_section_signs
from meetings.importing.page_marks import (
    counted_page_heads,
    repeated_counts,
    repeated_page_lines,
    slashed_page_marks,
    spaced_page_marks,
)
from meetings.importing.schema import PAGE_LINES_REMOVED

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTNOTE_LINE = re.compile(rf"^\s*[{SUPERSCRIPTS}]+\s*\S")
PAGE_NUMBER = re.compile(r"^\s*(?:sida\s+)?\d+\s*(?:\(\s*\d+\s*\)|av\s+\d+|/\s*\d+)?\s*$|^\s*-\s*\d+\s*-\s*$", re.I)
HYPHEN_BREAK = re.compile(r"(\w)-\n(?:[ \t]*\n)*[ \t]*(\w)")
# Lines a web page or a document-sharing site wraps around the minutes: never attendees, never items.
CHROME = re.compile(
    r"^(?:•\s*no results found|n/a|protected|academic year:.*|share \".*|copied!|loading\.*.*|full text|\(\d+\)|"
    r"storlek:.*|starta visningen från sidan:?|download \".*|transkript|\d+|(?:\d+\s+)?download\s*\(\d+\)|"
    r"embed size \(px\)|citation preview)$",
    re.I,
)
SHARED_TITLE = re.compile(r'^\s*(?:download\s+"(.*?)"?|din position:\s*(.*))\s*$', re.I)
PAGE_OF = re.compile(r"\b(?:sida\s+\d+\s*(?:av|\()\s*\d+\)?|page\s+\d+\s+of\s+\d+)", re.I)
# Labels of a protocol's header. When a PDF's table is flattened they run on one line; a line break goes before each.
HEADER_LABELS = (
    "Plats och tid",
    "Sammanträdesdatum",
    "Ej tjänstgörande ersättare",
    "Tjänstgörande ersättare",
    "Beslutande",
    "Närvarande",
    "Frånvarande",
    "Ledamöter",
    "Suppleanter",
    "Ersättare",
    "Övriga deltagande",
    "Övriga deltagare",
    "Övriga närvarande",
    "Deltagande ledamöter",
    "Deltagare",
    "I tjänsten",
    "Särskilt inbjudna",
    "Utses att justera",
    "Utses justera",
    "Utsågs",
    "Protokolljusterare",
    "Justeringens plats och tid",
    "Justeringens tid och plats",
    "Justeringsdag",
    "Justeringsdatum",
    "Underskrifter",
    "Underskrift",
    "Sekreterare",
    "Ordförande",
    "Justerande",
    "Justerare",
    "Paragrafer",
    "ANSLAG/BEVIS",
    "Tid och plats",
    "Dag",
    "Tid",
    "Plats",
)
LABEL_BREAK = re.compile(
    # (a signer's label after a comma is none: "Cecilia Stedt, Sekreterare Klas Nordh, Ordförande …" writes each
    # signer's role after the name, as a title)
    r"(?:(?<=[^\s,])|(?<=,)(?!\s+(?:Sekreterare|Ordförande|Justerare|Justerande)\b))\s+(?=(?:"
    + "|".join(re.escape(label) for label in HEADER_LABELS + tuple(label.upper() for label in HEADER_LABELS[:12]))
    # "Ersättare för Alma Handzar" says whom one serves for: no label, nor "Lisbeth Lund, Sekreterare, BUF" (a
    # title in a list, its comma after it); "Övriga Lena Fagerlund …" is one
    # (nor "Marie Sällström Ordförande (S) …": a row's role, its party after it)
    + r")\b(?![-/])(?!,\s*[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]*\s+[A-ZÅÄÖ][a-zåäö])(?!\s+för\b)(?!\s*\([A-ZÅÄÖa-zåäö]{1,4}\))"
    r"|Övriga\s+(?=[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ][a-zåäö]))"
    # "… Tony Larsson (mp) Tjänstemän Robert Svensson Förvaltningschef …": the officials' label inside a list, before
    # a name (not a column's head after another's: "Ersättare Tjänstemän Namn")
    r"|(?<!Ersättare)(?<!ERSÄTTARE)(?<=\S)\s+(?=(?:Tjänstemän|TJÄNSTEMÄN)\s*:?\s+[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ][a-zåäö])"
)
# "• § 3 Val av justerare", "• 1 Mötets öppnande": a heading a web page set as a bulleted point
# A bilingual Finnish municipality's labels give the Finnish after the Swedish: "TID - AIKA", "NÄRVARANDE LEDAMÖTER -
# LÄSNÄ OLLEET JÄSENET", "Ordförande/Puheenjohtaja". The Finnish words of those labels go.
FINNISH_LABEL_WORDS = (
    r"AIKA|PAIKKA|KLO|LÄSNÄ|OLLEET|JÄSENET|VARAJÄSENET|MUUT|POISSA|SAAPUVILLA|PUHEENJOHTAJA|SIHTEERI|"
    r"PÖYTÄKIRJANPITÄJÄ|PÖYTÄKIRJANTARKASTAJAT|ALLEKIRJOITUKSET|PYKÄLÄT|KOKOUSAIKA|KOKOUSPAIKKA"
)
FINNISH_LABEL = re.compile(
    rf"\s+[-/]\s*(?:(?:{FINNISH_LABEL_WORDS})\.?\s+)*(?:{FINNISH_LABEL_WORDS})\.?(?=[\s:]|$)"
    rf"|/(?i:{FINNISH_LABEL_WORDS})(?=[\s:]|$)",
)
BULLETED_HEADING = re.compile(r"^\s*[•▪◦●·]\s*(?=§\s*\d|\d{1,2}\.?\s+[A-ZÅÄÖa-zåäö])")
RUN_ON = 160  # a longer line with labels or numbered points inside is a flattened table or page
# not a page's number ("Enligt närvarolista, sid 2 Ersättare …"), nor one of a list after a comma ("Roland Axelsson
# (s), kl , 40, 45 Maria Åhlén": the §§ a member was there for), nor the § a member stayed to or came from ("Jasmine
# Ravaghi (S) t o m 69 Barbro Viklund", "fr o m 70", "tom 69")
NUMBERED_INSIDE = re.compile(
    r"(?<=[\s.:])(?<!\b[Ss]id\s)(?<![Ss]ida\s)(?<!,\s)(?<!\bt\so\sm\s)(?<!\bo\sm\s)(?<!\btom\s)(?<!\bfrom\s)"
    r"(?:(§\s*)?(\d{1,3})(\.|\))?)\s+(?=[A-ZÅÄÖ][a-zåäöA-ZÅÄÖ])(?![A-ZÅÄÖ]\w+\s+[A-ZÅÄÖ][\w-]+,)"
)


def normalise(text):
    """Lines of the document, cleaned; blank lines kept as separators. Returns (lines, warnings)."""
    warnings = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    text = text.replace("**", "").replace("__", "")
    # A word broken at a line end by PDF extraction ("där-\nefter"); keep real hyphens inside a line.
    text = HYPHEN_BREAK.sub(lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), text)
    lines = [_join_broken_words(PAGE_OF.sub("", SPACED.sub(_unspaced, line)).rstrip()) for line in text.split("\n")]
    # a sharing site's "Download "title"" line carries the document's own title (often with the date): keep that
    lines = [SHARED_TITLE.sub(r"\1\2", line) for line in lines]
    # "• § 41": a web page's list of the items, its bullet before each heading
    lines = [FINNISH_LABEL.sub("", BULLETED_HEADING.sub("", line)) for line in lines]
    # "§ 71/20 Titel § 72/20 Titel" (number/year headings of a table of contents) run together
    lines = [piece for line in lines for piece in re.split(r"(?<=\S)\s+(?=§\s*\d+/\d\d\b)", line)]
    lines = [line for line in lines if not CHROME.match(line.strip()) or not line.strip()]
    lines = _without_repeats(lines)
    lines = running_headers(lines)
    lines = section_marks(lines)
    lines = [LOST_BESLUT.sub("Beslutande", SIDA_ALONE.sub("", line)) for line in lines]
    lines = [GLUED_LABEL.sub(r"\1 ", APPOINTED.sub("Utses att justera", line)) for line in lines]
    lines = [_without_header_page(line) if len(line) >= RUN_ON else line for line in lines]
    lines = [SEMICOLON_LABEL.sub(r"\1:", piece) for line in lines for piece in unflatten(line)]
    # "Helena Ervenius § 12-18 Utses att justera: Sven-Göthe Lidheim": the label, with its colon, starts a line
    lines = [piece for line in lines for piece in re.split(r"(?<=\S)\s+(?=Utses att justera\s*:)", line)]
    lines = counted_page_heads(letterhead_marks(section_column(lines)))
    repeated = repeated_page_lines(lines)
    cleaned = []
    for line in lines:
        stripped = line.strip()
        if stripped == "\f":
            cleaned.append("")
            continue
        stripped = stripped.replace("\f", "")
        if PAGE_NUMBER.match(stripped) and stripped:
            continue
        if stripped and stripped in repeated:
            continue
        cleaned.append(re.sub(r"\s{2,}", " ", stripped))
    cleaned = lost_section_signs(cleaned)
    if repeated:
        warnings.append(PAGE_LINES_REMOVED + "; ".join(sorted(repeated)))
    return cleaned, warnings


# "beslutar a t t utse", "N ä r v a r a n d e": a word set with its letters spaced, as typewritten minutes stress
# it; "t o m" and "d v s" are abbreviations, so three letters are a word only when they are "att"
SPACED = re.compile(r"(?<![\w-])(?:[A-Za-zÅÄÖåäö] ){3,}[A-Za-zÅÄÖåäö](?![\w-])|(?<![\w-])a t t(?![\w-])")


def _unspaced(match):
    return match.group(0).replace(" ", "")


def strip_footnote_markers(text):
    """ "incheckningsrunda¹" -> "incheckningsrunda"; footnote lines themselves are kept as text."""
    return re.sub(rf"(?<=[\w\"”’)])[{SUPERSCRIPTS}]+", "", text)


def is_footnote(line):
    return bool(FOOTNOTE_LINE.match(line))


def unflatten(line, *, in_header=True):
    """A run-on line (a PDF table or a page flattened by extraction) split before each point of a rising run of
    numbers ("17. Mötets öppnande … 18. Förslag …") and, in the header, before each header label."""
    if len(line) < RUN_ON:
        return [line]
    pieces = []
    for part in re.split(r"(?<=\S)\s+(?=§\s*\d+/\d\d\b)", line):
        pieces.extend(_split_numbered(part))
    out = []
    for piece in pieces:
        # a number opens the items; "2 NÄRVARO- OCH VOTERINGSLISTA … LEDAMÖTER …", "3 Utses att justera …": a
        # page's number before a list or a label
        # ("1-12 Tjänsteställe …": the paragraphs a page holds, no item's number)
        # ("5/ Social- och hälsovårdsnämnden …": the protocol's number of the year, its year lost)
        opens = re.match(r"^(?:§\s*)?\d(?!\d{0,2}\s+NÄRVARO)(?!\d{0,2}\s*[-–]\s*\d)(?!\d{0,2}/\s)", piece)
        if not in_header or (opens and not HEADER_PAGE.match(piece)):
            in_header = False
            out.append(piece)
            continue
        out.extend(p.strip() for p in LABEL_BREAK.split(piece) if p.strip())
    return out


# a table's label cell run into its value by a page flattened without spaces: "Utses att justeraIsabel Hildén",
# "Paragrafer12 – 22", "UnderskriftLaila Nabb", "Underskrifter_____"
GLUED_LABEL = re.compile(
    r"^(" + "|".join(re.escape(label) for label in sorted(HEADER_LABELS, key=len, reverse=True)) + r")(?=[A-ZÅÄÖ0-9_])"
)
# "Utsedd att justera", "Utsedda att justera": the label "Utses att justera" in the past tense
APPOINTED = re.compile(r"\bUtsedda?\s+att\s+justera\b")
# "Plats och tid; Stadshuset", "Beslutande; Se särskild närvaroförteckning": a label that ends in a semicolon
SEMICOLON_LABEL = re.compile(
    r"^(" + "|".join(re.escape(label) for label in sorted(HEADER_LABELS, key=len, reverse=True)) + r")\s*;", re.I
)
# A sharing site's transcript loses a table cell's first word in some fonts: "Beslutande" becomes "ande" (before the
# first name of the list, its colon or "ledamöter"); the page label "Sida" whose number went to the line before stays
# alone.
LOST_BESLUT = re.compile(r"(?:^|(?<=\s))ande(?=\s*:|\s+[A-ZÅÄÖ][a-zåäö]|\s+ledamöter\b)")
SIDA_ALONE = re.compile(r"^Sida\s+(?=[A-Za-zÅÄÖåäö])")
# "1 Tid och Plats Kl … Närvarande: …": a flattened first page whose page number stands before its header
# ("2 …", "1(112) …", "Sida 1 av 4 …", "2008:16:2 …": year, meeting, page)
FIRST_PAGE = (
    r"(?:(?i:sida|sid\.?|s\.)\s*)?"
    r"(?:\d{1,3}(?:\s*\(\s*\d{1,3}\s*\)|\s*/\s*\d{1,3}|\s+av\s+\d{1,3})?|\d{4}(?::\d{1,3}){1,2})"
)
HEADER_PAGE = re.compile(
    r"^" + FIRST_PAGE + r"\s+"
    r"(?=(?:Plats och tid|Tid och plats|Sammanträdesdatum|Beslutande|Närvarande|Utses att justera|Justerande|"
    r"(?:protokoll|minnesanteckningar)\s+(?:från|fört|vid)\b)\b)",  # "1 Protokoll från styrelsemöte nr. 1 …"
    re.I,
)


def _without_header_page(line):
    """The page number before a flattened header: before its first label, or before a run of three labels or more
    ("34 Organ: Plats och tid: ande: …", the values after them)."""
    if len(LABEL_BREAK.findall(line)) >= 3:
        return re.sub(r"^" + FIRST_PAGE + r"\s+(?=[A-ZÅÄÖ])", "", line)
    return HEADER_PAGE.sub("", line)


PAGE_MARKS = re.compile(r"^(?:\d{1,3}\s+)?\(\s*\d+\s*\)\s+")


def running_headers(lines):
    """A flattened page that starts with the document's letterhead again ("1 LYSEKILS KOMMUN Sammanträdesprotokoll
    Kommunstyrelsen (40) 63 BILDANDE AV …": page number, at least three words of the first line, page count)
    loses that header; the number that then opens the page heads an item whose "§" was lost."""
    opening = next((index for index, line in enumerate(lines) if line.strip()), 0)
    first = lines[opening].split() if lines else []
    if len(first) < 3:
        return lines
    out = lines[: opening + 1]
    for line in lines[opening + 1 :]:
        words = line.split()
        start = 1 if words[:1] and words[0].isdigit() else 0
        shared = 0
        while shared < len(first) and start + shared < len(words) and words[start + shared] == first[shared]:
            shared += 1
        if len(line) < RUN_ON or shared < 3:
            out.append(line)
            continue
        rest = PAGE_MARKS.sub("", " ".join(words[start + shared :]), count=1)
        rest = re.sub(r"^(\d{1,3})\s+(?=[A-ZÅÄÖ]{2,}\b)", r"§ \1 ", rest)
        out.append(_page_section(rest))
    return out


NUMBERED_ROW = re.compile(r"^(\d{1,3})\s+(?=[A-ZÅÄÖ][a-zåäö])")


def section_column(lines):
    """ "§" alone over rows that open with a number, a heading and its text ("23 Fastställande av
    föredragningslista Ordföranden öppnade …", "24 Val av justerare …"): a table's column of §§ flattened; each row
    gets its "§" back."""
    out = list(lines)
    for index, line in enumerate(lines):
        if line.strip() != "§":
            continue
        rows = []
        for later in range(index + 1, len(lines)):
            if not lines[later].strip():
                continue
            if not NUMBERED_ROW.match(lines[later]):
                break
            rows.append(later)
        numbers = [int(NUMBERED_ROW.match(lines[n])[1]) for n in rows]
        # items with their text, not a table of contents' short rows under its "§" column
        bodies = sum(len(lines[n]) > 100 for n in rows) * 2 >= len(rows)
        if rows and bodies and all(0 < b - a <= 2 for a, b in zip(numbers, numbers[1:], strict=False)):
            out[index] = ""
            for n in rows:
                out[n] = "§ " + lines[n]
    return out


def section_marks(lines):
    """Lines where a short word stands in for "§" before a rising run of numbers ("Nvsf 88 …", "Nvsf 89 …")
    rewritten with "§" at the start of the line; docplayer-style page numbers at a line's start removed."""
    lines = slashed_page_marks(spaced_page_marks(lines))
    # "2 …", "2 2 (17) …" (the sharing site's number, then the document's own mark), "2 2 …" (both plain)
    pages = [re.match(r"^(\d{1,3})\s+(?:\d{1,3}\s*\(\s*\d+\)?\s+|\1\s+)?(?=\S)", line) for line in lines]
    numbers = [int(m.group(1)) for m in pages if m]
    # page numbers rise a page at a time ("1 … 2 … 3"); "1 … 74 … 75" is a page and then items
    pages_run = all(0 < later - earlier <= 2 for earlier, later in zip(numbers, numbers[1:], strict=False))
    if _numbered_headings(lines, pages):
        pass  # "2 Val av firmatecknare", "3 Adjungerad styrelseledamot": items a line each, a few lines apart
    elif numbers[:2] == [1, 2] or (len(numbers) > 2 and pages_run and numbers[0] <= 2):
        lines = [line[m.end() :] if m else line for line, m in zip(lines, pages, strict=True)]
        # "3 65 Information a) …": a page that opens with a number and a heading opens an item whose "§" was lost,
        # when two pages or more do so with rising numbers
        opened = [(n, PAGE_ITEM.match(line)) for n, (line, m) in enumerate(zip(lines, pages, strict=True)) if m]
        headed = [int(item[1]) for _n, item in opened if item]
        if len(headed) >= 2 and all(0 < b - a <= 5 for a, b in zip(headed, headed[1:], strict=False)):
            for n, item in opened:
                if item and not PAGE_HEADER.match(lines[n]):
                    lines[n] = "§ " + lines[n]
    else:  # "1 1 VÄSTRA GÖTALANDSREGIONEN …": a number twice is the site's page number and the page's own, alone
        lines = [
            line[m.end() :] if m and len(m.group(0).split()) > 1 else line for line, m in zip(lines, pages, strict=True)
        ]
    found = {}
    for line in lines:
        for match in SECTION_WORD.finditer(line):
            found.setdefault(match.group(1), []).append(int(match.group(2)))
    # "Sn 49 …", "Sn 50 Au 84 Sn 34 …": two numbers in a row make the word a mark (a preparing body's older numbers
    # may follow it)
    marks = [w for w, ns in found.items() if any(b == a + 1 for a, b in zip(ns, ns[1:], strict=False))]
    if not marks:
        return lines
    pattern = re.compile(r"(?:^|(?<=\s))(?:\d+\s+){0,2}?(?:" + "|".join(map(re.escape, marks)) + r")\s+(\d{1,3})\s+")
    marked = [pattern.sub(lambda m: "\n§ " + m.group(1) + " ", line, count=1) for line in lines]
    # "HÖGSBY KOMMUN SAMMANTRÄDESPROTOKOLL PU 29 …": the page's letterhead before the heading stays on its own line
    return [piece.strip() if "\n" in line else piece for line in marked for piece in line.lstrip("\n").split("\n")]


PAGE_ITEM = re.compile(r"^(\d{1,3})\s+(?=[A-ZÅÄÖ][a-zåäö]{2,})")
SHORTEST_PAGE = 500  # characters: no page of minutes holds less text than this, a § often does


def _numbered_headings(lines, marks):
    """Three numbered lines or more, each a short heading (no sentence), with less text between them than any page
    holds: the items of a page whose numbers lack "§" or a dot, not the sharing site's page numbers."""
    at = [n for n, mark in enumerate(marks) if mark]
    if len(at) < 3:
        return False
    short = all(len(lines[n]) < 100 and not lines[n].rstrip().endswith(".") and PAGE_ITEM.match(lines[n]) for n in at)
    between = [sum(len(line) for line in lines[a + 1 : b]) for a, b in zip(at, at[1:], strict=False)]
    # (a page's own head repeats from page to page, "2 Kommunstyrelsen", "3 Kommunstyrelsen"; headings differ)
    heads = [PAGE_ITEM.sub("", lines[n]).strip().casefold() for n in at]
    differ = len(set(heads)) == len(heads) and not any(re.search(r"protokoll|sammanträde|\bsida\b", h) for h in heads)
    return short and (max(between) < SHORTEST_PAGE or differ)


# "2 22 Plats och tid …": the page's number before a flattened header, not an item's
PAGE_HEADER = re.compile(r"^\d{1,3}\s+(?:Plats och tid|Tid och plats|Sammanträdesdatum|Beslutande|Närvarande)\b")
# "SAMMANTRÄDESPROTOKOLL 4(16) …", "Jämtlands läns landsting Sammanträdesprotokoll 2 (15) …": a later page's
# letterhead and page mark before the page's text
LETTERHEAD_MARK = re.compile(
    r"^(?P<head>(?:[A-ZÅÄÖ][\wåäöÅÄÖ-]*\s+){0,4}[\wåäöÅÄÖ-]*(?i:protokoll|anteckningar))\s+"
    r"(?P<page>\d{1,3})\s*\((?P<count>\d{1,3})\)\s*"
)


def letterhead_marks(lines):
    """A page after the first that opens with the document's letterhead and its page mark ("PROTOKOLL 2(8) - Skrivelse
    …"): the mark goes, and the page's text joins the text before it (a letterhead of more than the kind's word
    stays, on a line of its own). Known as a page mark by its page count, which two pages or more repeat; the first
    page keeps its title."""
    marks = [LETTERHEAD_MARK.match(line) for line in lines]
    totals = repeated_counts(marks)
    out = []
    for line, m in zip(lines, marks, strict=True):
        if not (m and m["count"] in totals and 1 < int(m["page"]) <= int(m["count"])):
            out.append(line)
            continue
        if len(m["head"].split()) > 1:
            out.append(m["head"])  # "UMEÅREGIONEN MINNESANTECKNINGAR": the organisation may be named only here
        rest = line[m.end() :]
        # "KS 110 KS/2013: Exploateringsavtal …", "23 Dnr Driftbudgetramar …": a page that opens with an item's
        # number (the body's short name before it, a case's number after it) opens that item, alone or not
        rest = _page_section(rest)
        if rest.strip():
            out.append(rest)
    return out


_SHORT_NAME = r"(?!(?:Sid|Sida|Sidan|Kl|Nr|Dnr|Bilaga|Punkt|Datum)\b)(?:[A-ZÅÄÖ][a-zåäö]{1,4}|[A-ZÅÄÖ]{2,4})\s+"
# "KS 110 …" (the body's short name makes the number an item's) or "23 Dnr …", "86 ON/2012: …" (a case's number)
PAGE_SECTION = re.compile(
    rf"^(?:{_SHORT_NAME}(\d{{1,3}})\s+(?=[A-ZÅÄÖ])|(\d{{1,3}})\s+(?=(?:Dnr|DNR)\b|[A-ZÅÄÖ]{{1,4}}\s*/\s*\d))"
)


def _page_section(text):
    """The page's text with its item's number marked "§", where it opens with one (PAGE_SECTION)."""
    return PAGE_SECTION.sub(lambda m: f"§ {m.group(1) or m.group(2)} ", text, count=1)


# "Nvsf 88 …", "PU 29 …", "KS 136 …": a body's short name standing in for "§" (a run of numbers makes it one)
SECTION_WORD = re.compile(
    r"(?:^|(?<=\s))(?!(?:Bilaga|Sid|Sida|Sidan|Kap|Nr|Dnr|Punkt|Rum|Kl|Ärende|Ca|Se|Av|BILAGA|SID|SIDA|KAP|NR|DNR|SFS)\b)"
    r"([A-ZÅÄÖ][a-zåäö]{1,4}|[A-ZÅÄÖ]{2,4})\s+(\d{1,3})\s+(?=[A-ZÅÄÖ]|\d{2,4}/)"  # a heading or its "09/TN 0044"
)


def _split_numbered(line):
    """Split before the members of the longest run of consecutive numbers n, n+1, … that start points."""
    candidates = [
        (m.start(), int(m.group(2)), m.group(1) or "", m.group(3) or "") for m in NUMBERED_INSIDE.finditer(line)
    ]
    best = []
    for index, (_start, _number, prefix, mark) in enumerate(candidates):
        run = [candidates[index]]
        for later in candidates[index + 1 :]:
            if later[1] == run[-1][1] + 1 and later[2].strip() == prefix.strip() and later[3] == mark:
                run.append(later)
        if len(run) > len(best):
            best = run
    if len(best) < 2:
        return [line]
    cuts = [start for start, *_rest in best]
    pieces, previous = [], 0
    for cut in cuts:
        pieces.append(line[previous:cut].strip())
        previous = cut
    pieces.append(line[previous:].strip())
    return [piece for piece in pieces if piece]


def _without_repeats(lines):
    """A line that repeats the line before it (blank lines between) is a page's title printed twice."""
    kept, previous = [], None
    for line in lines:
        if line.strip() and line.strip() == previous:
            continue
        if line.strip():
            previous = line.strip()
        kept.append(line)
    return kept


def _join_broken_words(line):
    """In a long line whose line breaks were lost, "Kommunalarbeta- reförbundet" is one word, and "Inga- Lis" one
    given name; "Vård- och omsorg", "medlems- plus serviceavgift" and "Kultur- Fritid" are Swedish and stay."""
    if len(line) < RUN_ON:
        return line
    line = BROKEN_GIVEN_NAME.sub(lambda m: f"{m[1]}-{m[2]}" if is_given_name(m[1]) else m[0], line)
    return re.sub(r"(\w)- (?!(?:och|eller|samt|som|plus|resp|respektive|till|men|både)\b)([a-zåäö])", r"\1\2", line)


# a given name, its second part after the break, and the surname: "Inga- Lis Samuelsson"
BROKEN_GIVEN_NAME = re.compile(r"\b([A-ZÅÄÖÉ][a-zåäöéü]+)- ([A-ZÅÄÖÉ][a-zåäöéü]+)(?=\s+[A-ZÅÄÖÉ][a-zåäöéü]+)")
