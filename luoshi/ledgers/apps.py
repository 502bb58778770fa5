from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgersConfig(AppConfig):
    name = "luoshi.ledgers"
    label = "ledgers"
    verbose_name = _("Ledgers")
