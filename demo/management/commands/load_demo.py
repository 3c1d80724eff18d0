from django.core.management.base import BaseCommand

from demo import meetings, register
from meetings.register import upkeep


class Command(BaseCommand):
    help = "Load the demo data (idempotent: running it twice changes nothing)."

    def handle(self, *args, **options):
        register.load_register()
        register.load_accounts()
        for loader in meetings.LOADERS:
            loader()
        upkeep.settle()
        self.stdout.write(self.style.SUCCESS(f"Demodata laddad. Demokonton (lösenord: {register.DEMO_PASSWORD}):"))
        for email, name, description in register.DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:32} {name} – {description}")
