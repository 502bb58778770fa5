from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from luoshi.ui import slots


class NoticesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "luoshi.notices"
    verbose_name = _("Notifications")

    def ready(self):
        # Listens to other apps' history rows; their actions stay untouched.
        from . import signals  # noqa: F401

        # Pages below notices leave slots for its pieces (luoshi/ui/slots.py): they name
        # the place, notices fills it, so no lower template loads notices' tags.
        slots.fill("navbar", "notices/bell.html")
        slots.fill("overview.actions", "notices/_chase.html")
        slots.fill("overview.scripts", "notices/_chase_script.html")
        slots.fill("unit.facts", "notices/unit_reminders.html")
        slots.fill("unit.notes", "notices/_unit_instructions.html")
        slots.fill("target.notes", "notices/_target_instructions.html")
