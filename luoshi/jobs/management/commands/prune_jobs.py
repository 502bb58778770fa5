"""`luoshi prune_jobs [--days N]`: forget background jobs that ended N days ago, files too."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from luoshi.jobs import actions


class Command(BaseCommand):
    help = (
        "Delete the background jobs (imports, exports) that ended more than --days days ago "
        "(default 30), with their stored files; cron can run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, days=30, **options):
        if days < 1:
            raise CommandError("--days must be at least 1")
        self.stdout.write(f"deleted {actions.prune(days)} jobs")
