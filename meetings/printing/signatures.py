"""How a signature was given, in the words of the verifikat and /verifiera/: the method and the time, never an
identity number (the portal does not have one to print). In the language active: the verifikat is rendered under
Swedish, /verifiera/ in the reader's language."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

BUILT_IN = {"password": gettext_lazy("lösenord"), "mfa": gettext_lazy("lösenord och engångskod")}


def how_signed(signature) -> str:
    """ "Justerat med BankID via Idura (tillitsnivå …), kl. 14:15:10" or "Justerat med lösenord och engångskod,
    kl. 14:15:10"."""
    when = date_format(timezone.localtime(signature.signed_at), "H:i:s") if signature.signed_at else ""
    if signature.method == "eid":
        way = signature.provider_name or signature.provider
        if signature.level:
            return _("Justerat med %(way)s (tillitsnivå %(level)s), kl. %(time)s") % {
                "way": way,
                "level": signature.level,
                "time": when,
            }
    else:
        way = BUILT_IN.get(signature.method, signature.method)
    return _("Justerat med %(way)s, kl. %(time)s") % {"way": way, "time": when}
