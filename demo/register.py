"""The demo register, built from the real documents in shared/seeds. Idempotent: keyed on slugs and names."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from federations.models import (
    Body,
    Federation,
    Mandate,
    MemberOrganisation,
    Membership,
    Network,
    Person,
    Project,
    ProjectResult,
    StaffRole,
)

DEMO_PASSWORD = "finsam-demo-2026"  # noqa: S105  (public demo accounts only)

# (email, person name, what the account shows off). Printed by `make run` and listed in the README.
DEMO_ACCOUNTS = [
    ("sekreterare@demo.finsam.se", "Ann Lundqvist", "sekreterare och förbundsadministratör, RAR i Sörmland"),
    ("ordforande@demo.finsam.se", "Marie Svensson", "ordförande, RAR i Sörmland"),
    ("justerare@demo.finsam.se", "Britta Bergström", "2:e vice ordförande och justerare, RAR i Sörmland"),
    ("ledamot@demo.finsam.se", "Lotta Lindblad Söderman", "ordförande i ett annat förbund (Roslagen)"),
    ("samordnare@demo.finsam.se", "Annica Falk", "nätverkssamordnare, Stockholms län (projektchef MIA)"),
    ("admin@demo.finsam.se", "Portaladministratör", "superanvändare (Django admin)"),
]

REGION_STOCKHOLM = "Region Stockholm"
FK = "Försäkringskassan"
AF = "Arbetsförmedlingen"

STOCKHOLM_FEDERATIONS = [
    # (name, short name, slug, kommuner)
    ("Samordningsförbundet Roslagen", "Roslagen", "roslagen", ["Norrtälje", "Vallentuna", "Österåker"]),
    ("Samordningsförbundet Stockholms stad", "Sthlm stad", "stockholms-stad", ["Stockholms stad"]),
    ("Samordningsförbundet Södertälje", "Södertälje", "sodertalje", ["Södertälje", "Nykvarn"]),
    (
        "Samordningsförbundet Botkyrka-Huddinge-Salem",
        "HBS",
        "botkyrka-huddinge-salem",
        ["Botkyrka", "Huddinge", "Salem"],
    ),
    ("Samordningsförbundet VärNa", "VärNa", "varna", ["Värmdö", "Nacka"]),
    ("Samordningsförbundet Sundbyberg", "Sundbyberg", "sundbyberg", ["Sundbyberg"]),
    ("Samordningsförbundet Östra Södertörn", "ÖS", "ostra-sodertorn", ["Haninge", "Nynäshamn", "Tyresö"]),
    ("Samordningsförbundet SUVS", "SUVS", "suvs", ["Sollentuna", "Upplands Väsby", "Sigtuna"]),
]

SKARABORG_KOMMUNER = [
    "Skövde", "Lidköping", "Mariestad", "Falköping", "Götene", "Tidaholm", "Tibro", "Hjo",
    "Karlsborg", "Töreboda", "Gullspång", "Essunga", "Grästorp", "Vara", "Skara",
]  # fmt: skip
SORMLAND_KOMMUNER = [
    "Eskilstuna", "Strängnäs", "Nyköping", "Oxelösund", "Trosa", "Gnesta", "Katrineholm", "Flen", "Vingåker",
]  # fmt: skip

# Seed 000: the presidia of the Stockholm federations, as they attended the presidium network.
STOCKHOLM_PRESIDIA = {
    "roslagen": [
        ("Lotta Lindblad Söderman", Mandate.Role.CHAIR, ""),
        ("Eva Strand", Mandate.Role.FIRST_VICE_CHAIR, ""),
        ("Sophia Dahlgren", Mandate.Role.DIRECTOR, ""),
    ],
    "stockholms-stad": [
        ("Fredrik Lindsstad", Mandate.Role.CHAIR, ""),
        ("Matthias Holmlund", Mandate.Role.FIRST_VICE_CHAIR, ""),
        ("Helena Haapala", Mandate.Role.DIRECTOR, "tf förbundschef"),
    ],
    "sodertalje": [
        ("Linda Ålegård", Mandate.Role.SUBSTITUTE, ""),
        ("Kjell Sjundemark", Mandate.Role.DIRECTOR, ""),
    ],
    "botkyrka-huddinge-salem": [
        ("Elisabet Bovin Exner", Mandate.Role.FIRST_VICE_CHAIR, ""),
        ("Elin Asplund", Mandate.Role.DIRECTOR, ""),
    ],
    "varna": [("Andreas Falk", Mandate.Role.MEMBER, ""), ("Karin Gellin", Mandate.Role.DIRECTOR, "")],
    "sundbyberg": [("Jan Karlsson", Mandate.Role.CHAIR, ""), ("Catarina Örtengren", Mandate.Role.DIRECTOR, "")],
    "ostra-sodertorn": [
        ("Kristofer Stjernqvist", Mandate.Role.MEMBER, ""),
        ("Anna Lexelius", Mandate.Role.DIRECTOR, ""),
        ("Annica Falk", Mandate.Role.OFFICER, "projektchef MIA"),
    ],
}

# Seed 004: RAR i Sörmland's arbetsutskott, with the organisation that appointed each seat.
RAR_WORKING_COMMITTEE = [
    ("Marie Svensson", Mandate.Role.CHAIR, "Eskilstuna", ""),
    ("Ingrid Jerneborg Glimne", Mandate.Role.FIRST_VICE_CHAIR, "Region Sörmland", ""),
    ("Britta Bergström", Mandate.Role.SECOND_VICE_CHAIR, "Oxelösund", ""),
    ("Anna-Lena Karlsson", Mandate.Role.MEMBER, FK, ""),
    ("Katarina Enkvist Bohlin", Mandate.Role.MEMBER, AF, ""),
    ("Ola Wiktorson", Mandate.Role.DIRECTOR, None, ""),
    ("Ann Lundqvist", Mandate.Role.SECRETARY, None, "förbundssekreterare"),
]

# Seed 002: Skaraborg's beredningsgrupp, officials (tjänstepersoner) of the member organisations, as the notes of
# January 2023 name them. They prepare matters for the board and hold no seat that decides.
SKARABORG_PREPARATORY_GROUP = [
    "Annika Bengtzing", "Camilla Karlsson Andersson", "Sofia Melin", "Håkan Olsson", "Elin Andersson",
    "Malin Ekström", "Eva Axelsson", "Jasmin Julardzija", "Niklas Johansson", "Elin Süttenbach", "Monica Smedman",
    "Mattias Gustafsson", "Heidi Hansen Steijer", "Cecilia Klämberg", "Monica Johansson", "Margaretha Eriksson",
    "Mona Strand", "Evelina Holmbäck", "Kristian Lagerström", "Lena Lindahl", "Eva Bremer",
    "Annika Sundin Gustafson", "Sofia Palcic", "Ida Wiik", "Susanne Olsson", "Jessica Bergman", "Elin Sahlberg",
]  # fmt: skip


def _organisation(name, kind):
    org, _ = MemberOrganisation.objects.update_or_create(name=name, defaults={"slug": slugify(name), "kind": kind})
    return org


def municipality_name(place):
    """The municipality's name as Swedish writes it: the place in the genitive before "kommun", except that a place
    ending in a vowel stays as it is (Eskilstuna kommun, Götene kommun) and, as in any Swedish genitive, one ending in
    s, x or z takes no extra s (Strängnäs kommun); Nyköping gives Nyköpings kommun. A city (stad) keeps its name."""
    if place.endswith("stad"):
        return place
    if place[-1].lower() in "aeiouyåäö" or place[-1].lower() in "sxz":
        return f"{place} kommun"
    return f"{place}s kommun"


def _kommun(name):
    return _organisation(municipality_name(name), "kommun")


def _person(name, **extra):
    person, _ = Person.objects.update_or_create(name=name, defaults=extra)
    return person


def _federation(name, short_name, slug, network=None, kommuner=(), region=None, **extra):
    federation, _ = Federation.objects.update_or_create(
        slug=slug,
        defaults={"name": name, "short_name": short_name, "network": network, "area": ", ".join(kommuner), **extra},
    )
    members = [_kommun(k) for k in kommuner] + [region, _organisation(FK, "forsakringskassan")]
    members.append(_organisation(AF, "arbetsformedlingen"))
    for org in filter(None, members):
        Membership.objects.get_or_create(federation=federation, organisation=org)
    return federation


def _body(owner, name, kind, record_kind=Body.RecordKind.MINUTES, numbering=Body.Numbering.PER_MEETING):
    key = {"federation": owner} if isinstance(owner, Federation) else {"network": owner}
    body, _ = Body.objects.update_or_create(
        **key,
        slug=slugify(name),
        defaults={"name": name, "kind": kind, "record_kind": record_kind, "numbering": numbering},
    )
    return body


def _mandate(person, body, role, start, end=None, **extra):
    mandate, _ = Mandate.objects.update_or_create(
        person=person, body=body, role=role, start=start, defaults={"end": end, **extra}
    )
    return mandate


@transaction.atomic
def load_register():
    """Networks, federations, members, bodies, people, mandates and projects."""
    stockholm = Network.objects.update_or_create(
        slug="stockholms-lan",
        defaults={"name": "Samordningsförbunden i Stockholms län", "short_name": "Stockholms län", "kind": "regional"},
    )[0]
    Network.objects.update_or_create(
        slug="nns",
        defaults={"name": "Nationella nätverket för samordningsförbund", "short_name": "NNS", "kind": "national"},
    )
    region_stockholm = _organisation(REGION_STOCKHOLM, "region")
    federations = {}
    for name, short_name, slug, kommuner in STOCKHOLM_FEDERATIONS:
        federations[slug] = _federation(name, short_name, slug, stockholm, kommuner, region_stockholm)
        _body(federations[slug], "Styrelse", Body.Kind.BOARD)

    rar = _federation(
        "Samordningsförbundet RAR i Sörmland",
        "RAR Sörmland",
        "rar-sormland",
        None,
        SORMLAND_KOMMUNER,
        _organisation("Region Sörmland", "region"),
        protocol_storage="Förbundets kansli, Eskilstuna",
        website="https://www.rarsormland.se/",
    )
    skaraborg = _federation(
        "Samordningsförbundet Skaraborg",
        "Skaraborg",
        "skaraborg",
        None,
        SKARABORG_KOMMUNER,
        _organisation("Västra Götalandsregionen", "region"),
        protocol_storage="Förbundets kansli, Skövde",
    )
    federations.update({"rar-sormland": rar, "skaraborg": skaraborg})

    presidium_network = _body(stockholm, "Presidienätverket", Body.Kind.NETWORK, record_kind=Body.RecordKind.NOTES)
    since = datetime.date(2023, 1, 1)
    for slug, people in STOCKHOLM_PRESIDIA.items():
        board = Body.objects.get(federation=federations[slug], slug="styrelse")
        for order, (name, role, title) in enumerate(people, start=1):
            person = _person(name)
            extra = {"substitute_order": order} if role == Mandate.Role.SUBSTITUTE else {}
            _mandate(person, board, role, since, role_title=title, **extra)
            network_role = Mandate.Role.CO_OPTED if role in (Mandate.Role.DIRECTOR, Mandate.Role.OFFICER) else role
            if network_role == Mandate.Role.SUBSTITUTE:
                network_role = Mandate.Role.MEMBER
            _mandate(person, presidium_network, network_role, since, represents=federations[slug], role_title=title)

    rar_board = _body(rar, "Styrelse", Body.Kind.BOARD, numbering=Body.Numbering.PER_YEAR)
    rar_au = _body(rar, "Arbetsutskottet", Body.Kind.WORKING_COMMITTEE)
    for name, role, org_name, title in RAR_WORKING_COMMITTEE:
        person = _person(name)
        org = MemberOrganisation.objects.filter(name__startswith=org_name).first() if org_name else None
        _mandate(person, rar_au, role, datetime.date(2015, 1, 1), organisation=org, role_title=title)
        if role not in (Mandate.Role.DIRECTOR, Mandate.Role.SECRETARY):
            _mandate(person, rar_board, role, datetime.date(2015, 1, 1), organisation=org)
    # History: the chair before 2015, whose mandate ended (mandates end; they are never deleted).
    _mandate(
        _person("Kent Ekstam"),
        rar_board,
        Mandate.Role.CHAIR,
        datetime.date(2011, 1, 1),
        end=datetime.date(2014, 12, 31),
        organisation=MemberOrganisation.objects.get(name="Eskilstuna kommun"),
    )
    StaffRole.objects.get_or_create(person=Person.objects.get(name="Ann Lundqvist"), role="admin", federation=rar)

    skaraborg_board = _body(skaraborg, "Styrelse", Body.Kind.BOARD, numbering=Body.Numbering.PER_YEAR)
    preparatory = _body(skaraborg, "Beredningsgrupp", Body.Kind.PREPARATORY, record_kind=Body.RecordKind.NOTES)
    for name in SKARABORG_PREPARATORY_GROUP:
        _mandate(_person(name), preparatory, Mandate.Role.OFFICER, datetime.date(2023, 1, 1))
    for name in ("Louise Ahlgren",):
        # The federation's processtödjare, and as such the beredningsgrupp's: a seat in the group on the notes' day
        # is what lets the import link her name without asking (a name alone never does).
        _mandate(
            _person(name), skaraborg_board, Mandate.Role.OFFICER, datetime.date(2022, 1, 1), role_title="processtödjare"
        )
        _mandate(
            _person(name), preparatory, Mandate.Role.OFFICER, datetime.date(2023, 1, 1), role_title="processtödjare"
        )

    _fill_board(rar_board, rar, datetime.date(2023, 1, 1), datetime.date(2026, 12, 31), seed=1)
    _fill_board(rar_board, rar, datetime.date(2019, 1, 1), datetime.date(2022, 12, 31), seed=2, ended=True)
    _fill_board(skaraborg_board, skaraborg, datetime.date(2023, 1, 1), datetime.date(2026, 12, 31), seed=3)
    _fill_board(skaraborg_board, skaraborg, datetime.date(2019, 1, 1), datetime.date(2022, 12, 31), seed=4, ended=True)

    annica = Person.objects.get(name="Annica Falk")
    StaffRole.objects.get_or_create(person=annica, role="coordinator", network=stockholm)
    _load_projects(federations)
    return federations


def _load_projects(federations):
    ostra = federations["ostra-sodertorn"]
    mia, _ = Project.objects.update_or_create(
        slug="mia",
        defaults={
            "name": "MIA – Mot arbetsmarknaden i samverkan",
            "kind": Project.Kind.ESF,
            "owner": ostra,
            "funding": Project.Funding.ESF,
            "start": datetime.date(2016, 1, 1),
            "end": datetime.date(2020, 12, 31),
            "status": Project.Status.FINISHED,
            "lead": Person.objects.get(name="Annica Falk"),
            "description": "ESF-projekt som drivs av länets samordningsförbund tillsammans.",
        },
    )
    mia.participants.set([f for slug, f in federations.items() if slug not in ("rar-sormland", "skaraborg")])
    mia_vidare, _ = Project.objects.update_or_create(
        slug="mia-vidare",
        defaults={
            "name": "MIA vidare",
            "kind": Project.Kind.ESF,
            "owner": ostra,
            "funding": Project.Funding.ESF,
            "start": datetime.date(2021, 1, 1),
            "status": Project.Status.RUNNING,
            "lead": Person.objects.get(name="Annica Falk"),
            "description": "Förlängning av MIA med samtliga åtta förbund i länet och två extra kommuner.",
        },
    )
    mia_vidare.participants.set(mia.participants.all())
    skaraborg = federations["skaraborg"]
    Project.objects.update_or_create(
        slug="studio-ludum-skovde",
        defaults={
            "name": "Studio Ludum Skövde",
            "kind": Project.Kind.PREPARATORY,
            "owner": skaraborg,
            "funding": Project.Funding.FINSAM,
            "status": Project.Status.REFERRED_BACK,
            "description": "Ansökan från Skövde kommun och Försäkringskassan om att bedriva Studio Ludum som projekt.",
        },
    )
    stoppa, _ = Project.objects.update_or_create(
        slug="stoppa-valdet",
        defaults={
            "name": "Stoppa våldet",
            "kind": Project.Kind.STRUCTURAL,
            "owner": skaraborg,
            "funding": Project.Funding.FINSAM,
            "status": Project.Status.RUNNING,
            "lead": _person("Nina Lillerskog"),
            "description": "Insatserna frågar deltagarna om erfarenhet av våld i nära relationer.",
        },
    )
    ProjectResult.objects.update_or_create(
        project=stoppa,
        period="2022",
        defaults={"women": 310, "men": 240, "total": 550, "exits_to_work_or_studies": 120},
    )


def load_accounts():
    """The demo accounts, linked to their people. Passwords are reset to the demo password every run."""
    user_model = get_user_model()
    for email, name, _description in DEMO_ACCOUNTS:
        superuser = email.startswith("admin@")
        user, _ = user_model.objects.get_or_create(username=email, defaults={"email": email})
        user.email = email
        user.is_staff = user.is_superuser = superuser
        user.set_password(DEMO_PASSWORD)
        user.save()
        if not superuser:
            Person.objects.filter(name=name).update(user=user, email=email)
    _ensure_email_addresses(user_model)


def _ensure_email_addresses(user_model):
    for user in user_model.objects.filter(username__endswith="@demo.finsam.se"):
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})


FIRST_NAMES = [
    "Anna", "Erik", "Karin", "Lars", "Maria", "Johan", "Eva", "Anders", "Sara", "Per", "Lena", "Mikael", "Helena",
    "Jonas", "Ulrika", "Magnus", "Åsa", "Björn", "Ingela", "Göran", "Sofia", "Henrik", "Malin", "Öjvind",
]  # fmt: skip
LAST_NAMES = [
    "Andersson", "Berglund", "Carlsson", "Dahl", "Ek", "Fransson", "Gustafsson", "Holm", "Isaksson", "Jönsson",
    "Lindqvist", "Nyström", "Sjöberg", "Wallin", "Åberg", "Östlund", "Hedlund", "Strand", "Lundgren", "Bergman",
]  # fmt: skip


def _invented_name(seed, index):
    """A plausible Swedish name for a demo seat the seeds do not name (deterministic, so the demo is idempotent)."""
    first = FIRST_NAMES[(seed * 7 + index * 5) % len(FIRST_NAMES)]
    last = LAST_NAMES[(seed * 3 + index * 11) % len(LAST_NAMES)]
    return f"{first} {last}"


def _fill_board(body, federation, start, end, seed, ended=False):
    """One ledamot and one ersättare per member organisation for a term; the seed people keep their seats."""
    today = timezone.localdate()
    term_end = end if ended or end < today else None
    memberships = federation.memberships.select_related("organisation").order_by("organisation__name")
    for index, membership in enumerate(memberships):
        organisation = membership.organisation
        seated = Mandate.objects.filter(body=body, organisation=organisation, role__in=Mandate.VOTING_ROLES)
        if ended or not seated.filter(start__lte=start).exists():
            member = _person(_invented_name(seed, index * 2))
            ledamot = _mandate(member, body, Mandate.Role.MEMBER, start, end=term_end, organisation=organisation)
        else:
            ledamot = seated.first()
        substitute = _person(_invented_name(seed, index * 2 + 1))
        _mandate(
            substitute,
            body,
            Mandate.Role.SUBSTITUTE,
            start,
            end=term_end,
            organisation=organisation,
            substitute_for=ledamot,
            substitute_order=1,
        )
