"""'Menade du …?': when a search found nothing, the query with each misspelt word replaced by the indexed term closest
to it, offered only if it finds something the asking user may see."""

import difflib
import itertools

from django.db.models import Q
from django.db.models.functions import Length

from meetings.models import RegisterTerm
from meetings.register import analysis, tokeniser
from meetings.register.search import search

# "Menade du …?" compares the word with at most this many counted terms of its first letter and about its length.
SUGGESTION_CANDIDATES = 3000
# The closest terms that are tried against what the user may see, in order.
SUGGESTIONS_TRIED = 3


def suggestion(query, visible):
    """When nothing matched: the query with each misspelt word replaced by the indexed term closest to it, for
    "Menade du …?", the same on both databases. Of several words, a word is taken as misspelt when no entry holds
    it (nor any of its forms); a single word is, as it found nothing the user may see. A number, a stop word and a
    word of two letters are left as typed. The candidates are the counted terms (RegisterTerm, the analyser's own
    tokens) that begin with the same letter and are about as long, the closest by difflib. Letters are compared as
    a keyboard without å, ä and ö types them (a, a, o): "aterremiss" is closest to återremiss, and "arende" may
    begin as "ärende" does.

    The words are searched together ("studo ludum": "studio ludum"; before, only a search of one word got a
    suggestion). A suggestion is offered only if it finds something in `visible`, the entries the asking user may
    see: a suggestion must never reveal a word of a protocol that is not public to them."""
    # As the search reads it: "1,2 miljoner" is the amount 1200000, which no spelling mends (not "miljon").
    written = [w for w in analysis.tokens(analysis.query_amounts(query)) if len(w) > 1][: analysis.MAX_QUERY_WORDS]
    if not written:
        return None
    choices = []
    for word in written:
        as_typed = tokeniser.is_number(word) or len(word) < 3 or word in analysis.STOP_WORDS
        if as_typed or (len(written) > 1 and _indexed(word)):
            choices.append([word])
            continue
        close = _closest_terms(word)
        if not close:
            return None
        choices.append(close)
    if all(len(options) == 1 and options[0] == word for options, word in zip(choices, written, strict=True)):
        return None  # every word is in the register: they only never meet, which no spelling mends
    tried = [" ".join(words) for words in itertools.islice(itertools.product(*choices), SUGGESTIONS_TRIED)]
    return next((text for text in tried if search(visible, text).exists()), None)


def _indexed(word):
    """Whether some entry holds the word or one of its forms (its analysed alternatives)."""
    analysed = analysis.analyse_query(word)
    if not analysed:
        return True  # a word the analyser does not search is no typo to mend
    alternatives = analysed.words[0].alternatives
    return RegisterTerm.objects.filter(term__in=alternatives, entries__gt=0).exists()


def _closest_terms(word):
    """The counted terms closest to a word, at most SUGGESTIONS_TRIED, the closest first."""
    first_letters = Q()
    for letter in SAME_LETTER.get(word[0], word[0]):
        first_letters |= Q(term__startswith=letter)
    candidates = (
        RegisterTerm.objects.filter(first_letters, entries__gt=0)
        .annotate(length=Length("term"))
        .filter(length__gte=len(word) - 2, length__lte=len(word) + 2)
        .exclude(term=word)
        .order_by("-entries", "term")
        .values_list("term", flat=True)[:SUGGESTION_CANDIDATES]
    )
    by_letters: dict[str, list[str]] = {}
    for term in candidates:
        by_letters.setdefault(without_swedish_letters(term), []).append(term)
    close = difflib.get_close_matches(without_swedish_letters(word), list(by_letters), n=SUGGESTIONS_TRIED, cutoff=0.75)
    return [term for letters in close for term in by_letters[letters]][:SUGGESTIONS_TRIED]


SAME_LETTER = {"a": "aåä", "å": "aåä", "ä": "aåä", "o": "oö", "ö": "oö"}  # å, ä, ö typed without their keys
_PLAIN = str.maketrans("åäö", "aao")


def without_swedish_letters(word):
    return word.translate(_PLAIN)
