from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.plans.choices import TargetKind
from luoshi.plans.models import Milestone, Target

from .fields import EVIDENCE_HELP, MultipleFileField

# The largest revision the column holds on every database (PostgreSQL's integer);
# a larger number in a post would be a database error, not a stale revision.
MAX_REVISION = 2**31 - 1


class ReportForm(forms.Form):
    """The fields a reporter fills; which of value/overdue/milestone apply depends on the kind."""

    as_of = forms.DateField(label=_("As of"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.FloatField(label=_("Value"), required=False)
    overdue = forms.FloatField(label=_("Of which overdue"), required=False, min_value=0)
    milestone: forms.ModelChoiceField[Milestone] = forms.ModelChoiceField(
        label=_("Milestone completed"), queryset=None, required=False
    )
    narrative = forms.CharField(
        label=_("Narrative"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    evidence = MultipleFileField(label=_("Evidence files"), help_text=EVIDENCE_HELP)
    # The revision the editor opened: a save that does not name it could overwrite a
    # change made meanwhile, so editing needs it (a new report has none).
    revision = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        max_value=MAX_REVISION,
        error_messages={
            "required": _(
                "The form came without the version of the report it was opened at. "
                "Reload the page and enter your change again."
            ),
            "invalid": _(
                "The form came with a damaged report version. "
                "Reload the page and enter your change again."
            ),
        },
    )

    def __init__(self, *args, target: Target, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["revision"]
        cast(forms.ModelChoiceField, self.fields["milestone"]).queryset = target.milestones.all()
        if target.kind == TargetKind.MILESTONE:
            del self.fields["value"], self.fields["overdue"]
        else:
            del self.fields["milestone"]
            if target.kind != TargetKind.ZERO:
                del self.fields["overdue"]
            else:
                self.fields["value"].label = _("Open items")
            self.fields["value"].required = True
            self.fields["value"].help_text = target.unit_label
        for field in self.fields.values():
            css = "form-select" if isinstance(field, forms.ModelChoiceField) else "form-control"
            field.widget.attrs.setdefault("class", css)


class ReviewForm(forms.Form):
    """The submit and approve buttons: the revision the page showed (a stale one is a conflict)."""

    revision = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=MAX_REVISION
    )


class ReturnForm(ReviewForm):
    # Not required here: the action refuses a blank reason with its own message.
    reason = forms.CharField(label=_("Reason for return"), max_length=500, required=False)


class QueueFilter(forms.Form):
    """The approval queue's filters and page; an id no database holds matches nothing."""

    unit = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    plan = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    page = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
