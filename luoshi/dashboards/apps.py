from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """The read side above plans, reporting and ledgers: stored evaluations and the pages
    that count, filter and page them."""

    name = "luoshi.dashboards"
    label = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self):
        from . import signals

        signals.connect()
