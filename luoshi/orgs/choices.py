"""Choice sets of the organisation model: each value carries its label once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    CITY = "city", _("City")
    DEPARTMENT = "department", _("Department")
    DISTRICT = "district", _("District")
    TOWN = "town", _("Town or street")
    COMMUNITY = "community", _("Community")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    SUPERVISOR = "supervisor", _("Supervisor")
    LEADER = "leader", _("Leader")
    APPROVER = "approver", _("Unit approver")
    REPORTER = "reporter", _("Unit reporter")


# Roles whose holders see the whole city, wherever their membership sits.
CITY_WIDE_ROLES = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.LEADER})
