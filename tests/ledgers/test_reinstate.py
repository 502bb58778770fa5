"""A dropped project can be taken up again; the drop stays in its history."""

from datetime import date

from luoshi.ledgers import actions
from luoshi.ledgers.models import Project


def test_dropped_project_is_reinstated_with_a_reason_and_keeps_its_history(city, settings):
    settings.LUOSHI_TODAY = date(2025, 9, 30)
    project = actions.create_project(
        city.commerce_reporter,
        name="新能源电池项目",
        investor="某新能源公司",
        unit=city.commerce,
        stage="signed",
        stage_date=date(2025, 3, 1),
    )
    actions.drop_project(project, city.commerce_reporter, on=date(2025, 6, 1), reason="投资方撤资")
    client = city.client("commerce-reporter")
    refused = client.post(
        f"/ledgers/projects/{project.pk}/reinstate/", {"reason": " "}, follow=True
    )
    assert Project.objects.get(pk=project.pk).dropped_on == date(2025, 6, 1)
    assert refused.status_code == 200
    client.post(f"/ledgers/projects/{project.pk}/reinstate/", {"reason": "投资方重新洽谈"})
    project.refresh_from_db()
    assert project.dropped_on is None and project.drop_reason == ""
    reasons = [h.history_change_reason for h in project.history.order_by("history_date")]
    assert reasons[-2:] == ["dropped: 投资方撤资", "reinstated: 投资方重新洽谈"]
    actions.move_project(project, city.commerce_reporter, stage="landed", on=date(2025, 9, 1))
    assert Project.objects.get(pk=project.pk).stage == "landed"
