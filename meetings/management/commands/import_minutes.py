"""python manage.py import_minutes PATH [PATH ...] [--federation SLUG] [--body SLUG] [--dry-run] [--json] [--ocr]"""

import datetime
import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from federations.models import Body, Federation
from meetings.importing import UnreadableDocument, parse_text, read
from meetings.importing.matching import match_body, match_federation
from meetings.importing.services import save_parsed


class Command(BaseCommand):
    help = "Import minutes (.txt, .docx, .pdf with text) into structured meetings."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--federation", help="Federation slug (default: matched from the document)")
        parser.add_argument("--body", help="Body slug within the federation (default: matched from the document)")
        parser.add_argument("--date", help="Meeting date YYYY-MM-DD when the document has none")
        parser.add_argument("--dry-run", action="store_true", help="Parse only; save nothing")
        parser.add_argument("--json", action="store_true", help="Print the parsed result as JSON")
        parser.add_argument("--ocr", action="store_true", help="Read scanned PDF pages by text recognition (slow)")

    def handle(self, *args, **options):
        files = []
        for raw in options["paths"]:
            path = Path(raw)
            files.extend(sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path])
        results, failed = [], 0
        for path in files:
            try:
                parsed = parse_text(read(path.read_bytes(), path.name, use_ocr=options["ocr"]).text)
            except (OSError, UnreadableDocument) as exc:
                failed += 1
                message = exc.message if isinstance(exc, UnreadableDocument) else str(exc)
                self.stderr.write(f"{path}: {message}")
                results.append({"file": str(path), "error": message})
                continue
            if options["dry_run"]:
                results.append(parsed)
                if not options["json"]:  # said in a line, as a saved one is: nothing else would show what was read
                    self.stdout.write(
                        f"{path}: {parsed['body'] or '?'}, {parsed['date'] or '?'}: {len(parsed['items'])} ärenden, "
                        f"{len(parsed['attendance'])} deltagare (provläsning, inget sparat)"
                    )
                continue
            try:
                meeting = self._save(path, parsed, options)
            except (ValidationError, CommandError) as exc:
                failed += 1
                message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                self.stderr.write(f"{path}: {message}")
                continue
            results.append(parsed)
            self.stdout.write(
                f"{path}: {meeting.body}, {meeting.date:%Y-%m-%d}: {meeting.items.count()} ärenden, "
                f"{meeting.attendances.count()} deltagare (möte {meeting.pk})"
            )
        if options["json"]:
            output = results[0] if len(results) == 1 else results
            self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        if failed:
            raise CommandError(f"{failed} av {len(files)} filer kunde inte importeras.")

    def _save(self, path, parsed, options):
        federation = (
            Federation.objects.filter(slug=options["federation"]).first()
            if options["federation"]
            else match_federation(parsed["organisation"])
        )
        if federation is None:
            raise CommandError("Förbundet hittades inte; ange --federation.")
        body = (
            Body.objects.filter(federation=federation, slug=options["body"]).first()
            if options["body"]
            else match_body(federation, parsed["body"])
        )
        if body is None:
            raise CommandError("Organet hittades inte; ange --body.")
        date = datetime.date.fromisoformat(options["date"]) if options["date"] else None
        return save_parsed(parsed, body=body, source_name=path.name, source_bytes=path.read_bytes(), date=date)
