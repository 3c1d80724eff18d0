"""How a signature was given, in the words of the verifikat and /verifiera/: the method and the time, never an
identity number (the portal does not have one to print)."""

from django.utils import timezone, translation
from django.utils.formats import date_format

BUILT_IN = {"password": "lösenord", "mfa": "lösenord och engångskod"}


def how_signed(signature) -> str:
    """ "Justerat med BankID via Idura, kl. 14:15:10" or "Justerat med lösenord och engångskod, kl. 14:15:10"."""
    with translation.override("sv"):
        when = date_format(timezone.localtime(signature.signed_at), "H:i:s") if signature.signed_at else ""
        if signature.method == "eid":
            way = signature.provider_name or signature.provider
            level = f" (tillitsnivå {signature.level})" if signature.level else ""
            return f"Justerat med {way}{level}, kl. {when}"
        return f"Justerat med {BUILT_IN.get(signature.method, signature.method)}, kl. {when}"
