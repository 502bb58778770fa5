from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "luoshi.reporting"
    label = "reporting"
    verbose_name = _("Progress reporting")

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers
