from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operating the site: `luoshi backup` and `luoshi restore` of the database and the
    evidence files. No models; it sits above the apps whose rows it counts."""

    name = "luoshi.ops"
    label = "ops"
