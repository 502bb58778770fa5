"""Forms of the plan import screens: upload, an item's row, a new item, an owner mapping."""

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.orgs.access import choosable_units
from luoshi.orgs.models import Unit

from .choices import Comparator, TargetKind
from .importing import ALLOWED_EXTENSIONS
from .models import ImportDecision, ImportItem

KIND_CHOICES = [("target", _("Target")), ("statistic", _("Statistic"))]
COMPARATOR_CHOICES = [("", "—"), *Comparator.choices, ("none", _("none (milestone)"))]
TARGET_KIND_CHOICES = [("", "—"), *TargetKind.choices]


def unit_choices(user) -> list[tuple]:
    """Active units as select options, read once per page and shared by every row's form."""
    return [("", "—")] + [(u.pk, u.name) for u in choosable_units(user).only("pk", "name")]


class PlanImportForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    start = forms.DateField(label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("End"), widget=forms.DateInput(attrs={"type": "date"}))
    file = forms.FileField(
        label=_("Document"),
        help_text=_("A .docx, .pdf, .html, .txt or .md file."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The plan must end on or after its start."))
        return data


class ItemForm(forms.ModelForm):
    """The editable fields of one item. Rows of the review table use `form_id` to bind
    their inputs to a <form> element that sits in the row's last cell."""

    kind = forms.ChoiceField(label=_("Kind"), choices=KIND_CHOICES)
    target_kind = forms.ChoiceField(
        label=_("Target kind"), choices=TARGET_KIND_CHOICES, required=False
    )
    comparator = forms.ChoiceField(
        label=_("Comparator"), choices=COMPARATOR_CHOICES, required=False
    )
    decision = forms.ChoiceField(label=_("Decision"), choices=ImportDecision.choices)

    class Meta:
        model = ImportItem
        fields = [
            "kind",
            "target_kind",
            "owner_text",
            "unit",
            "metric",
            "comparator",
            "value",
            "unit_label",
            "period",
            "decision",
        ]

    def __init__(self, *args, user, units=None, form_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = choosable_units(user)
        if units is not None:
            # A static list: rendering a hundred rows does not query the units a hundred times.
            self.fields["unit"].choices = units
        self.form_id = form_id
        value = self.initial.get("value")
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            self.initial["value"] = int(value)  # 50, not 50.0
        self.fields["value"].widget.attrs["step"] = "any"
        for name, field in self.fields.items():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} {css}-sm imp-{name}"
            field.widget.attrs["aria-label"] = str(field.label)
            if form_id:
                field.widget.attrs["form"] = form_id


class AddItemForm(ItemForm):
    """A new item: the row's fields and the words of the document it comes from."""

    class Meta(ItemForm.Meta):
        fields = [*ItemForm.Meta.fields, "snippet"]
        widgets = {"snippet": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "snippet": _("Copy the words from the text so that the target links to them."),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"kind": "target", "decision": ImportDecision.ACCEPTED})
        super().__init__(*args, **kwargs)


class OwnerMapForm(forms.Form):
    owner_text = forms.CharField(max_length=200, widget=forms.HiddenInput)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())

    def __init__(self, *args, user, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = choosable_units(user)
        if units is not None:
            self.fields["unit"].choices = units
        self.fields["unit"].widget.attrs["class"] = "form-select form-select-sm"
