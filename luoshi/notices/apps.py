from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "luoshi.notices"
    verbose_name = _("Notifications")

    def ready(self):
        # Listens to other apps' history rows; their actions stay untouched.
        from . import signals  # noqa: F401
