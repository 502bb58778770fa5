"""Forms with which the supervision office keeps units, people and roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Role, UnitKind
from .models import Unit

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
        field.widget.attrs.setdefault("class", css)


class ReasonField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Reason for the change"))
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class UnitForm(forms.ModelForm):
    """Rename a unit, or move it (with everything under it) to another parent."""

    parent = forms.ModelChoiceField(
        label=_("Parent unit"), queryset=Unit.objects.none(), required=False
    )
    reason = ReasonField()

    class Meta:
        model = Unit
        fields = ["name", "short_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        unit = self.instance
        # Not under itself or its own sub-units: the tree would become a loop.
        self.fields["parent"].queryset = Unit.objects.active().exclude(path__startswith=unit.path)
        self.fields["parent"].initial = unit.parent_id
        self.fields["parent"].help_text = _("Everything under the unit moves with it.")
        if unit.parent_id is None:  # the city stays the root
            del self.fields["parent"]
        _style(self)


class NewUnitForm(forms.Form):
    parent = forms.ModelChoiceField(label=_("Parent unit"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Name"), max_length=100)
    short_name = forms.CharField(
        label=_("Short name"), max_length=40, required=False, help_text=_("The name if empty.")
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("As usual under the parent")), *UnitKind.choices],
        required=False,
    )
    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        required=False,
        help_text=_("Letters, digits and hyphens; made from the parent's code if empty."),
    )
    reason = ReasonField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Unit.objects.active()
        _style(self)


class PersonForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("What the person types to sign in."),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=60)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none(), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=[("", "—")], required=False)
    reason = ReasonField()

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active()
        self.fields["role"].choices = [("", "—"), *roles]
        _style(self)

    def clean(self):
        data = super().clean()
        if bool(data.get("unit")) != bool(data.get("role")):
            self.add_error("role", _("Give both the unit and the role, or neither."))
        return data


class MembershipForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    role = forms.ChoiceField(label=_("Role"))
    reason = ReasonField()

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active()
        self.fields["role"].choices = roles
        _style(self)


class ReasonForm(forms.Form):
    reason = ReasonField()


class ActiveForm(ReasonForm):
    """Deactivate (active=0) or reactivate (active=1) a unit or a person, with a reason."""

    active = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")


def role_choices(is_admin: bool) -> list[tuple[str, StrOrPromise]]:
    """The roles one may hand out: only an administrator makes administrators."""
    return [(value, label) for value, label in Role.choices if is_admin or value != Role.ADMIN]
