"""`luoshi evaluate`: exit codes, error messages, standard input, table output."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from luoshi.core import status_cli

GOLDEN = Path(__file__).parent / "status_golden"
EXAMPLE = {
    "at": "2025-06-30",
    "rules": {
        "lagging_below": 1.0,
        "behind_below": 0.8,
        "growth_tolerance_pp": 1.0,
        "level_tolerance": 0.05,
        "milestone_grace_days": 15,
    },
    "targets": [
        {
            "id": "t1",
            "kind": "cumulative",
            "comparator": ">=",
            "value": 50,
            "unit": "个",
            "start": "2025-01-01",
            "end": "2025-12-31",
            "cadence": "month",
            "due_day": 5,
            "schedule": [["2025-03-31", 0.2], ["2025-06-30", 0.5]],
            "readings": [{"as_of": "2025-05-31", "value": 18}],
        },
        {
            "id": "t2",
            "kind": "zero",
            "start": "2025-01-01",
            "end": "2025-12-31",
            "readings": [{"as_of": "2025-06-30", "value": 2, "overdue": 1}],
        },
        {
            "id": "t3",
            "kind": "milestone",
            "start": "2025-01-01",
            "end": "2025-12-31",
            "milestones": [{"name": "出台实施意见", "due": "2025-06-30", "done": None}],
        },
    ],
}


def run(argv, capsys, stdin_text=None, monkeypatch=None):
    if stdin_text is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8"))))
    code = status_cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def snapshot_file(tmp_path):
    def write(data, name="snap.json"):
        path = tmp_path / name
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_design_example_prints_json_with_the_design_reason(snapshot_file, capsys):
    code, out, err = run([snapshot_file(EXAMPLE)], capsys)
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["at"] == "2025-06-30"
    assert [e["id"] for e in result["evaluations"]] == ["t1", "t2", "t3"]
    t1 = result["evaluations"][0]
    assert list(t1) == [
        "id",
        "state",
        "missing",
        "expected",
        "actual",
        "ratio",
        "forecast",
        "will_miss",
        "reason",
    ]
    # 0.2 + 0.3 * 61/91 of 50 = 20.05; 18 / 20.05 = 89.8 %
    assert t1["reason"].startswith("按序时进度应完成20.1个，实际18个，完成89.8%")
    assert t1["state"] == "lagging"
    assert result["evaluations"][1]["state"] == "behind"
    assert result["evaluations"][2]["state"] == "lagging"


def test_lang_en_switches_reasons_to_english(snapshot_file, capsys):
    code, out, _ = run([snapshot_file(EXAMPLE), "--lang", "en"], capsys)
    assert code == 0
    reason = json.loads(out)["evaluations"][0]["reason"]
    assert reason.startswith("Expected 20.1个 by schedule, actual 18个, 89.8% done")


def test_dash_reads_standard_input(capsys, monkeypatch):
    code, out, err = run(["-"], capsys, json.dumps(EXAMPLE), monkeypatch)
    assert code == 0 and err == ""
    assert [e["state"] for e in json.loads(out)["evaluations"]] == ["lagging", "behind", "lagging"]


def test_table_output_is_aligned(snapshot_file, capsys):
    code, out, _ = run([snapshot_file(EXAMPLE), "--format", "table"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "at 2025-06-30"
    header = lines[1]
    assert header.split() == [
        "id",
        "state",
        "missing",
        "expected",
        "actual",
        "ratio",
        "forecast",
        "will_miss",
        "reason",
    ]
    rows = lines[3:]
    assert len(rows) == 3
    # every row starts its state column where the header does (ids are ASCII here)
    col = header.index("state")
    for row in rows:
        assert row[col - 2 : col] == "  " and row[col] != " "
    assert "89.8%" in rows[0] and "20.1" in rows[0]


def test_table_accounts_for_wide_characters(snapshot_file, capsys):
    data = json.loads(json.dumps(EXAMPLE))
    data["targets"][0]["id"] = "签约项目"
    code, out, _ = run([snapshot_file(data), "--format", "table"], capsys)
    assert code == 0
    header, _, first, second = out.splitlines()[1:5]
    # 签约项目 is 8 columns wide: "state" and the next row's state start at the same display column
    assert first.startswith("签约项目  lagging")
    assert second.startswith("t2        behind")
    assert header.startswith("id        state")


def test_subprocess_end_to_end(tmp_path):
    luoshi = Path(sys.executable).parent / "luoshi"
    path = tmp_path / "s.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    done = subprocess.run(
        [str(luoshi), "evaluate", str(path)], capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["evaluations"][0]["id"] == "t1"
    bad = subprocess.run(
        [str(luoshi), "evaluate", "-"],
        input="{not json",
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert bad.returncode == 2 and bad.stdout == ""
    assert "malformed JSON" in bad.stderr


def test_golden_snapshots_run_through_the_cli(capsys):
    for path in sorted(GOLDEN.glob("*.snapshot.json")):
        code, out, _ = run([str(path)], capsys)
        assert code == 0, path
        assert json.loads(out)["evaluations"]


def _target(**changes):
    t = {
        "id": "t9",
        "kind": "cumulative",
        "value": 10,
        "start": "2025-01-01",
        "end": "2025-12-31",
        "readings": [{"as_of": "2025-03-31", "value": 2}],
    }
    t.update(changes)
    return {k: v for k, v in t.items() if v is not Ellipsis}


BAD = [
    ("unknown kind", _target(kind="percent"), "target 't9', field 'kind'", "unknown kind"),
    ("missing start", _target(start=...), "target 't9', field 'start'", "date is required"),
    ("missing end", _target(end=None), "target 't9', field 'end'", "date is required"),
    (
        "end before start",
        _target(end="2024-12-31"),
        "target 't9', field 'end'",
        "before start",
    ),
    (
        "share above 1",
        _target(schedule=[["2025-06-30", 1.2]]),
        "target 't9', field 'schedule[0]'",
        "outside 0..1",
    ),
    (
        "share below 0",
        _target(schedule=[["2025-06-30", -0.1]]),
        "target 't9', field 'schedule[0]'",
        "outside 0..1",
    ),
    (
        "shares decreasing",
        _target(schedule=[["2025-03-31", 0.5], ["2025-06-30", 0.4]]),
        "target 't9', field 'schedule[1]'",
        "below the previous",
    ),
    (
        "checkpoints out of order",
        _target(schedule=[["2025-06-30", 0.5], ["2025-03-31", 0.6]]),
        "target 't9', field 'schedule[1]'",
        "does not come after",
    ),
    (
        "checkpoint outside the period",
        _target(schedule=[["2026-03-31", 0.5]]),
        "target 't9', field 'schedule[0]'",
        "outside the period",
    ),
    (
        "reading not a number",
        _target(readings=[{"as_of": "2025-03-31", "value": "12"}]),
        "target 't9', field 'readings[0].value'",
        "expected a number",
    ),
    (
        "reading is a boolean",
        _target(
            readings=[{"as_of": "2025-03-31", "value": 1}, {"as_of": "2025-04-30", "value": True}]
        ),
        "target 't9', field 'readings[1].value'",
        "expected a number",
    ),
    (
        "unknown comparator",
        _target(comparator="=>"),
        "target 't9', field 'comparator'",
        "unknown comparator",
    ),
    ("bad cadence", _target(cadence="weekly"), "target 't9', field 'cadence'", "unknown cadence"),
    ("bad due day", _target(cadence="month", due_day=0), "target 't9', field 'due_day'", "1..31"),
    (
        "bad date format",
        _target(readings=[{"as_of": "2025/03/31", "value": 2}]),
        "target 't9', field 'readings[0].as_of'",
        "YYYY-MM-DD",
    ),
    (
        "impossible date",
        _target(start="2025-02-29"),
        "target 't9', field 'start'",
        "YYYY-MM-DD",
    ),
    ("no value", _target(value=...), "target 't9', field 'value'", "needs a value"),
    (
        "floor without baseline",
        _target(kind="floor", value=...),
        "target 't9', field 'baseline'",
        "needs a baseline",
    ),
    (
        "milestone without milestones",
        _target(kind="milestone", value=..., readings=...),
        "target 't9', field 'milestones'",
        "non-empty list",
    ),
    (
        "milestone without due date",
        _target(kind="milestone", milestones=[{"name": "x", "done": None}]),
        "target 't9', field 'milestones[0].due'",
        "date is required",
    ),
    (
        "zero with more overdue than open",
        _target(kind="zero", readings=[{"as_of": "2025-03-31", "value": 1, "overdue": 2}]),
        "target 't9', field 'readings[0].overdue'",
        "between 0 and the open count",
    ),
    (
        "unknown target rule",
        _target(rules={"lagging": 0.9}),
        "target 't9', field 'rules.lagging'",
        "unknown rule",
    ),
]


@pytest.mark.parametrize(("target", "where", "what"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_target_exits_2_naming_target_and_field(target, where, what, snapshot_file, capsys):
    snap = {"at": "2025-06-30", "targets": [EXAMPLE["targets"][1], target]}
    code, out, err = run([snapshot_file(snap)], capsys)
    assert code == 2
    assert out == ""  # nothing half-printed
    assert err.count("\n") == 1, err
    assert err.startswith("luoshi evaluate: error: ")
    assert where in err and what in err, err


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ('{"at": "2025-06-30", "targets": [', "malformed JSON"),
        ("", "malformed JSON"),
        ('{"at": "2025-06-30", "targets": [{"id": "a", "value": NaN}]}', "NaN"),
        ("[1, 2]", "snapshot, field '(top)'"),
        ('{"targets": []}', "snapshot, field 'at': a date is required"),
        ('{"at": "30/06/2025", "targets": []}', "snapshot, field 'at'"),
        ('{"at": "2025-06-30"}', "snapshot, field 'targets'"),
        (
            '{"at": "2025-06-30", "rules": {"behind_below": "x"}, "targets": []}',
            "field 'rules.behind_below'",
        ),
        (
            '{"at": "2025-06-30", "rules": {"behind_below": 1.2}, "targets": []}',
            "above lagging_below",
        ),
        ('{"at": "2025-06-30", "targets": [{"kind": "zero"}]}', "target 'targets[0]', field 'id'"),
        (
            '{"at": "2025-06-30", "targets": [{"id": "a", "kind": "zero", "start": "2025-01-01",'
            ' "end": "2025-12-31"}, {"id": "a", "kind": "zero", "start": "2025-01-01",'
            ' "end": "2025-12-31"}]}',
            "target 'a', field 'id': duplicate",
        ),
    ],
)
def test_bad_snapshot_exits_2(text, what, capsys, monkeypatch):
    code, out, err = run(["-"], capsys, text, monkeypatch)
    assert code == 2 and out == ""
    assert what in err, err
    assert err.count("\n") == 1


def test_missing_file_exits_2(capsys, tmp_path):
    code, out, err = run([str(tmp_path / "nope.json")], capsys)
    assert code == 2 and out == ""
    assert "cannot read" in err


def test_usage_errors_exit_2(capsys):
    assert status_cli.main([]) == 2
    assert status_cli.main(["x.json", "--format", "xml"]) == 2
    assert status_cli.main(["x.json", "--lang", "fr"]) == 2
    capsys.readouterr()


def test_help_exits_0(capsys):
    assert status_cli.main(["--help"]) == 0
    assert "snapshot" in capsys.readouterr().out
