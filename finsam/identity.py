"""Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).

The portal never keeps a full number: only a keyed hash (HMAC-SHA256 with FINSAM_IDENTITY_KEY) to compare the number
an e-legitimation returns with the one linked to a person, and the last four digits to show ("ÅÅÅÅMMDD-**12" is never
rebuilt). Whoever reads the database cannot walk the ~36 million numbers of a year range back without the key.
"""

import datetime
import hashlib
import hmac
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

# Key used only where DEBUG or FINSAM_TESTING is on and no FINSAM_IDENTITY_KEY is given.
DEVELOPMENT_KEY = "finsam-development-identity-key-never-in-production"
# A coordination number adds 60 to the day of birth.
COORDINATION_OFFSET = 60
_SHAPE = re.compile(r"^(\d{2})?(\d{6})([-+]?)(\d{4})$")


@dataclass(frozen=True)
class IdentityNumber:
    """A checked number in its twelve-digit form (ÅÅÅÅMMDDNNNK), kept in memory only as long as a request needs it."""

    digits: str

    @property
    def last_four(self) -> str:
        return self.digits[-4:]

    @property
    def is_coordination_number(self) -> bool:
        return int(self.digits[6:8]) > COORDINATION_OFFSET

    def keyed_hash(self) -> str:
        return keyed_hash(self.digits)

    def __repr__(self) -> str:  # a traceback or a debug print must not show the number either
        return f"IdentityNumber(****{self.last_four})"

    __str__ = __repr__


def identity_key() -> bytes:
    key = getattr(settings, "FINSAM_IDENTITY_KEY", "") or ""
    if key:
        return key.encode()
    if settings.DEBUG or settings.TESTING:
        return DEVELOPMENT_KEY.encode()
    raise ImproperlyConfigured("FINSAM_IDENTITY_KEY must be set to link identity numbers (or give it as a file).")


def keyed_hash(digits: str) -> str:
    return hmac.new(identity_key(), digits.encode(), hashlib.sha256).hexdigest()


def luhn_valid(ten_digits: str) -> bool:
    """The check digit of the ten-digit form (ÅÅMMDDNNNK), by the Luhn algorithm."""
    total = 0
    for position, char in enumerate(ten_digits):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def parse(text: str, *, today: datetime.date | None = None) -> IdentityNumber:
    """A personnummer or samordningsnummer as typed (ÅÅÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN, ÅÅMMDD-NNNN, ÅÅMMDD+NNNN for
    someone 100 or older), or as a provider sends it. Raises ValidationError with a Swedish message."""
    cleaned = re.sub(r"\s", "", text or "")
    match = _SHAPE.match(cleaned)
    if not match:
        raise ValidationError(_("Ange ett personnummer eller samordningsnummer som ÅÅÅÅMMDD-NNNN."))
    century, date_part, separator, tail = match.groups()
    today = today or timezone.localdate()
    if century is None:
        year = int(date_part[:2])
        full = today.year - (today.year - year) % 100
        if full > today.year:
            full -= 100
        if separator == "+":
            full -= 100
        century = str(full)[:2]
    digits = century + date_part + tail
    month, day = int(digits[4:6]), int(digits[6:8])
    if day > COORDINATION_OFFSET:
        day -= COORDINATION_OFFSET
    try:
        datetime.date(int(digits[:4]), month, day)
    except ValueError as exc:
        raise ValidationError(_("Datumet i personnumret finns inte.")) from exc
    if not luhn_valid(digits[2:]):
        raise ValidationError(_("Kontrollsiffran stämmer inte. Kontrollera personnumret."))
    return IdentityNumber(digits)


def masked(last_four: str) -> str:
    """How a linked number is shown: never more than its last four digits."""
    return f"********-{last_four}" if last_four else ""
