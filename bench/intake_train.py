"""Train, and measure by grouped cross-validation, the learned reviewer of intake items.

    .venv/bin/python bench/intake_train.py --cv            # grouped CV, rules vs rules + review
    .venv/bin/python bench/intake_train.py --write         # CV-chosen thresholds, then train on
                                                           # everything and write the model file

The training set is every item ``extract`` gives on the DEVELOPMENT documents
only (01-297 of tests/intake_corpus, plus the shared corpus), each labelled by
the matcher of bench/intake_scoring.py (the one bench/intake_quality.py scores
with): an item matched to an annotation (or a duplicate of a matched one) is of
its own kind; an unmatched item that, with its kind switched, would match an
annotation the extractor missed is of the other kind; any other is ``none``.

The cross-validation mimics the cold score: the folds are the batches of
consecutive document numbers of docs/performance.md ("Intake: cold scores"), the
shared corpus one more fold; each fold is reviewed by models trained on all the
others, and the real intake_quality figures are computed on the pooled folds.

The logistic models are trained here in plain Python (Adagrad, L2, a fixed
seed), so neither training nor the run-time review needs numpy or scikit-learn.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import intake_learned as learned  # noqa: E402
from bench.intake_scoring import (  # noqa: E402
    DocumentText,
    _candidate,
    _overlaps,
    load_documents,
    normalise_extracted,
    score,
    score_document,
)
from luoshi.core.intake import extract  # noqa: E402

OWN = ROOT / "tests" / "intake_corpus"
SHARED = ROOT.parent / "shared" / "corpus"
# The development documents (01-297); 298 and above are held out for the cold score.
DEV_PATTERNS = ("0*", "1*", "2[0-8]*", "29_*", "29[0-7]_*", "[3-9][0-9]_*")
# First document of each batch of docs/performance.md's cold-score table (01-04 before).
BATCH_STARTS = (1, 5, 15, 25, 35, 45, 55, 65, 75, 83, 93, 103, 113, 118, 128, 138, 148)
BATCH_STARTS += (158, 168, 178, 188, 198, 208, 218, 228, 238, 248, 258, 268, 278, 288)
LAST_DEV = 297
TRAIN_COMMAND = ".venv/bin/python bench/intake_train.py --write"  # + the options used
EPOCHS = 25
L2 = 1e-3
RATE = 0.3
SEED = 15
DROP_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
SWITCH_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


# --------------------------------------------------------------------------- data


def fold_of(name: str) -> str:
    """The batch a document belongs to ("b07"), or "shared"."""
    if name.startswith("shared/"):
        return "shared"
    number = int(name.split("/", 1)[1].split("_", 1)[0])
    if number > LAST_DEV:
        raise ValueError(f"{name} is held out")
    k = sum(1 for s in BATCH_STARTS if s <= number) - 1
    return f"b{k:02d}"


def load_dev() -> list[dict]:
    docs = load_documents(OWN, prefix="own/", patterns=DEV_PATTERNS)
    if SHARED.is_dir():
        docs += load_documents(SHARED, prefix="shared/")
    for doc in docs:
        fold_of(doc["name"])  # refuses a held-out document
        result = extract(doc["text"])
        doc["rule_items"] = [
            dict(it) for it in result.items if it.get("kind") in ("target", "statistic")
        ]
        doc["extracted_text"] = result.text
    return docs


def _switched(item: dict) -> dict:
    flip = learned._as_statistic if item["kind"] == "target" else learned._as_target
    return flip(item)


def label_items(doc: dict) -> list[str]:
    """ "target", "statistic" or "none" for each rule item of one document."""
    items = doc["rule_items"]
    res = score_document(doc["name"], doc["text"], doc["annotations"], items, doc["extracted_text"])
    labels = ["none"] * len(items)
    for _, j in res.pairs:
        labels[j] = items[j]["kind"]
    for j in res.duplicates:
        labels[j] = items[j]["kind"]
    missed = [doc["annotations"][i] for i in res.misses]
    if not missed:
        return labels
    text = DocumentText(doc["text"])
    miss_spans = [text.find(a.get("snippet")) for a in missed]
    for j in res.false_positives:
        flipped, _ = normalise_extracted([_switched(items[j])])
        span = text.locate_extracted(flipped[0], doc["extracted_text"])
        for ann, ann_span in zip(missed, miss_spans, strict=True):
            if _candidate(ann, flipped[0], _overlaps(ann_span, span)):
                labels[j] = flipped[0]["kind"]
                break
    return labels


def featurise(docs: list[dict], bigrams: bool) -> None:
    for doc in docs:
        text = doc["extracted_text"]
        ctx = learned.document_context(text)
        doc["features"] = [learned.features(it, text, ctx, bigrams) for it in doc["rule_items"]]
        doc["labels"] = label_items(doc)


# --------------------------------------------------------------------------- cold outputs

# The engine each batch was first scored with (docs/performance.md, "Intake: cold
# scores"): its output on that batch is what the rules give on documents they were
# not tuned on, the distribution a reviewer of unseen documents must face.
COLD_ENGINES = {1: "3a8703d", 2: "3a8703d", 3: "3a8703d", 4: "3a8703d", 5: "3a8703d"}
COLD_ENGINES |= {6: "3a8703d", 7: "3a8703d", 8: "803a7a8", 9: "fb7b7b3", 10: "027f54c"}
COLD_ENGINES |= {11: "5de2462", 12: "ba60933", 13: "385bd86", 14: "385bd86", 15: "3cc51cb"}
COLD_ENGINES |= {16: "3cc51cb", 17: "49e6b5f", 18: "49e6b5f", 19: "27d8b7d", 20: "27d8b7d"}
COLD_ENGINES |= {21: "e369d56", 22: "e369d56", 23: "081389c", 24: "081389c", 25: "8798ccd"}
COLD_ENGINES |= {26: "8798ccd", 27: "4be00b0", 28: "4be00b0", 29: "a888294", 30: "a888294"}
COLD_DIR = Path(tempfile.gettempdir()) / "luoshi-cold-engines"
_RUN_OLD_ENGINE = """
import json, sys
from luoshi.core.intake import extract
out = {}
for name, text in json.load(sys.stdin).items():
    r = extract(text)
    out[name] = {"items": [dict(i) for i in r.items], "text": r.text}
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def _engine_at(commit: str) -> Path:
    """The intake code of ``commit``, unpacked from git (the working tree is not touched)."""
    where = COLD_DIR / commit
    if not (where / "luoshi" / "core" / "intake").is_dir():
        where.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "archive", commit, "luoshi/__init__.py", "luoshi/core"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        with tempfile.TemporaryFile() as tmp:
            tmp.write(archive)
            tmp.seek(0)
            with tarfile.open(fileobj=tmp) as tar:
                tar.extractall(where, filter="data")
    return where


