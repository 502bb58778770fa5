"""`luoshi bulletin --plan ID --at DATE --format docx|pdf|xlsx -o FILE`: a draft bulletin.

The draft is written from the figures of the plan at DATE, exactly as the web page
drafts it (actions.compose_draft), and rendered to FILE; nothing is saved.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from luoshi.bulletins import actions
from luoshi.bulletins.choices import FileFormat
from luoshi.bulletins.render import render
from luoshi.clock import today
from luoshi.core.periods import parse_iso_date
from luoshi.formtools import as_id
from luoshi.plans.models import Plan


class Command(BaseCommand):
    help = "Write the draft bulletin (督查通报) of a plan at a date as .docx, .pdf or .xlsx."

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True, help="the plan's id")
        parser.add_argument("--at", help="figures as of this day, YYYY-MM-DD (default: today)")
        parser.add_argument("--format", choices=FileFormat.values, default=FileFormat.DOCX)
        parser.add_argument(
            "-o", "--output", required=True, help="the file to write ('-' for standard output)"
        )

    def handle(self, *args, plan, at=None, format="docx", output, **options):
        plan_id = as_id(plan)
        found = Plan.objects.filter(pk=plan_id).first() if plan_id is not None else None
        if found is None:
            raise CommandError(f"--plan: no plan with id {plan!r}")
        try:
            day = parse_iso_date(at) if at else today()
        except ValueError:
            raise CommandError(f"--at: not a date (YYYY-MM-DD): {at!r}") from None
        started = time.perf_counter()
        try:
            draft = actions.compose_draft(found, day)
        except ValidationError as error:  # a date outside the years any plan spans
            raise CommandError(f"--at: {' '.join(error.messages)}") from None
        content = render(draft, format)
        if output == "-":
            sys.stdout.buffer.write(content)
            return
        Path(output).write_bytes(content)
        figures = draft.figures
        self.stderr.write(
            f"{output}: {found.title} at {day.isoformat()}, {figures['total']} targets, "
            f"{len(figures['behind_list'])} behind, {figures['missing']} missing; "
            f"{len(content):,} bytes in {time.perf_counter() - started:.1f} s"
        )
