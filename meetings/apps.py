from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Möten och protokoll")

    def ready(self):
        from federations.sections import add_feed_provider, add_project_section
        from federations.services import follow_person_names

        from . import feed_links, lookups
        from .drafting.services.attendance import attendance_names_follow
        from .register.views import project_timeline_section

        lookups.register()
        add_project_section(project_timeline_section)
        add_feed_provider(feed_links.of)
        follow_person_names(attendance_names_follow)
