from django.core.management.base import BaseCommand

from federations import demo


class Command(BaseCommand):
    help = "Load the demo data (idempotent: running it twice changes nothing)."

    def handle(self, *args, **options):
        demo.load_register()
        demo.load_accounts()
        for loader in demo.extra_loaders():
            loader()
        self.stdout.write(self.style.SUCCESS(f"Demodata laddad. Demokonton (lösenord: {demo.DEMO_PASSWORD}):"))
        for email, name, description in demo.DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:32} {name} – {description}")
