from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo and synthetic data: the top layer, free to use every other app."""

    name = "luoshi.demo"
    label = "demo"
    verbose_name = _("Demo data")
