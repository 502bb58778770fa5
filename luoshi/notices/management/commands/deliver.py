"""`luoshi deliver [--format json]`: send every e-mail and webhook post that is due now."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from luoshi.notices import delivery


class Command(BaseCommand):
    help = (
        "Send the messages beside the app (e-mail, webhooks) that are due, retries included; "
        "the worker does this by itself, this is for cron or after an outage."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, format="text", **options):
        counts = delivery.deliver_due()
        if format == "json":
            self.stdout.write(json.dumps(counts))
            return
        self.stdout.write(f"sent {counts['sent']}, failed {counts['failed']}")
