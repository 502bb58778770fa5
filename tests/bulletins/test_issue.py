"""Issuing: numbered within the year, never changed afterwards; edits are revision-checked;
a correction is a new issue naming the one it corrects."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from luoshi.bulletins import actions, building
from luoshi.bulletins.choices import FileState
from luoshi.bulletins.models import Bulletin, BulletinFile, Immutable
from tests.parallel import in_parallel, shared_database  # noqa: F401  (fixture)

from .conftest import AT

TEXT = {
    "overview": "总体情况。",
    "ranking": "排名。",
    "behind": "滞后。",
    "missing": "缺报。",
    "requirements": "要求。",
}


def issue(bulletin, user, on=None):
    return actions.issue_bulletin(bulletin, user, expected_revision=bulletin.revision, issued_on=on)


def test_issues_are_numbered_within_the_year_of_issue(figures_city):
    city = figures_city
    labels = []
    for on in (date(2025, 7, 5), date(2025, 8, 5), date(2026, 1, 5)):
        draft = actions.draft_bulletin(city.plan, AT, city.supervisor)
        labels.append(issue(draft, city.supervisor, on).issue_label)
    assert labels == ["2025年第1期", "2025年第2期", "2026年第1期"]


def test_an_issued_bulletin_cannot_be_saved_edited_or_deleted(figures_city):
    city = figures_city
    bulletin = issue(actions.draft_bulletin(city.plan, AT, city.supervisor), city.supervisor)
    stored = Bulletin.objects.get(pk=bulletin.pk)
    stored.title = "改过的标题"
    with pytest.raises(Immutable):
        stored.save()
    with pytest.raises(Immutable):
        stored.delete()
    with pytest.raises(actions.Conflict):
        actions.edit_bulletin(
            stored, city.supervisor, expected_revision=stored.revision, title="x", office="y",
            sections=TEXT,
        )  # fmt: skip
    with pytest.raises(actions.Conflict):
        issue(stored, city.supervisor)  # issuing twice takes no second number
    stored.refresh_from_db()
    assert (stored.title, stored.number) == (bulletin.title, 1)


def test_an_edit_from_an_older_revision_is_a_conflict_and_keeps_the_first_edit(figures_city):
    city = figures_city
    draft = actions.draft_bulletin(city.plan, AT, city.supervisor)
    opened = draft.revision
    actions.edit_bulletin(
        draft, city.supervisor, expected_revision=opened, title="第一位", office="督查室",
        sections=TEXT,
    )  # fmt: skip
    with pytest.raises(actions.Conflict):
        actions.edit_bulletin(
            Bulletin.objects.get(pk=draft.pk), city.supervisor, expected_revision=opened,
            title="第二位", office="督查室", sections=TEXT,
        )  # fmt: skip
    assert Bulletin.objects.get(pk=draft.pk).title == "第一位"


def test_only_the_supervision_office_drafts_and_issues(figures_city):
    city = figures_city
    with pytest.raises(PermissionDenied):
        actions.draft_bulletin(city.plan, AT, city.leader)
    draft = actions.draft_bulletin(city.plan, AT, city.supervisor)
    with pytest.raises(PermissionDenied):
        issue(draft, city.leader)
    assert not Bulletin.objects.get(pk=draft.pk).is_issued


def test_a_correction_is_a_new_issue_that_names_the_one_it_corrects(figures_city):
    city = figures_city
    first = issue(actions.draft_bulletin(city.plan, AT, city.supervisor), city.supervisor)
    correction = actions.start_correction(first, city.supervisor)
    assert (correction.corrects, correction.at, correction.is_issued) == (first, first.at, False)
    issue(correction, city.supervisor)
    assert correction.issue_label == "2025年第2期"
    from luoshi.bulletins.layout import layout

    assert layout(correction).correction_line == f"（本期更正2025年第1期《{first.title}》）"
    assert Bulletin.objects.get(pk=first.pk).number == 1  # the corrected one is kept as it was


def test_issuing_asks_the_worker_for_the_files_which_it_builds_once(
    figures_city, django_capture_on_commit_callbacks
):
    city = figures_city
    draft = actions.draft_bulletin(city.plan, AT, city.supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        issue(draft, city.supervisor)
    rows = BulletinFile.objects.filter(bulletin=draft)
    assert sorted(rows.values_list("format", "state")) == [
        ("docx", FileState.PREPARING), ("pdf", FileState.PREPARING), ("xlsx", FileState.PREPARING),
    ]  # fmt: skip
    assert building.build_files(draft.pk) == 3
    assert set(rows.values_list("state", flat=True)) == {FileState.READY}
    assert building.build_files(draft.pk) == 0  # built once, kept
    assert rows.get(format="docx").file.read()[:2] == b"PK"


@pytest.mark.django_db(transaction=True)
def test_two_issues_at_the_same_moment_take_two_numbers(shared_database, settings):  # noqa: F811
    from tests.bulletins.conftest import approve
    from tests.personas import PlanCity

    settings.LUOSHI_TODAY = date(2025, 7, 15)
    city = PlanCity()
    approve(city.signed, AT, 18, city.commerce_reporter)
    drafts = [actions.draft_bulletin(city.plan, AT, city.supervisor) for _ in range(4)]

    def work(index):
        try:
            return issue(Bulletin.objects.get(pk=drafts[index].pk), city.supervisor).number
        finally:
            connection.close()

    numbers = in_parallel(4, work)
    assert sorted(numbers) == [1, 2, 3, 4], numbers
    assert sorted(Bulletin.objects.values_list("number", flat=True)) == [1, 2, 3, 4]


@pytest.mark.django_db(transaction=True)
def test_the_same_draft_issued_twice_at_once_is_issued_once(shared_database, settings):  # noqa: F811
    from tests.personas import PlanCity

    settings.LUOSHI_TODAY = date(2025, 7, 15)
    city = PlanCity()
    draft = actions.draft_bulletin(city.plan, AT, city.supervisor)

    def work(_index):
        try:
            return issue(Bulletin.objects.get(pk=draft.pk), city.supervisor).number
        except actions.Conflict as conflict:
            return conflict
        finally:
            connection.close()

    answers = in_parallel(3, work)
    assert sorted(a for a in answers if isinstance(a, int)) == [1], answers
    assert sum(isinstance(a, actions.Conflict) for a in answers) == 2
