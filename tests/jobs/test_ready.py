"""A finished export's page says it is ready and links its file, in Chinese and in English."""

import io
import re

import pytest

from luoshi.jobs import actions
from luoshi.jobs.choices import JobKind


def _finished(city, kind):
    job = actions.start(city.housing_reporter, kind, "驾驶舱导出")
    job = actions.claim(job.pk)
    job.total = 2400
    actions.finish(
        job, result={"rows": 2412}, result_file=io.BytesIO(b"PK\x03\x04"), result_name="驾驶舱.xlsx"
    )
    return job


def _ready(body):
    found = re.search(
        r'<div class="alert alert-success" role="status" id="job-ready">(.*?)</div>', body, re.S
    )
    assert found, body
    return " ".join(found.group(1).split())


@pytest.mark.parametrize("kind", [JobKind.COCKPIT_EXPORT, JobKind.LEDGER_EXPORT])
def test_a_finished_export_says_ready_with_its_download_link(city, kind):
    job = _finished(city, kind)
    client = city.client("housing-reporter")
    body = client.get(f"/jobs/{job.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    ready = _ready(body)
    assert "已完成：工作簿共 2412 行，可以下载。" in ready
    assert f'<a class="btn btn-primary" href="/jobs/{job.pk}/file/">下载 驾驶舱.xlsx</a>' in ready
    assert body.count(f'href="/jobs/{job.pk}/file/"') == 1
    client.cookies.load({"django_language": "en"})
    ready = _ready(client.get(f"/jobs/{job.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "Ready: the workbook of 2,412 rows can be downloaded." in ready
    assert f'href="/jobs/{job.pk}/file/">Download 驾驶舱.xlsx</a>' in ready


def test_a_running_export_says_nothing_is_ready(city):
    job = actions.claim(
        actions.start(city.housing_reporter, JobKind.COCKPIT_EXPORT, "驾驶舱导出").pk
    )
    body = city.client("housing-reporter").get(f"/jobs/{job.pk}/").content.decode()
    assert 'id="job-ready"' not in body and "/file/" not in body
