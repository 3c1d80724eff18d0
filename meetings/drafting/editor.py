"""The words the minutes editor (static/js/editor.js) shows: translated here, handed to the page as JSON, so the
script holds no text of its own and speaks the page's language. %(name)s is filled in by the script."""

from django.utils.translation import gettext_lazy as _

EDITOR_MESSAGES = {
    "linkPrompt": _("Länkens adress (https://…). Töm fältet för att ta bort länken."),
    "linkRefused": _("Länken måste börja med https://, http:// eller mailto:."),
    "restored": _("Osparad text återställd från webbläsaren – sparar …"),
    "changed": _("Ändrat – sparas strax"),
    "saving": _("Sparar …"),
    "saved": _("Sparat %(time)s"),
    "offline": _("Kunde inte spara – ingen kontakt med servern. Texten finns kvar i webbläsaren; försöker igen."),
    "signedOut": _("Inte sparat: du är utloggad eller sidan är för gammal. Texten finns kvar i webbläsaren."),
    "signInAgain": _("Logga in igen"),
    "failed": _("Kunde inte spara. Texten finns kvar i webbläsaren."),
    "conflict": _("Krock: någon annan sparade paragrafen %(time)s. Jämför och slå ihop nedan."),
}
