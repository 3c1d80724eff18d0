"""Why sealing failed, kept as a code and its parameters and put into words where it is read.

A PDF task fails in the worker, whose language is the portal's own; the secretary may read the failure on an English
page, and the administrators in the hourly warnings. So the document keeps `{"code": ..., "params": {...}}` (JSON in
SignedDocument.error) and `failure_text` says it in the language active where it is shown. Text stored before the
codes existed, and the text of a failure nobody foresaw, is shown as it was stored."""

import json

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "signing_not_configured": _(
        "Inget signeringscertifikat är konfigurerat (FINSAM_SIGNING_CERT, FINSAM_SIGNING_KEY)."
    ),
    "signing_unreadable": _("Signeringscertifikatet kunde inte läsas: %(error)s"),
    "federation_seal_unreadable": _("Förbundets sigillcertifikat kunde inte läsas: %(error)s"),
    "federation_seal_not_loaded": _("Förbundets sigillcertifikat kunde inte läsas (%(subject)s)."),
    "timestamp_unanswered": _("Tidsstämpeltjänsten svarade inte (%(url)s): %(error)s"),
}


def _words(code, params):
    return str(MESSAGES[code]) % params


class SealFailure(Exception):
    """A failure to seal with a code of MESSAGES and its parameters (each kept as text). Given a text that is no
    code, it is that text, untranslated: str(exc) is the message in the active language either way."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = {name: str(value) for name, value in params.items()}

    def __str__(self):
        if self.code in MESSAGES:
            return _words(self.code, self.params)
        return self.code

    def stored(self):
        """What the document keeps: the code and parameters, or the text of an uncoded failure."""
        if self.code not in MESSAGES:
            return self.code
        return json.dumps({"code": self.code, "params": self.params}, ensure_ascii=False)


def failure_text(stored):
    """A stored failure in the active language: a coded one translated, any other text as it is."""
    if not stored.startswith("{"):
        return stored
    try:
        kept = json.loads(stored)
        return _words(kept["code"], kept["params"])
    except (ValueError, KeyError, TypeError):  # not ours after all: free text that happens to start with a brace
        return stored
