from django.apps import AppConfig


class UiConfig(AppConfig):
    """Shared pieces of the pages: the `ui` template tag library (state badges, numbers)."""

    name = "luoshi.ui"
