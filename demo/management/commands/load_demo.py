from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from demo import meetings, register
from meetings.register import upkeep


class Command(BaseCommand):
    help = "Load the demo data (idempotent: running it twice changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--public-demo",
            action="store_true",
            help="Load it outside DEBUG too: the demo accounts (a superuser among them) share a published password.",
        )

    def handle(self, *args, **options):
        # the demo's accounts (a superuser among them) have a password printed in the README: never by mistake on a
        # production portal, only on a demonstration site that says so
        if not (settings.DEBUG or settings.TESTING or options["public_demo"]):
            raise CommandError(
                _(
                    "Demodata laddas inte i produktion: demokontona, en superanvändare bland dem, har ett publicerat "
                    "lösenord. Kör med DEBUG=1, eller med --public-demo på en webbplats som bara är en demonstration."
                )
            )
        register.load_register()
        register.load_accounts()
        for loader in meetings.LOADERS:
            loader()
        upkeep.settle()
        self.stdout.write(self.style.SUCCESS(f"Demodata laddad. Demokonton (lösenord: {register.DEMO_PASSWORD}):"))
        for email, name, description in register.DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:32} {name} – {description}")
