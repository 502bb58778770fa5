from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from luoshi.dashboards.actions import set_publication
from luoshi.demo.bulletins import seed as seed_bulletins
from luoshi.demo.city import DEMO_PASSWORD, demo_logins, load_demo
from luoshi.demo.ledgers import load_demo_ledgers
from luoshi.demo.plan import DEMO_DATE, PLAN_TITLE, load_demo_plan
from luoshi.ledgers.models import Hazard, Measure, Project
from luoshi.notices.demo import seed as seed_notices
from luoshi.orgs.models import User
from luoshi.plans.models import Plan
from luoshi.reporting.models import Report


class Command(BaseCommand):
    help = (
        "Load the demo city 青禾市, its 2025 plan and its ledgers if they are not there yet, "
        "and print the demo logins."
    )

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        if load_demo():
            self.stdout.write(self.style.SUCCESS("Demo city loaded."))
        else:
            self.stdout.write("Demo city already present: nothing changed.")
        if load_demo_plan():
            plan = Plan.objects.get(title=PLAN_TITLE)
            # The demo shows the public face (公开) too: the whole plan is published.
            set_publication(
                User.objects.get(username="supervisor"), plan, whole=True, target_ids=[]
            )
            reports = Report.objects.filter(target__plan=plan).count()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo plan loaded: {plan.title}, {plan.tasks.count()} tasks, "
                    f"{plan.targets.count()} targets, {reports} reports up to {DEMO_DATE}."
                )
            )
        else:
            self.stdout.write("Demo plan already present: nothing changed.")
        if load_demo_ledgers():
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo ledgers loaded: {Project.objects.count()} projects, "
                    f"{Hazard.objects.count()} hazards; {Measure.objects.count()} targets "
                    "computed from them."
                )
            )
        else:
            self.stdout.write("Demo ledgers already present: nothing changed.")
        self.stdout.write(seed_notices(DEMO_DATE))
        if seed_bulletins():
            self.stdout.write(
                self.style.SUCCESS("Demo bulletins: 2025年第1期 and 第2期 issued, one draft.")
            )
        self.stdout.write(
            f"The demo plan is best seen as of {DEMO_DATE} (LUOSHI_TODAY={DEMO_DATE}, as `make run` does)."
        )
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for username, full_name, roles in demo_logins():
            self.stdout.write(f"  {username:<20} {full_name:<6} {roles}")
        self.stdout.write("")
