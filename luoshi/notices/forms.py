from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.formtools import as_id
from luoshi.orgs.access import choosable_units
from luoshi.plans.forms_edit import StyledForm
from luoshi.plans.models import Target

from .actions import RULE_FIELDS
from .choices import NoticeKind
from .models import ReminderRule, WebhookEndpoint

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ReminderRuleForm(StyledForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=200, required=False)

    class Meta:
        model = ReminderRule
        fields = list(RULE_FIELDS)


class ChannelsForm(forms.Form):
    """A check box per kind of event and channel: `<channel>_<kind>`."""

    channels: tuple[tuple[str, StrOrPromise], ...] = ()

    def __init__(self, *args, current: Mapping[str, tuple[bool, ...]], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NoticeKind.values:
            for index, (name, label) in enumerate(self.channels):
                self.fields[f"{name}_{kind}"] = forms.BooleanField(
                    label=label, required=False, initial=current[kind][index]
                )

    def rows(self):
        """(kind label, [bound fields]) per kind, for the table."""
        return [
            (label, [self[f"{name}_{kind}"] for name, _label in self.channels])
            for kind, label in NoticeKind.choices
        ]

    def choices(self) -> dict[str, tuple[bool, ...]]:
        return {
            kind: tuple(self.cleaned_data[f"{name}_{kind}"] for name, _label in self.channels)
            for kind in NoticeKind.values
        }


class PreferencesForm(ChannelsForm):
    channels = (("email", _("E-mail")), ("webhook", _("My webhook")))


class DefaultsForm(ChannelsForm):
    channels = (
        ("email", _("E-mail")),
        ("webhook", _("Personal webhook")),
        ("unit_webhook", _("Unit's group webhook")),
    )


class WebhookForm(StyledForm):
    """A robot's address; the signing secret is never shown again (empty keeps it)."""

    secret = forms.CharField(
        label=_("Signing secret (DingTalk 加签)"),
        max_length=200,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Empty keeps the stored secret."),
    )
    clear_secret = forms.BooleanField(label=_("Remove the stored secret"), required=False)

    class Meta:
        model = WebhookEndpoint
        fields = ["flavour", "url", "markdown", "is_active"]
        widgets = {"url": forms.URLInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("markdown", "is_active", "clear_secret"):
            self.fields[name].widget.attrs["class"] = "form-check-input"
        self.fields["secret"].widget.attrs["class"] = "form-control"
        self.fields["secret"].widget.attrs["autocomplete"] = "off"

    def values(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if self.cleaned_data["clear_secret"]:
            data["secret"] = ""
        elif self.cleaned_data["secret"]:
            data["secret"] = self.cleaned_data["secret"]
        return data


class IdsField(forms.ModelMultipleChoiceField):
    """Ids that are ASCII digits within 64 bits (formtools.as_id), else "not a choice": a
    5,000-digit id is refused by the form, never sent to the database."""

    def _check_values(self, value):
        for pk in value:
            if as_id(str(pk)) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(pk)[:20]},
                )
        return super()._check_values(value)


class ChaseForm(forms.Form):
    """The supervision office's 催报 from the overview: units or targets, and a line."""

    targets = IdsField(label=_("Targets"), queryset=Target.objects.none(), required=False)
    units = IdsField(label=_("Units (with their sub-units)"), queryset=None, required=False)
    text = forms.CharField(
        label=_("Message"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        initial=_("Please report on time."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["targets"].queryset = (
            Target.objects.restrict(user, "view").filter(is_active=True).select_related("unit")
        )
        self.fields["units"].queryset = choosable_units(user)
        self.fields["units"].widget.attrs.update({"class": "form-select", "size": 8})
        self.fields["text"].widget.attrs["class"] = "form-control"

    def clean(self):
        data = super().clean()
        if not data.get("targets") and not data.get("units"):
            raise forms.ValidationError(_("Choose at least one unit or target."))
        return data


class InstructionForm(forms.Form):
    text = forms.CharField(
        label=_("Instruction (批示)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class NoticeReadForm(forms.Form):
    """Mark a notification read; `open` goes on to what it is about."""

    open = forms.BooleanField(required=False)