def cold_outputs(docs: list[dict]) -> list[dict]:
    """Each batch's documents with the items of the engine that first scored them."""
    by_commit: dict[str, list[dict]] = {}
    for doc in docs:
        fold = fold_of(doc["name"])
        if fold.startswith("b") and int(fold[1:]) in COLD_ENGINES:
            by_commit.setdefault(COLD_ENGINES[int(fold[1:])], []).append(doc)
    cold = []
    for commit, part in sorted(by_commit.items()):
        cache = COLD_DIR / f"{commit}.items.json"
        if cache.exists():
            results = json.loads(cache.read_text(encoding="utf-8"))
        else:
            run = subprocess.run(
                [sys.executable, "-c", _RUN_OLD_ENGINE],
                cwd=_engine_at(commit),
                input=json.dumps({d["name"]: d["text"] for d in part}, ensure_ascii=False),
                capture_output=True,
                text=True,
                check=True,
            )
            results = json.loads(run.stdout)
            cache.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
        for doc in part:
            got = results[doc["name"]]
            cold.append(
                doc
                | {
                    "rule_items": [
                        i for i in got["items"] if i.get("kind") in ("target", "statistic")
                    ],
                    "extracted_text": got["text"],
                    "engine": commit,
                }
            )
    return cold


# --------------------------------------------------------------------------- training


