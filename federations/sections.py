"""Sections that other apps add to the register's pages, so that the register need not know those apps.

The register shows a project's facts and results; what happened to it in meetings (its timeline of §§ and
decisions) belongs to the meetings app, which adds it here when it starts (meetings.apps). Likewise the feeds a
federation's or a project's page offers (its notice board and its decisions as Atom): the open data adds them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


ProjectSection = Callable[[Any, Any], Section]
_project_sections: list[ProjectSection] = []


def add_project_section(provider: ProjectSection) -> ProjectSection:
    """Register `provider(request, project) -> Section`; its template is included on the project page."""
    if provider not in _project_sections:
        _project_sections.append(provider)
    return provider


def project_sections(request, project) -> list[Section]:
    return [provider(request, project) for provider in _project_sections]


@dataclass(frozen=True)
class Feed:
    """A feed a page offers: named in its head (<link rel="alternate">) and as a link on the page."""

    title: str
    url: str
    media_type: str = "application/atom+xml"


FeedProvider = Callable[[Any], list[Feed]]
_feed_providers: list[FeedProvider] = []


def add_feed_provider(provider: FeedProvider) -> FeedProvider:
    """Register `provider(obj) -> [Feed]` for a federation, a body or a project; a provider returns [] for what it
    has no feed of."""
    if provider not in _feed_providers:
        _feed_providers.append(provider)
    return provider


def feeds(obj: Any) -> list[Feed]:
    return [feed for provider in _feed_providers for feed in provider(obj)]
