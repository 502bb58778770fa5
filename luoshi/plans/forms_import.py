"""Forms of the plan import screens: upload, an item's row, a new item, an owner mapping."""

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.orgs.access import choosable_units
from luoshi.orgs.models import Unit

from .choices import Cadence, Comparator, TargetKind
from .importing import ALLOWED_EXTENSIONS
from .models import ITEM_CADENCES, ImportDecision, ImportItem, Plan

KIND_CHOICES = [("target", _("Target")), ("statistic", _("Statistic"))]
COMPARATOR_CHOICES = [("", "—"), *Comparator.choices, ("none", _("none (milestone)"))]
TARGET_KIND_CHOICES = [("", "—"), *TargetKind.choices]
CADENCE_CHOICES = [("", _("Plan default")), *ITEM_CADENCES]


def unit_choices(user) -> list[tuple]:
    """Active units as select options, read once per page and shared by every row's form."""
    return [("", "—")] + [(u.pk, u.name) for u in choosable_units(user).only("pk", "name")]


class PlanImportForm(forms.Form):
    """The document first; its title and year then fill the rest (see views_import)."""

    file = forms.FileField(
        label=_("Document"),
        help_text=_("A .docx, .pdf, .html, .txt or .md file."),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    start = forms.DateField(label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("End"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, held: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.held = held  # the document kept from an earlier step, if any

    def asks_for_suggestion(self) -> bool:
        """The first step: a document sent with the title and dates left empty, so the page
        comes back with those the document suggests."""
        return not any(str(self[name].data or "").strip() for name in ("title", "start", "end"))

    def clean(self):
        data = super().clean()
        if not data.get("file") and not self.held:
            self.add_error("file", _("Choose the document."))
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The plan must end on or after its start."))
        return data


class ItemForm(forms.ModelForm):
    """The editable fields of one item: a row of the review table's formset (or, with
    `form_id`, a row bound to a <form> of its own, as the single-item route has it)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=KIND_CHOICES)
    target_kind = forms.ChoiceField(
        label=_("Target kind"), choices=TARGET_KIND_CHOICES, required=False
    )
    comparator = forms.ChoiceField(
        label=_("Comparator"), choices=COMPARATOR_CHOICES, required=False
    )
    decision = forms.ChoiceField(label=_("Decision"), choices=ImportDecision.choices)
    cadence = forms.ChoiceField(label=_("Reporting"), choices=CADENCE_CHOICES, required=False)

    class Meta:
        model = ImportItem
        fields = [
            "kind",
            "target_kind",
            "owner_text",
            "cooperating_text",
            "unit",
            "metric",
            "comparator",
            "value",
            "unit_label",
            "period",
            "cadence",
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
        self.fields["cooperating_text"].widget.attrs["placeholder"] = _("Cooperating units")
        # Metrics run long (招商引资工作要点1. 全年签约项目): two lines show them whole.
        self.fields["metric"].widget = forms.Textarea(
            attrs={**self.fields["metric"].widget.attrs, "rows": 2, "maxlength": 200}
        )


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


# The rows the review table saves at once; a longer post is refused whole, before any
# row is read (a longer plan saves its rows one at a time, through the item's own form).
MAX_TABLE_ITEMS = 1000


class BaseItemFormSet(forms.BaseModelFormSet):
    """Every row of the review table in one form: one save, no row's edit lost to another's.
    At most MAX_TABLE_ITEMS rows (max_num, validate_max, absolute_max)."""

    default_error_messages = {
        "too_many_forms": _(
            "The table can save at most %(num)d items at once: save the others one by one."
        ),
    }

    def __init__(self, *args, user, units, **kwargs):
        self.user, self.units = user, units
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"user": self.user, "units": self.units}


ItemFormSet = forms.modelformset_factory(
    ImportItem,
    form=ItemForm,
    formset=BaseItemFormSet,
    extra=0,
    can_delete=False,
    max_num=MAX_TABLE_ITEMS,
    validate_max=True,
    absolute_max=MAX_TABLE_ITEMS,
)


class ImportDefaultsForm(forms.ModelForm):
    """What every imported target gets unless its row says otherwise."""

    class Meta:
        model = Plan
        fields = ["default_cadence", "default_due_day"]
        labels = {"default_cadence": _("Reporting"), "default_due_day": _("Due on day")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_cadence"].choices = [("", _("No regular reports")), *Cadence.choices]
        self.fields["default_due_day"].widget.attrs.update(min=1, max=28)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} {css}-sm"


class OwnerUnitForm(forms.Form):
    """Create the unit an owner text names, under a parent, and map the text to it."""

    owner_text = forms.CharField(max_length=100, widget=forms.HiddenInput)
    parent = forms.ModelChoiceField(label=_("Under"), queryset=Unit.objects.none())

    def __init__(self, *args, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Unit.objects.active()
        if parents is not None:
            self.fields["parent"].choices = parents
        self.fields["parent"].widget.attrs["class"] = "form-select form-select-sm"
