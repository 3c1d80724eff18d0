"""Sections that other apps add to the register's pages, so that the register need not know those apps.

The register shows a project's facts and results; what happened to it in meetings (its timeline of §§ and
decisions) belongs to the meetings app, which adds it here when it starts (meetings.apps).
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
