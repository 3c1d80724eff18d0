"""The feeds each public page offers, for its head (<link rel="alternate">, so that a feed reader finds them) and
for a visible link: the notice board's, a federation's (its notice board and its decisions), a federation body's
decisions and a project's decisions. The titles are the feeds' own (feeds.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from federations.models import Body, Federation, Project
from federations.sections import Feed


def notice_board() -> list[Feed]:
    return [Feed(_("Anslagstavla – Finsamportalen"), reverse("meetings:opendata_anslag_feed"))]


def of(obj: object) -> list[Feed]:
    """Every feed of a federation (its notice board, its decisions), a body of a federation or a project; [] for
    anything else (a network's body has none)."""
    if isinstance(obj, Federation):
        title = _("Anslagstavla: %(name)s") % {"name": obj.name}
        return [Feed(title, reverse("meetings:opendata_federation_anslag_feed", args=[obj.slug])), *decisions(obj)]
    return decisions(obj)


def decisions(obj: object) -> list[Feed]:
    """The decision feed of a federation, a body of a federation or a project; [] for anything else."""
    if isinstance(obj, Federation):
        title = _("Beslut: %(name)s") % {"name": obj.name}
        return [Feed(title, reverse("meetings:opendata_federation_decision_feed", args=[obj.slug]))]
    if isinstance(obj, Body) and obj.federation_id is not None:
        title = _("Beslut: %(body)s, %(owner)s") % {"body": obj.name, "owner": obj.owner_short_name}
        return [Feed(title, reverse("meetings:opendata_body_decision_feed", args=[obj.federation.slug, obj.slug]))]
    if isinstance(obj, Project):
        title = _("Beslut om %(project)s") % {"project": obj.name}
        return [Feed(title, reverse("meetings:opendata_project_decision_feed", args=[obj.slug]))]
    return []
