"""Build the table of the register's Swedish lexicon (meetings.register.lexicon) under var/, where it is otherwise
built at first use: the Dockerfile runs it, so that the image carries the table and no web process builds it."""

from django.core.management.base import BaseCommand

from meetings.register import lexicon


class Command(BaseCommand):
    help = "Build the register lexicon's table of Swedish word forms from hunspell's sv_SE dictionary."

    def handle(self, *args, **options):
        aff, dic, path = lexicon.table_path()
        if not path.exists():
            lexicon.build(aff, dic, path)
        self.stdout.write(f"{path} ({path.stat().st_size // 2**20} MB), from {dic}")