def train_logistic(rows: list[tuple[list[str], int]]) -> dict[str, float]:
    """L2-regularised logistic regression by Adagrad SGD; deterministic (fixed seed)."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = list(range(len(rows)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            feats, y = rows[k]
            p = learned.logistic(weights, feats)
            g = p - y
            for f in feats:
                w = weights.get(f, 0.0)
                grad = g + L2 * w
                s = squares.get(f, 1e-8) + grad * grad
                squares[f] = s
                weights[f] = w - RATE * grad / math.sqrt(s)
    return weights


def train(docs: list[dict]) -> tuple[dict[str, float], dict[str, float]]:
    drop_rows, stat_rows = [], []
    for doc in docs:
        for feats, label in zip(doc["features"], doc["labels"], strict=True):
            drop_rows.append((feats, int(label == "none")))
            if label != "none":
                stat_rows.append((feats, int(label == "statistic")))
    return train_logistic(drop_rows), train_logistic(stat_rows)


# --------------------------------------------------------------------------- evaluation


def out_of_fold_scores(sets: list[list[dict]], pool: list[dict]) -> None:
    """For each item of each set, p_drop and p_stat from models trained on the
    documents of ``pool`` that lie in other folds (other batches)."""
    everything = [d for docs in sets for d in docs]
    for fold in sorted({fold_of(d["name"]) for d in everything}):
        drop_w, stat_w = train([d for d in pool if fold_of(d["name"]) != fold])
        for doc in everything:
            if fold_of(doc["name"]) == fold:
                doc["p_drop"] = [learned.logistic(drop_w, f) for f in doc["features"]]
                doc["p_stat"] = [learned.logistic(stat_w, f) for f in doc["features"]]


OFF = 2.0  # a threshold no probability passes: that decision is never taken
Thresholds = tuple[float, float, float]  # drop, as_statistic, as_target


def reviewed(doc: dict, th: Thresholds) -> list[dict]:
    model = learned.Model({}, {}, th[0], th[1], th[2])
    out = []
    for item, pd, ps in zip(doc["rule_items"], doc["p_drop"], doc["p_stat"], strict=True):
        kept = learned.decide(dict(item), pd, ps, model)
        if kept is not None:
            out.append(kept)
    return out


def figures(docs: list[dict], items_of) -> dict:
    scored = [
        {
            "name": d["name"],
            "text": d["text"],
            "annotations": d["annotations"],
            "extracted": items_of(d),
            "extracted_text": d["extracted_text"],
        }
        for d in docs
    ]
    f = score(scored)
    target = f["by_kind"].get("target", {})
    stat = f["by_kind"].get("statistic", {})
    pairs = f["pairs"]
    return {
        "targets_R": target.get("recall"),
        "targets_P": target.get("precision"),
        "statistics_R": stat.get("recall"),
        "statistics_P": stat.get("precision"),
        "owners": (pairs["target_owner_right"], pairs["target_pairs"]),
    }


def _pct(x) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def _line(label: str, f: dict) -> str:
    right, total = f["owners"]
    return (
        f"  {label:<22} targets R {_pct(f['targets_R'])} P {_pct(f['targets_P'])}  "
        f"statistics R {_pct(f['statistics_R'])} P {_pct(f['statistics_P'])}  "
        f"owners {right}/{total}"
    )


def _acceptable(base: dict, new: dict) -> bool:
    """The decision rule of the task: targets R and statistics R down at most 0.5 point."""
    return (
        new["targets_R"] >= base["targets_R"] - 0.005
        and new["statistics_R"] >= base["statistics_R"] - 0.005
    )


def choose_thresholds(docs: list[dict], base: dict) -> tuple[Thresholds, dict]:
    """Thresholds with the best pooled targets P that keep both recalls (see _acceptable),
    found one decision at a time: drop, then target -> statistic, then statistic -> target."""
    best: list[float] = [OFF, OFF, OFF]
    best_f = base
    for position, grid in ((0, DROP_GRID), (1, SWITCH_GRID), (2, SWITCH_GRID)):
        for value in grid:
            trial = list(best)
            trial[position] = value
            th = (trial[0], trial[1], trial[2])
            f = figures(docs, lambda d, th=th: reviewed(d, th))
            print(_line(f"drop/stat/target {th}", f), flush=True)
            if _acceptable(base, f) and f["targets_P"] > best_f["targets_P"]:
                best, best_f = trial, f
    return (best[0], best[1], best[2]), best_f


def report(title: str, docs: list[dict], th: Thresholds, per_fold: bool = True) -> None:
    base = figures(docs, lambda d: d["rule_items"])
    best = figures(docs, lambda d: reviewed(d, th))
    print(f"\n== {title}: grouped CV, pooled over {len(docs)} documents")
    print(_line("rules alone", base))
    print(_line(f"rules + review {th}", best))
    if not per_fold:
        return
    print("  per fold (rules alone, then rules + review)")
    for fold in sorted({fold_of(d["name"]) for d in docs}):
        part = [d for d in docs if fold_of(d["name"]) == fold]
        print(_line(f"{fold} rules", figures(part, lambda d: d["rule_items"])))
        print(_line(f"{fold} + review", figures(part, lambda d: reviewed(d, th))))


def cross_validate(docs: list[dict], cold: list[dict], pool: list[dict]) -> Thresholds:
    """Grouped CV on today's engine (thresholds chosen there) and on the cold outputs."""
    out_of_fold_scores([docs, cold], pool)
    print("\n-- thresholds on today's engine")
    th, _ = choose_thresholds(docs, figures(docs, lambda d: d["rule_items"]))
    print("\n-- thresholds on the cold outputs (for comparison only)")
    cold_th, _ = choose_thresholds(cold, figures(cold, lambda d: d["rule_items"]))
    report("today's engine on the development documents", docs, th)
    report("each batch's cold engine on its batch", cold, th, per_fold=False)
    report("each batch's cold engine, its own best thresholds", cold, cold_th)
    return th


