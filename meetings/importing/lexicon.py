"""What the importer knows of the Swedish language and public Sweden, held apart from any one document: given names
and surnames in use (Isof's and Skatteverket's statistics, as the faker package ships them, with the Finnish and
Norwegian given names), the 290 municipalities and 21 regions, the national agencies a samordningsförbund has as
members or partners, and the role words of a protocol."""

import re
from functools import cache

# the letters a name is written with: Swedish, and the Nordic neighbours' ("Ágúst Þór Árnason", "Ørjan Sæther")
NAME_UPPER = "A-ZÅÄÖÉÜÁÍÓÚÝÞÐÆØ"
NAME_LOWER = "a-zåäöéüèáíóúýþðæø"

MUNICIPALITIES = """
Botkyrka Danderyd Ekerö Haninge Huddinge Järfälla Lidingö Nacka Norrtälje Nykvarn Nynäshamn Salem Sigtuna
Sollentuna Solna Stockholm Sundbyberg Södertälje Tyresö Täby Upplands-Bro Upplands_Väsby Vallentuna Vaxholm
Värmdö Österåker Enköping Heby Håbo Knivsta Tierp Uppsala Älvkarleby Östhammar Eskilstuna Flen Gnesta Katrineholm
Nyköping Oxelösund Strängnäs Trosa Vingåker Boxholm Finspång Kinda Linköping Mjölby Motala Norrköping Söderköping
Vadstena Valdemarsvik Ydre Åtvidaberg Ödeshög Aneby Eksjö Gislaved Gnosjö Habo Jönköping Mullsjö Nässjö Sävsjö
Tranås Vaggeryd Vetlanda Värnamo Alvesta Lessebo Ljungby Markaryd Tingsryd Uppvidinge Växjö Älmhult Borgholm
Emmaboda Hultsfred Högsby Kalmar Mönsterås Mörbylånga Nybro Oskarshamn Torsås Vimmerby Västervik Gotland Karlshamn
Karlskrona Olofström Ronneby Sölvesborg Bjuv Bromölla Burlöv Båstad Eslöv Helsingborg Hässleholm Höganäs Hörby
Höör Klippan Kristianstad Kävlinge Landskrona Lomma Lund Malmö Osby Perstorp Simrishamn Sjöbo Skurup Staffanstorp
Svalöv Svedala Tomelilla Trelleborg Vellinge Ystad Åstorp Ängelholm Örkelljunga Östra_Göinge Falkenberg Halmstad
Hylte Kungsbacka Laholm Varberg Ale Alingsås Bengtsfors Bollebygd Borås Dals-Ed Essunga Falköping Färgelanda
Grästorp Gullspång Göteborg Götene Herrljunga Hjo Härryda Karlsborg Kungälv Lerum Lidköping Lilla_Edet Lysekil
Mariestad Mark Mellerud Munkedal Mölndal Orust Partille Skara Skövde Sotenäs Stenungsund Strömstad Svenljunga
Tanum Tibro Tidaholm Tjörn Tranemo Trollhättan Töreboda Uddevalla Ulricehamn Vara Vårgårda Vänersborg Åmål Öckerö
Arvika Eda Filipstad Forshaga Grums Hagfors Hammarö Karlstad Kil Kristinehamn Munkfors Storfors Sunne Säffle
Torsby Årjäng Askersund Degerfors Hallsberg Hällefors Karlskoga Kumla Laxå Lekeberg Lindesberg Ljusnarsberg Nora
Örebro Arboga Fagersta Hallstahammar Kungsör Köping Norberg Sala Skinnskatteberg Surahammar Västerås Avesta
Borlänge Falun Gagnef Hedemora Leksand Ludvika Malung-Sälen Mora Orsa Rättvik Smedjebacken Säter Vansbro Älvdalen
Bollnäs Gävle Hofors Hudiksvall Ljusdal Nordanstig Ockelbo Ovanåker Sandviken Söderhamn Härnösand Kramfors
Sollefteå Sundsvall Timrå Ånge Örnsköldsvik Berg Bräcke Härjedalen Krokom Ragunda Strömsund Åre Östersund Bjurholm
Dorotea Lycksele Malå Nordmaling Norsjö Robertsfors Skellefteå Sorsele Storuman Umeå Vilhelmina Vindeln Vännäs
Åsele Arjeplog Arvidsjaur Boden Gällivare Haparanda Jokkmokk Kalix Kiruna Luleå Pajala Piteå Älvsbyn Överkalix
Övertorneå
"""
REGIONS = """
Stockholm Uppsala Sörmland Östergötland Jönköpings_län Kronoberg Kalmar_län Gotland Blekinge Skåne Halland
Västra_Götaland Värmland Örebro_län Västmanland Dalarna Gävleborg Västernorrland Jämtland_Härjedalen Västerbotten
Norrbotten
"""
# The national agencies and partners a samordningsförbund (and a municipality's protocol) names.
AGENCIES = (
    "Försäkringskassan",
    "Arbetsförmedlingen",
    "Skatteverket",
    "Kriminalvården",
    "Migrationsverket",
    "Socialstyrelsen",
    "Polismyndigheten",
    "Kronofogden",
    "Länsstyrelsen",
    "Nationella rådet",
    "Sveriges Kommuner och Regioner",
    "Inspektionen för socialförsäkringen",
)
# an ersättare as a list names one, serving or not; the one who serves for a member is a tjänstgörande ersättare
SUBSTITUTES = ("ersättare", "ej tjänstgörande ersättare")


