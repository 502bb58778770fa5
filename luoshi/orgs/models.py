"""Units, people and their memberships."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .choices import Role, UnitKind


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Unit(models.Model):
    """A node of the unit tree: city → departments and districts → towns → communities.

    `path` is the materialised path of codes from the root ("/LC/LC-SW/"), so a
    subtree is one indexed prefix query and no view walks the tree by hand.
    """

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=40)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    path = models.CharField(_("path"), max_length=400, editable=False, db_index=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        old_path = self.path
        self.path = f"{self.parent.path if self.parent else '/'}{self.code}/"
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            # Moved or re-coded: the descendants' paths follow, one unit at a time
            # so that each change lands in the history.
            for child in self.children.all():
                child.save()

    def clean(self):
        # Wherever a unit is edited (the app, the admin), the tree stays a tree.
        if self.pk and self.parent_id:
            stored = Unit.objects.filter(pk=self.pk).values_list("path", flat=True).first()
            parent_path = (
                Unit.objects.filter(pk=self.parent_id).values_list("path", flat=True).first()
            )
            if stored and parent_path and parent_path.startswith(stored):
                raise ValidationError(
                    {"parent": _("A unit cannot move under itself or its own sub-units.")}
                )

    @property
    def depth(self) -> int:
        """0 for the city, 1 for departments and districts, and so on."""
        return self.path.count("/") - 2

    def subtree(self):
        """This unit and every unit under it."""
        return Unit.objects.filter(path__startswith=self.path)


class User(AbstractUser):
    """A person who signs in. What they may do comes from their memberships."""

    full_name = models.CharField(_("full name"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username


class Membership(models.Model):
    """A person's role in a unit. A person may hold several."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["unit__path", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit", "role"],
                name="membership_unique_role",
                violation_error_message=_("This person already has this role in this unit."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=Role.values),
                name="membership_known_role",
                violation_error_message=_("Unknown role."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.unit} · {self.get_role_display()}"