# --------------------------------------------------------------------------- model file


def write_model(docs: list[dict], th: Thresholds, command: str, bigrams: bool, path: Path) -> None:
    drop_w, stat_w = train(docs)

    def rounded(weights: dict[str, float]) -> dict[str, float]:
        return {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 1e-4}

    names = sorted(set(drop_w) | set(stat_w))
    labels = [lab for d in docs for lab in d["labels"]]
    model = {
        "bigrams": bigrams,
        "command": command,
        "documents": len(docs),
        "items": len(labels),
        "labels": {k: labels.count(k) for k in ("target", "statistic", "none")},
        "training": {"epochs": EPOCHS, "l2": L2, "rate": RATE, "seed": SEED},
        "features": names,
        "drop": {"weights": rounded(drop_w)},
        "statistic": {"weights": rounded(stat_w)},
        "thresholds": {"drop": th[0], "as_statistic": th[1], "as_target": th[2]},
    }
    path.write_text(
        json.dumps(model, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {path} ({len(names)} features, {len(labels)} items)")


def speed(docs: list[dict], repeat: int) -> None:
    """CPU time of extract and of review on the development documents (one call on
    all of them joined, the way bench/intake_speed.py's "one call" reads them)."""
    import time

    text = "\n\n".join(d["text"] for d in docs if d["name"].startswith("own/"))
    size = len(text.encode("utf-8")) / 1e6
    best_extract = best_review = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        result = extract(text)
        t1 = time.process_time()
        learned.review(list(result.items), result.text)
        t2 = time.process_time()
        best_extract, best_review = min(best_extract, t1 - t0), min(best_review, t2 - t1)
    print(
        f"one call on {size:.2f} MB: extract {best_extract:.2f} s ({size / best_extract:.2f} MB/s), "
        f"review {best_review:.3f} s ({100 * best_review / best_extract:.1f}% of extract), "
        f"with review {size / (best_extract + best_review):.2f} MB/s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", action="store_true", help="grouped cross-validation")
    parser.add_argument("--write", action="store_true", help="write intake_learned_model.json")
    parser.add_argument(
        "--train-on",
        choices=("current", "cold", "both"),
        default="both",
        help="today's engine's items, the cold engines' items, or both",
    )
    parser.add_argument("--bigrams", action="store_true", help="hashed clause bigrams too")
    parser.add_argument(
        "--thresholds",
        nargs=3,
        type=float,
        metavar=("DROP", "AS_STATISTIC", "AS_TARGET"),
        help="write the model with these thresholds (those a --cv run chose) without CV",
    )
    parser.add_argument("--speed", type=int, metavar="REPEAT", help="time extract and review")
    args = parser.parse_args(argv)
    if args.speed:
        speed(load_documents(OWN, prefix="own/", patterns=DEV_PATTERNS), args.speed)
        return 0
    docs = load_dev()
    cold = cold_outputs(docs)
    featurise(docs, args.bigrams)
    featurise(cold, args.bigrams)
    for title, part in (("today's engine", docs), ("cold engines", cold)):
        labels = [lab for d in part for lab in d["labels"]]
        print(
            f"{title}: {len(part)} documents, {len(labels)} items: "
            + ", ".join(f"{k} {labels.count(k)}" for k in ("target", "statistic", "none"))
        )
    pool = {"current": docs, "cold": cold, "both": docs + cold}[args.train_on]
    th: Thresholds = (OFF, OFF, OFF)
    if args.thresholds:
        th = (args.thresholds[0], args.thresholds[1], args.thresholds[2])
    elif args.cv or args.write:
        th = cross_validate(docs, cold, pool)
    if args.write:
        command = f"{TRAIN_COMMAND} --train-on {args.train_on}" + (
            " --bigrams" if args.bigrams else ""
        )
        command += " --thresholds " + " ".join(str(t) for t in th)
        write_model(pool, th, command, args.bigrams, learned.MODEL_PATH)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
