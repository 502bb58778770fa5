"""`luoshi remind [--at DATE] [--dry-run] [--format json]`: run the 催报 ladder for a day."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from luoshi.clock import today
from luoshi.core.periods import parse_iso_date
from luoshi.notices import ladder


class Command(BaseCommand):
    help = "Send the reminders (催报) the plans' ladders owe on a day, each once."

    def add_arguments(self, parser):
        parser.add_argument("--at", help="the day to run for, YYYY-MM-DD (default: today)")
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would be sent; send nothing"
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, at=None, dry_run=False, format="text", **options):
        try:
            day = parse_iso_date(at) if at else today()
        except ValueError:
            raise CommandError(f"--at: not a date (YYYY-MM-DD): {at!r}") from None
        sent = ladder.run(day, dry_run=dry_run)
        rows = [
            {
                "target": item.target.pk,
                "target_name": item.target.name,
                "unit": item.target.unit.name,
                "period_end": item.period_end.isoformat(),
                "due": item.due.isoformat(),
                "step": item.step,
                "person": item.person.username,
                "email": bool(item.person.email),
            }
            for item in sent
        ]
        if format == "json":
            payload = {"at": day.isoformat(), "dry_run": dry_run, "reminders": rows}
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        verb = "would send" if dry_run else "sent"
        for row in rows:
            self.stdout.write(
                f"{row['step']:<9} {row['person']:<20} {row['unit']} · {row['target_name']}"
                f" · {row['period_end']} (due {row['due']})"
            )
        self.stdout.write(f"{day.isoformat()}: {verb} {len(rows)} reminder(s)")
