"""`luoshi backup` and `luoshi restore`: a restored copy shows every target as the original did.

Runs on whichever database the suite runs on (SQLite: the online backup API; PostgreSQL:
pg_dump and pg_restore). The tests are transactional: a backup is taken outside any
open transaction, and restoring replaces the whole database.
"""

from __future__ import annotations

import io
import json
import shutil
import tarfile
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from luoshi.dashboards.evaluation import evaluate_targets
from luoshi.ops import backup as ops
from luoshi.plans.models import Target
from luoshi.reporting import actions
from luoshi.reporting.evidence import add_evidence
from luoshi.reporting.models import Evidence, Report
from tests.personas import PlanCity

pytestmark = pytest.mark.django_db(transaction=True)

AT = date(2025, 7, 15)
PDF = b"%PDF-1.4 signed contracts, page 1"


@pytest.fixture
def populated(settings, tmp_path):
    """The persona city with approved readings, a draft, and evidence on disk."""
    if shutil.which("pg_dump") is None and settings.DATABASES["default"]["ENGINE"].endswith(
        "postgresql"
    ):
        pytest.skip("pg_dump is not installed")
    settings.LUOSHI_TODAY = AT
    c = PlanCity()
    cr, ca = c.commerce_reporter, c.commerce_approver
    for as_of, value in ((date(2025, 4, 30), 15), (date(2025, 6, 30), 22)):
        report = actions.create_report(c.signed, cr, as_of=as_of, value=value)
        if value == 22:
            add_evidence(report, cr, SimpleUploadedFile("合同.pdf", PDF, "application/pdf"))
        actions.submit_report(report, cr)
        actions.approve_report(report, ca)
    sales = actions.create_report(c.sales, c.housing_reporter, as_of=date(2025, 6, 30), value=3.5)
    actions.submit_report(sales, c.housing_reporter)
    actions.approve_report(sales, c.housing_approver)
    actions.create_report(c.hazards, c.team_reporter, as_of=date(2025, 6, 30), value=2)
    return c


def statuses() -> dict[str, tuple]:
    targets = Target.objects.select_related("plan").order_by("name")
    evaluations = evaluate_targets(targets, AT, lang="en")
    return {
        t.name: (e.state, e.missing, e.expected, e.actual, e.ratio, e.reason)
        for t, e in ((t, evaluations[t.pk]) for t in targets)
    }


def media_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_restored_copy_shows_every_target_and_evidence_as_the_original(populated, tmp_path):
    before, files = statuses(), media_files()
    counts = ops.counts()
    assert {name: state[0] for name, state in before.items()} == {
        "出台外贸实施意见": "lagging",
        "新建商品房销售面积增长": "behind",
        "签约项目": "lagging",
        "重大事故隐患动态清零": "not_started",
    }
    assert [name.split("/")[0] for name in files] == ["evidence"]
    archive = tmp_path / "luoshi.tar"
    call_command("backup", str(archive))

    # A fresh system: the database emptied, the evidence folder gone.
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert Target.objects.count() == 0 and not ops.holds_data()

    call_command("restore", str(archive))
    assert statuses() == before
    assert media_files() == files
    assert ops.counts() == counts
    evidence = Evidence.objects.get()
    assert evidence.file.read() == PDF
    assert Report.objects.filter(status="approved").count() == 3


def test_restore_refuses_a_database_that_holds_data_unless_forced(populated, tmp_path):
    archive = tmp_path / "luoshi.tar"
    call_command("backup", str(archive))
    actions.create_report(
        populated.signed, populated.commerce_reporter, as_of=date(2025, 7, 1), value=30
    )
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(archive))
    assert Report.objects.count() == 5  # nothing changed
    call_command("restore", str(archive), force=True)
    assert Report.objects.count() == 4  # the report written after the backup is gone


def test_backup_refuses_to_overwrite_a_file(populated, tmp_path):
    archive = tmp_path / "luoshi.tar"
    archive.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(archive))
    assert archive.read_bytes() == b"keep me"


def _tar(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def _rewritten(archive: Path, out: Path, change) -> Path:
    """A copy of `archive` whose members `change(members)` has edited."""
    with tarfile.open(archive) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    change(members)
    return _tar(out, members)


def test_restore_refuses_what_is_not_a_sound_luoshi_backup_and_changes_nothing(populated, tmp_path):
    archive = tmp_path / "luoshi.tar"
    call_command("backup", str(archive))
    call_command("flush", interactive=False, verbosity=0)

    def manifest(members, **changes):
        data = json.loads(members["manifest.json"])
        data.update(changes)
        members["manifest.json"] = json.dumps(data).encode()

    def damaged(members):
        database = next(n for n in members if n.startswith("database."))
        members[database] = members[database][:-1] + b"x"

    def escaping(members):
        members["media/../../outside.txt"] = b"x"
        manifest(members)
        data = json.loads(members["manifest.json"])
        data["sha256"]["media/../../outside.txt"] = ops.hashlib.sha256(b"x").hexdigest()
        members["manifest.json"] = json.dumps(data).encode()

    other = "postgresql" if ops.connection.vendor == "sqlite" else "sqlite"
    cases = {
        "not a tar archive": (tmp_path / "a.tar", "not a tar archive"),
        "a tar without a manifest": (_tar(tmp_path / "b.tar", {"x": b"1"}), "no manifest"),
        "another format": (
            _rewritten(archive, tmp_path / "c.tar", lambda m: manifest(m, format="other")),
            "another format",
        ),
        "the other vendor": (
            _rewritten(archive, tmp_path / "d.tar", lambda m: manifest(m, vendor=other)),
            f"backup of a {other} database",
        ),
        "a newer luoshi": (
            _rewritten(
                archive,
                tmp_path / "e.tar",
                lambda m: manifest(m, migrations={"plans": ["9999_from_the_future"]}),
            ),
            "newer luoshi",
        ),
        "a damaged database": (_rewritten(archive, tmp_path / "f.tar", damaged), "damaged"),
        "a file outside the media folder": (
            _rewritten(archive, tmp_path / "g.tar", escaping),
            "outside the media folder",
        ),
    }
    (tmp_path / "a.tar").write_bytes(b"PK\x03\x04 a zip, not a backup")
    for what, (path, message) in cases.items():
        with pytest.raises(CommandError, match=message):
            call_command("restore", str(path))
        assert not ops.holds_data(), what
    assert not (tmp_path.parent / "outside.txt").exists()
