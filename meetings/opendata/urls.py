"""Open data: the OParl-shaped API under /api/oparl/v1/, the Atom and iCalendar feeds, the embeddable board."""

from django.urls import path

from . import feeds, views
from .http import open_data

API = "api/oparl/v1/"

urlpatterns = [
    path(API, views.system, name="opendata_system"),
    path(f"{API}openapi.json", views.openapi_description, name="opendata_openapi"),
    path(f"{API}body/", views.body_list, name="opendata_body_list"),
    path(f"{API}body/<slug:slug>/", views.body, name="opendata_body"),
    path(f"{API}body/<slug:slug>/organization/", views.organization_list, name="opendata_organization_list"),
    path(f"{API}body/<slug:slug>/person/", views.person_list, name="opendata_person_list"),
    path(f"{API}body/<slug:slug>/membership/", views.membership_list, name="opendata_membership_list"),
    path(f"{API}body/<slug:slug>/meeting/", views.meeting_list, name="opendata_meeting_list"),
    path(f"{API}body/<slug:slug>/agendaitem/", views.agendaitem_list, name="opendata_agendaitem_list"),
    path(f"{API}body/<slug:slug>/file/", views.file_list, name="opendata_file_list"),
    path(f"{API}body/<slug:slug>/paper/", views.paper_list, name="opendata_paper_list"),
    path(f"{API}body/<slug:slug>/legislativeterm/", views.term_list, name="opendata_term_list"),
    path(f"{API}body/<slug:slug>/legislativeterm/<int:year>/", views.term, name="opendata_term"),
    path(f"{API}organization/<int:pk>/", views.organization, name="opendata_organization"),
    path(f"{API}organization/member/<slug:slug>/", views.member_organization, name="opendata_member_organization"),
    path(f"{API}person/<int:pk>/", views.person, name="opendata_person"),
    path(f"{API}membership/<int:pk>/", views.membership, name="opendata_membership"),
    path(f"{API}meeting/<int:pk>/", views.meeting, name="opendata_meeting"),
    path(f"{API}agendaitem/<int:pk>/", views.agendaitem, name="opendata_agendaitem"),
    path(f"{API}file/<int:pk>/", views.file, name="opendata_file"),
    path("anslagstavla/atom/", open_data(feeds.AnslagFeed()), name="opendata_anslag_feed"),
    path(
        "forbund/<slug:slug>/anslagstavla/atom/", open_data(feeds.AnslagFeed()), name="opendata_federation_anslag_feed"
    ),
    path("forbund/<slug:slug>/anslagstavla/inbaddad/", views.embed, name="opendata_embed"),
    path(
        "forbund/<slug:slug>/beslut/atom/",
        open_data(feeds.FederationDecisionFeed()),
        name="opendata_federation_decision_feed",
    ),
    path(
        "forbund/<slug:slug>/organ/<slug:body>/beslut/atom/",
        open_data(feeds.BodyDecisionFeed()),
        name="opendata_body_decision_feed",
    ),
    path(
        "forbund/<slug:slug>/organ/<slug:body>/kalender.ics",
        open_data(feeds.body_calendar),
        name="opendata_body_calendar",
    ),
    path(
        "projekt/<slug:slug>/beslut/atom/",
        open_data(feeds.ProjectDecisionFeed()),
        name="opendata_project_decision_feed",
    ),
]
