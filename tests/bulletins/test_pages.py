"""The bulletin pages: drafting, editing (with conflicts), issuing and downloading over HTTP."""

import io
import re

from docx import Document

from luoshi.bulletins import actions, building
from luoshi.bulletins.choices import FileState
from luoshi.bulletins.models import Bulletin, BulletinFile

from .conftest import AT


def edit_data(bulletin, **changes):
    data = {
        "revision": bulletin.revision,
        "title": bulletin.title,
        "office": bulletin.office,
        **bulletin.sections,
    }
    return data | changes


def test_the_supervisor_drafts_edits_and_issues(figures_city):
    city = figures_city
    client = city.client("supervisor")
    response = client.post("/bulletins/new/", {"plan": city.plan.pk, "at": "2025-06-30"})
    draft = Bulletin.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/bulletins/{draft.pk}/"
    assert "签约项目" in draft.sections["behind"] and draft.at == AT
    page = client.get(f"/bulletins/{draft.pk}/").content.decode()
    assert "一、总体情况" in page and "（草稿）" in page
    response = client.post(
        f"/bulletins/{draft.pk}/edit/", edit_data(draft, requirements="请各单位抓紧整改。")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.sections["requirements"] == "请各单位抓紧整改。" and draft.revision == 2
    response = client.post(
        f"/bulletins/{draft.pk}/issue/", {"revision": 2, "issued_on": "2025-07-10"}
    )
    draft.refresh_from_db()
    assert (draft.issue_label, draft.issued_on.isoformat()) == ("2025年第1期", "2025-07-10")
    page = client.get(f"/bulletins/{draft.pk}/").content.decode()
    history = page[page.index("luoshi-history") :]
    reasons = re.findall(r'<div class="text-muted small">([^<]+)</div>', history)
    assert reasons == ["印发", "修改", "起草"]  # newest first, each by the supervisor
    assert history.count("supervisor") >= 3


def test_two_editors_of_one_draft_the_second_gets_a_conflict_not_a_lost_edit(figures_city):
    city = figures_city
    draft = actions.draft_bulletin(city.plan, AT, city.supervisor)
    first, second = city.client("supervisor"), city.client("supervisor")
    assert (
        first.post(f"/bulletins/{draft.pk}/edit/", edit_data(draft, title="甲")).status_code == 302
    )
    response = second.post(f"/bulletins/{draft.pk}/edit/", edit_data(draft, title="乙"))
    assert response.status_code == 409
    assert "乙" in response.content.decode()  # what the second wrote is still in the form
    assert Bulletin.objects.get(pk=draft.pk).title == "甲"


def test_bad_input_is_a_400_and_changes_nothing(figures_city):
    city = figures_city
    client = city.client("supervisor")
    draft = actions.draft_bulletin(city.plan, AT, city.supervisor)
    for data in (
        {"plan": "x", "at": "2025-06-30"},
        {"plan": city.plan.pk, "at": "0001-01-01"},
        {"plan": city.plan.pk, "at": "2025-02-30"},
        {"plan": "9" * 40, "at": ""},
    ):
        assert client.post("/bulletins/new/", data).status_code == 400, data
    assert Bulletin.objects.count() == 1
    for data in (
        edit_data(draft, revision="abc"),
        edit_data(draft, revision="9" * 30),
        edit_data(draft, title=""),
        edit_data(draft, requirements="长" * 20001),
    ):
        assert client.post(f"/bulletins/{draft.pk}/edit/", data).status_code == 400
    response = client.post(f"/bulletins/{draft.pk}/issue/", {"revision": "x"})
    assert response.status_code == 302
    assert Bulletin.objects.get(pk=draft.pk).revision == 1 and not draft.is_issued
    assert client.get(f"/bulletins/{draft.pk}/file.exe").status_code == 404
    assert not BulletinFile.objects.exists()


def test_the_leader_downloads_an_issued_bulletin_once_its_files_are_built(figures_city):
    city = figures_city
    bulletin = actions.draft_bulletin(city.plan, AT, city.supervisor)
    actions.issue_bulletin(bulletin, city.supervisor, expected_revision=1)
    actions.request_files(bulletin)
    leader = city.client("leader")
    response = leader.get(f"/bulletins/{bulletin.pk}/file.docx")
    assert response.status_code == 302  # being prepared: back to the page, which reloads
    page = leader.get(f"/bulletins/{bulletin.pk}/").content.decode()
    assert 'data-state="preparing"' in page and 'hx-trigger="every 3s"' in page
    building.build_files(bulletin.pk)
    response = leader.get(f"/bulletins/{bulletin.pk}/file.docx")
    assert response.status_code == 200
    assert "2025%E5%B9%B4%E7%AC%AC1%E6%9C%9F.docx" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    assert "2025年第1期" in [p.text for p in document.paragraphs]
    assert set(BulletinFile.objects.values_list("state", flat=True)) == {FileState.READY}
    assert "2025年第1期" in leader.get("/bulletins/").content.decode()


def test_the_list_costs_the_same_queries_for_one_or_many_bulletins(figures_city):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    city = figures_city
    client = city.client("leader")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/bulletins/").status_code == 200
        return len(captured)

    first = actions.draft_bulletin(city.plan, AT, city.supervisor)
    actions.issue_bulletin(first, city.supervisor, expected_revision=1)
    one = queries()
    for _ in range(4):
        correction = actions.start_correction(first, city.supervisor)
        actions.issue_bulletin(correction, city.supervisor, expected_revision=1)
    assert queries() == one


def test_a_drafts_file_is_built_when_asked_and_again_after_an_edit(figures_city):
    city = figures_city
    client = city.client("supervisor")
    draft = actions.draft_bulletin(city.plan, AT, city.supervisor)
    url = f"/bulletins/{draft.pk}/file.docx"
    assert client.get(url).status_code == 302  # asked: the worker builds it
    page = client.get(f"/bulletins/{draft.pk}/").content.decode()
    assert 'data-format="docx" data-state="preparing"' in page
    assert 'data-format="pdf" data-state="ask"' in page
    assert building.build_files(draft.pk) == 1
    first = client.get(url)
    assert first.status_code == 200
    assert "（草稿）" in [p.text for p in Document(io.BytesIO(first.content)).paragraphs]
    client.post(url.replace("file.docx", "edit/"), edit_data(draft, title="改后的标题"))
    assert client.get(url).status_code == 302  # the edit made the file stale: asked again
    assert building.build_files(draft.pk) == 1
    again = Document(io.BytesIO(client.get(url).content))
    assert "改后的标题" in [p.text for p in again.paragraphs]
    assert BulletinFile.objects.get(bulletin=draft, format="docx").revision == 2
