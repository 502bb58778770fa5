"""save_with_history refuses a None where the column takes no NULL, naming the field."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from luoshi.orgs.history import save_with_history
from luoshi.plans.models import Milestone, Target
from luoshi.reporting import actions as report_actions
from luoshi.reporting.models import Report


def test_a_none_in_a_blank_text_is_a_validation_error_naming_the_field(plan_city):
    c = plan_city
    target = Target.objects.get(pk=c.signed.pk)
    target.unit_label = None
    target.source_snippet = None
    with translation.override("zh-hans"), pytest.raises(ValidationError) as raised:
        save_with_history(target, c.supervisor, "edited")
    errors = raised.value.message_dict
    assert sorted(errors) == ["source_snippet", "unit_label"]
    assert errors["unit_label"] == ["计量单位不能为空。"]
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        save_with_history(target, c.supervisor, "edited")
    assert raised.value.message_dict["source_snippet"] == ["Source snippet cannot be empty."]
    stored = Target.objects.get(pk=target.pk)
    assert (stored.unit_label, stored.source_snippet) == (c.signed.unit_label, "")
    assert stored.history.count() == c.signed.history.count()


def test_a_none_is_refused_in_another_app_and_on_a_field_that_is_not_blank(plan_city):
    c = plan_city
    report = report_actions.create_report(
        c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=30
    )
    report.narrative = None
    with pytest.raises(ValidationError) as raised:
        save_with_history(report, c.commerce_reporter, "edited")
    assert list(raised.value.message_dict) == ["narrative"]
    report.narrative = ""
    report.as_of = None
    with pytest.raises(ValidationError) as raised:
        save_with_history(report, c.commerce_reporter, "edited")
    assert list(raised.value.message_dict) == ["as_of"]
    assert Report.objects.get(pk=report.pk).as_of == date(2025, 6, 30)


def test_a_new_row_with_no_primary_key_and_a_null_column_saves(plan_city):
    c = plan_city
    milestone = Milestone(target=c.signed, name="开工", due=date(2025, 9, 30), done=None)
    save_with_history(milestone, c.supervisor, "created")
    assert Milestone.objects.get(pk=milestone.pk).done is None
