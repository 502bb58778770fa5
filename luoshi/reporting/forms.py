from __future__ import annotations

from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from luoshi.formtools import as_id
from luoshi.plans.choices import TargetKind
from luoshi.plans.models import Milestone, Target

from .fields import EVIDENCE_HELP, MultipleFileField
from .models import Report

# The largest revision the column holds on every database (PostgreSQL's integer);
# a larger number in a post would be a database error, not a stale revision.
MAX_REVISION = 2**31 - 1
# Reports approved at once from the queue: more than a page (50) is no one's selection.
MAX_SELECTED = 200


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


class ReportAction(forms.Form):
    """The report form's two buttons, `<button name="action" value="...">`: save the draft or
    submit it. No button (Enter in a field) saves; any other value is a damaged post (400)."""

    SAVE, SUBMIT = "save", "submit"
    action = forms.ChoiceField(
        choices=[(SAVE, _("Save draft")), (SUBMIT, _("Submit for approval"))], required=False
    )

    @property
    def submits(self) -> bool:
        return self.cleaned_data.get("action") == self.SUBMIT


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


class TickedReports(forms.ModelMultipleChoiceField):
    """Ticked reports (checkboxes named alike): at most `max_count` ids, each a whole
    number (formtools.as_id, so no "²" and no 400 digits reach the query), each a row of
    the queryset; otherwise the whole selection is refused, before any query when it can be."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "too_many": _("At most %(max)d reports at a time; %(count)d were ticked."),
        "invalid_pk_value": _("“%(pk)s” is no report."),
    }

    def __init__(self, queryset, *, max_count: int, **kwargs):
        super().__init__(queryset, **kwargs)
        self.max_count = max_count

    def clean(self, value):
        values = list(value) if isinstance(value, list | tuple) else [value] if value else []
        if len(values) > self.max_count:
            raise ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"max": self.max_count, "count": len(values)},
            )
        for text in values:
            if as_id(str(text)) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(text)[:20]},
                )
        return super().clean(values)


class BulkApproveForm(forms.Form):
    """The queue's 'approve selected': the ticked reports (each one the person may approve:
    Report.objects.restrict(user, "approve")), and the step. `review` (the queue's button)
    shows the confirmation; `confirm` (its button) approves, each report at the revision
    the confirmation showed (`revision-<id>`, checked here). A report that left the queue
    meanwhile is the view's business: that is news, not a damaged post."""

    REVIEW, CONFIRM = "review", "confirm"
    action = forms.ChoiceField(
        choices=[(REVIEW, _("Approve selected…")), (CONFIRM, _("Approve"))], required=False
    )
    report = TickedReports(
        Report.objects.none(),
        max_count=MAX_SELECTED,
        error_messages={
            "required": _("Tick the reports to approve."),
            "invalid_choice": _("Report %(value)s is not one you may approve."),
        },
    )

    def __init__(self, data, *, user):
        super().__init__(data)
        field = cast(TickedReports, self.fields["report"])
        field.queryset = Report.objects.restrict(user, "approve").only("pk")

    @property
    def confirms(self) -> bool:
        return self.cleaned_data.get("action") == self.CONFIRM

    @property
    def ids(self) -> list[int]:
        return sorted(report.pk for report in self.cleaned_data["report"])

    def clean(self):
        cleaned = super().clean()
        reports = cleaned.get("report")
        if reports is None or cleaned.get("action") != self.CONFIRM:
            return cleaned
        revision = forms.IntegerField(min_value=1, max_value=MAX_REVISION)
        revisions = {}
        for report in reports:
            try:
                revisions[report.pk] = revision.clean(self.data.get(f"revision-{report.pk}"))
            except ValidationError as error:
                raise ValidationError(
                    _("Report %(pk)d came without a whole revision number: %(error)s"),
                    params={"pk": report.pk, "error": " ".join(error.messages)},
                ) from None
        cleaned["revisions"] = revisions
        return cleaned