def _names(block: str) -> list[str]:
    return [word.replace("_", " ") for word in block.split()]


# The municipalities that call themselves a city ("Stockholms stad", "Borås Stad"), the rest "kommun".
CITIES = {"Stockholm", "Göteborg", "Malmö", "Borås", "Haparanda", "Landskrona", "Lidingö", "Mölndal", "Solna"}
CITIES |= {"Sundbyberg", "Trollhättan", "Vaxholm", "Västerås"}


def municipality_name(place: str) -> str:
    """ "Haninge" -> "Haninge kommun", "Östersund" -> "Östersunds kommun", "Borås" -> "Borås stad": the genitive's
    "s" after a consonant, none after a vowel or an s."""
    genitive = place if re.search(r"[aeiouyåäösxz]$", place) else place + "s"
    return f"{genitive} {'stad' if place in CITIES else 'kommun'}"


# Counted in the test: a dropped line would show.
MUNICIPALITY_NAMES = tuple(_names(MUNICIPALITIES))
REGION_NAMES = tuple(_names(REGIONS))

# The words of a role, as minutes print them before or after a name.
ROLE_WORDS = (
    r"(?:[12]:?[ea]|förste|andre)?\s*vice\s+ordf(?:örande)?\.?|v\.?\s*ordf\.?|ordf(?:örande)?\.?|ledamot|ledamöter|"
    r"tjg\.?\s*ers(?:ättare)?\.?|tjänstgörande\s+ersättare|ersättare|ers\.|suppleant|sekreterare|"
    r"förbundschef|förbundssekreterare|samordnare|adj\.?|adjungerad|insynsplats|revisor"
)
ROLE = re.compile(rf"^(?:{ROLE_WORDS})$", re.I)


@cache
def given_names() -> frozenset[str]:
    """Sweden's given names, and those of the Nordic neighbours whose people sit on Swedish boards (a Finnish-born
    "Tuija", a Norwegian "Sverre"): faker's lists for Finland and Norway. Not their surnames: a Nordic surname is
    read as any unknown word is."""
    from faker.providers.person import fi_FI, no_NO

    swedish = {name.casefold() for name in _swedish_names().first_names}
    # not a neighbour's given name that is a Swedish surname ("Lilja": "Fredrik Lilja Agneta Persson" is two people)
    nordic = {name.casefold() for module in (fi_FI, no_NO) for name in module.Provider.first_names} - surnames()
    return frozenset(swedish | nordic)


@cache
def surnames() -> frozenset[str]:
    return frozenset(name.casefold() for name in _swedish_names().last_names)


def _swedish_names():
    """faker's sv_SE lists, loaded where a document is read: importing faker at start costs a process ~120 ms."""
    from faker.providers.person.sv_SE import Provider

    return Provider


def is_given_name(word: str) -> bool:
    """ "Eva", "Marie-Louise" (each part a given name)."""
    parts = word.strip(",.;:()").split("-")
    return bool(parts[0]) and all(part.casefold() in given_names() for part in parts)


@cache
def _organisation_pattern() -> re.Pattern[str]:
    municipalities = "|".join(re.escape(name) for name in MUNICIPALITY_NAMES)
    regions = "|".join(re.escape(name) for name in REGION_NAMES)
    agencies = "|".join(re.escape(name) for name in AGENCIES)
    return re.compile(
        rf"\b(?:(?:{municipalities})s?\s+(?:kommun|stad)|Region\s+(?:{regions})|(?:{agencies}))\b"
        rf"|\b(?:{municipalities})\b"
    )


def organisations_in(text: str) -> list[str]:
    """The municipalities, regions and agencies named in the text, as written."""
    return [match.group(0) for match in _organisation_pattern().finditer(text)]


def is_organisation(text: str) -> bool:
    """The whole text names one municipality, region or agency ("Kungälv", "Sala kommun", "Region Skåne")."""
    match = _organisation_pattern().fullmatch(text.strip(" ,.;()"))
    return match is not None


def split_people(text: str) -> list[str]:
    """Names run together ("Monica Haider Ulrika J Gustafsson Marie-Louise Hilmersson (c)") apart: a given name
    starts a new person once the one before has a surname. Party marks, commas and "och" end a person."""
    people: list[list[str]] = []
    current: list[str] = []
    for word in re.sub(r"\(\s*[A-Za-zåäöÅÄÖ]{1,4}\s*\)|,|\boch\b", " | ", text).split():
        if word == "|":
            if current:
                people.append(current)
            current = []
            continue
        has_surname = any(not is_given_name(w) and len(w.strip(".")) > 1 for w in current[1:])
        if current and is_given_name(word) and (has_surname or current[-1].casefold() in surnames()):
            people.append(current)
            current = []
        current.append(word)
    if current:
        people.append(current)
    return [" ".join(words) for words in people]
