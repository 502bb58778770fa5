"""Score the intake extractor against the annotated documents.

    .venv/bin/python bench/intake_quality.py [--corpus DIR] [--own DIR]
        [--set shared|own|all] [--docs PATTERN ...] [--json] [--show-errors]

Two document sets are scored: the shared development corpus (default
``<repo>/../shared/corpus``) and the project's own held-out documents in
``tests/intake_corpus``.  The procedure is that of the corpus README, section 5;
the logic lives in ``bench/intake_scoring.py``.  Each document is given to
``extract`` without its ``# source:`` line and without a year.

``--docs`` keeps only the documents whose file stem matches one of the shell
patterns (``--set own --docs '0[5-9]_*' '1[0-4]_*'``), so that one batch of
newly annotated documents can be scored on its own (its cold score).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.intake_scoring import load_documents, score  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_OWN = ROOT / "tests" / "intake_corpus"


def run_extractor(documents: list[dict]) -> None:
    from luoshi.core.intake import extract

    for doc in documents:
        result = extract(doc["text"])
        doc["extracted"] = [dict(item) for item in result.items]
        doc["extracted_text"] = result.text


def _pct(x) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def _row(label: str, f: dict, width: int) -> str:
    return (
        f"  {label:<{width}} {f['annotated']:>5} {f['extracted']:>5} {f['matched']:>5} "
        f"{_pct(f['precision'])} {_pct(f['recall'])} {_pct(f['f1'])}"
        + (f"  (dup {f['duplicates_dropped']})" if f.get("duplicates_dropped") else "")
    )


def format_report(title: str, figures: dict) -> str:
    lines = [f"== {title}: {figures['documents']} documents"]
    names = list(figures["by_document"]) + list(figures["by_target_kind"]) + ["overall"]
    width = max(len(n) for n in names) if names else 10
    head = f"  {'':<{width}} {'ann':>5} {'ext':>5} {'match':>5} {'  P':>6} {'  R':>6} {'  F1':>6}"
    lines.append(head)
    lines.append(_row("overall", figures["overall"], width))
    lines.append("  by kind")
    for key, f in figures["by_kind"].items():
        lines.append(_row(str(key), f, width))
    lines.append("  by annotated target_kind")
    for key, f in figures["by_target_kind"].items():
        lines.append(_row(str(key), f, width))
    lines.append("  by document")
    for key, f in figures["by_document"].items():
        lines.append(_row(key, f, width))
    p = figures["pairs"]
    lines.append(
        f"  on {p['matched_pairs']} matched pairs: owner {_pct(p['owner_accuracy'])}, "
        f"target_kind {_pct(p['target_kind_accuracy'])} (of {p['target_kind_pairs']} valued "
        f"targets), period {_pct(p['period_accuracy'])}, "
        f"exact comparator {_pct(p['comparator_exact_rate'])}"
    )
    lines.append(
        f"  owners of matched targets: {_pct(p['target_owner_accuracy'])} "
        f"({p['target_owner_right']}/{p['target_pairs']})"
    )
    return "\n".join(lines)


def _item_line(item: dict) -> str:
    where = f" @{item['start']}-{item['end']}" if item.get("start") is not None else ""
    tk = f"/{item['target_kind']}" if item.get("target_kind") else ""
    return (
        f"{item.get('kind')}{tk} {item.get('comparator')} {item.get('value')} "
        f"{item.get('unit')} | {item.get('owner')} | {item.get('period')} | "
        f"{item.get('metric')} | «{item.get('snippet')}»{where}"
    )


def format_errors(errs: dict) -> str:
    lines = []
    for name, e in errs.items():
        if not (e["misses"] or e["false_positives"] or e["matched_with_wrong_details"]):
            continue
        lines.append(f"-- {name}")
        for item in e["misses"]:
            lines.append("   MISS " + _item_line(item))
        for item in e["false_positives"]:
            lines.append("   FP   " + _item_line(item))
        for pair in e["matched_with_wrong_details"]:
            lines.append(f"   DIFF {','.join(pair['fields'])}")
            lines.append("        ann " + _item_line(pair["annotated"]))
            lines.append("        ext " + _item_line(pair["extracted"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_SHARED, help="shared corpus dir")
    parser.add_argument("--own", type=Path, default=DEFAULT_OWN, help="project corpus dir")
    parser.add_argument("--set", choices=("shared", "own", "all"), default="all")
    parser.add_argument(
        "--docs", nargs="+", metavar="PATTERN", help="score only documents whose stem matches"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable figures")
    parser.add_argument("--show-errors", action="store_true", help="list misses and FPs")
    args = parser.parse_args(argv)

    sets: dict[str, list[dict]] = {}
    if args.set in ("shared", "all"):
        if args.corpus.is_dir():
            sets["shared"] = load_documents(args.corpus, prefix="shared/", patterns=args.docs)
        else:
            print(f"(no shared corpus at {args.corpus})", file=sys.stderr)
    if args.set in ("own", "all"):
        sets["own"] = load_documents(args.own, prefix="own/", patterns=args.docs)
    all_docs = [d for docs in sets.values() for d in docs]
    if not all_docs:
        print("no annotated documents found", file=sys.stderr)
        return 2
    run_extractor(all_docs)

    report = {name: score(docs) for name, docs in sets.items() if docs}
    if len(report) > 1:
        report["all"] = score(all_docs)

    if args.json:
        out = {
            k: {kk: vv for kk, vv in v.items() if kk != "errors" or args.show_errors}
            for k, v in report.items()
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    titles = {"shared": "shared corpus", "own": "project documents", "all": "all documents"}
    for key, figures in report.items():
        print(format_report(titles[key], figures))
        print()
    if args.show_errors:
        source = report.get("all") or next(iter(report.values()))
        print(format_errors(source["errors"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
