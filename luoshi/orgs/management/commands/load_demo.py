from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from luoshi.orgs.demo import DEMO_PASSWORD, demo_logins, load_demo


class Command(BaseCommand):
    help = "Load the demo city 青禾市 if it is not there yet, and print the demo logins."

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        if load_demo():
            self.stdout.write(self.style.SUCCESS("Demo city loaded."))
        else:
            self.stdout.write("Demo city already present: nothing changed.")
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for username, full_name, roles in demo_logins():
            self.stdout.write(f"  {username:<20} {full_name:<6} {roles}")
        self.stdout.write("")
