"""The reinstate and unbind buttons post through forms: an endless reason is a 400 that
changes nothing."""

from datetime import date

from luoshi.ledgers import actions
from luoshi.ledgers.measures import bind_measure
from luoshi.ledgers.models import Measure, Project

LONG = "理" * 301


def test_reinstating_with_an_endless_reason_is_a_400_and_the_project_stays_dropped(city, settings):
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
    before = project.history.count()
    response = city.client("commerce-reporter").post(
        f"/ledgers/projects/{project.pk}/reinstate/", {"reason": LONG}
    )
    assert response.status_code == 400
    project = Project.objects.get(pk=project.pk)
    assert project.dropped_on == date(2025, 6, 1) and project.history.count() == before


def test_unbinding_with_an_endless_reason_is_a_400_and_the_measure_stays(ledger_city):
    c = ledger_city
    bind_measure(c.signed, c.supervisor, source="projects", aggregate="count")
    response = c.client("supervisor").post(
        f"/targets/{c.signed.pk}/measure/", {"unbind": "1", "reason": LONG}
    )
    assert response.status_code == 400
    assert Measure.objects.filter(target=c.signed).exists()
