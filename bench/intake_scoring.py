"""Score extracted targets and statistics against hand annotations.

The procedure is the one of the intake corpus README, section 5
(/work/shared/corpus/README.md):

1. normalise extracted items (traditional -> simplified in ``unit`` and ``owner``;
   drop items whose ``kind`` is neither ``target`` nor ``statistic``);
2. drop extracted duplicates: an extracted item that would match an annotated
   item already matched by another extracted item counts neither for nor
   against the extractor;
3. match one to one, preferring candidates whose snippet overlaps the annotated
   snippet.  Valued items (statistics; cumulative, growth and level targets)
   match on kind, unit, value (1e-6 relative) and comparator direction; zero,
   floor and milestone items match on kind ``target``, equal ``target_kind`` and
   snippet overlap in the whitespace-stripped document;
4. report precision, recall and F1 overall, by kind, by annotated target_kind
   and by document, and on the matched pairs owner accuracy, target_kind
   accuracy (valued targets), period accuracy and the exact-comparator rate.

The one-to-one matching is a maximum-weight bipartite matching in which the
number of matched pairs always dominates; among equally large matchings, snippet
overlap is preferred, then an exact comparator, period, target_kind and owner.

Also here: ``check_annotation`` (the snippet check of README section 3.7 and the
format of section 2) and ``load_documents`` for a corpus directory.
"""

from __future__ import annotations

import fnmatch
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

FIELDS = (
    "kind",
    "target_kind",
    "owner",
    "metric",
    "comparator",
    "value",
    "unit",
    "period",
    "snippet",
)
KINDS = ("target", "statistic")
TARGET_KINDS = ("cumulative", "growth", "level", "zero", "floor", "milestone")
VALUED_TARGET_KINDS = ("cumulative", "growth", "level")
SNIPPET_TARGET_KINDS = ("zero", "floor", "milestone")
COMPARATORS = (">=", ">", "=", "~", "<=", "<", "none")
UP = frozenset({">=", ">", "=", "~"})
DOWN = frozenset({"<=", "<"})
REL_TOL = 1e-6
STATISTIC_BUCKET = "(statistic)"

_WS = re.compile(r"\s+")


# --------------------------------------------------------------------------- normalising


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def norm_label(value: Any) -> str | None:
    """Normalise a unit or owner: NFKC, traditional -> simplified, trimmed."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    return to_simplified(text)


def owner_names(text: str) -> list[str]:
    """The names of a joint owner "A、B": split at 、 outside brackets, so that a group
    printed with its levels in brackets (各县〔市、区〕政府, 各县(市、区)) stays one name.

    The engine splits its owners the same way (``owners._split_outside_brackets``); the
    scorer keeps its own copy, as it imports nothing of the engine it measures."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in "(（〔[【":
            depth += 1
        elif ch in ")）〕]】":
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return [p for p in out if p]


def owner_set(value: Any) -> frozenset[str] | None:
    text = norm_label(value)
    if text is None:
        return None
    parts = frozenset(owner_names(text))
    return parts or None


def owner_right(ann: dict, ext: dict) -> bool:
    """Is the extracted item's owner the annotated one?

    The same set of names, in any order; or, for a joint owner annotated
    "A、B", the item's lead ``owner`` is A (the annotation's first name) and its
    ``co_owners`` are the rest.  The second rule holds from the cold score of
    batch 8 on (docs/performance.md, "Intake: cold scores on new documents").
    """
    want = owner_set(ann.get("owner"))
    if owner_set(ext.get("owner")) == want:
        return True
    co = ext.get("co_owners") or []
    if not want or len(want) < 2 or not co:
        return False
    names = owner_names(norm_label(ann.get("owner")) or "")
    lead = norm_label(ext.get("owner"))
    rest = frozenset(n for c in co if (n := norm_label(c)))
    return lead == names[0] and lead not in rest and rest | {lead} == want


def direction(comparator: Any) -> str | None:
    if comparator in UP:
        return "up"
    if comparator in DOWN:
        return "down"
    return None


def strip_ws(text: str) -> str:
    return _WS.sub("", text)


def _as_float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def values_equal(extracted: Any, annotated: Any) -> bool:
    a = _as_float(annotated)
    e = _as_float(extracted)
    if a is None or e is None:
        return False
    return abs(e - a) <= REL_TOL * abs(a)


def is_valued(item: dict) -> bool:
    """Statistics and cumulative/growth/level targets carry a value."""
    if item.get("kind") == "statistic":
        return True
    return item.get("target_kind") in VALUED_TARGET_KINDS


def strip_source_line(raw: str) -> str:
    """The document text without its first line if that is ``# source: ...``."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    first, sep, rest = raw.partition("\n")
    if first.startswith("# source:"):
        return rest
    return raw


# --------------------------------------------------------------------------- locating snippets


def _norm_chars(text: str) -> tuple[str, list[int]]:
    """Per-character NFKC + t2s normalisation with a map back to ``text`` indices."""
    out: list[str] = []
    index: list[int] = []
    conv = _t2s()
    for i, ch in enumerate(text):
        n = unicodedata.normalize("NFKC", ch)
        if len(n) == 1:
            n = conv.convert(n)
        for c in n:
            out.append(c)
            index.append(i)
    return "".join(out), index


class DocumentText:
    """A document with all whitespace removed, and ways to place snippets in it."""

    def __init__(self, text: str):
        self.text = text
        self.stripped = strip_ws(text)
        self._normed: tuple[str, list[int]] | None = None
        self._alignments: dict[str, tuple[str, list[int]]] = {}

    def find(self, snippet: str | None) -> range | None:
        """Positions (in ``stripped``) of the first occurrence of ``snippet``."""
        if not snippet:
            return None
        needle = strip_ws(snippet)
        if not needle:
            return None
        pos = self.stripped.find(needle)
        if pos >= 0:
            return range(pos, pos + len(needle))
        # Fall back to a search insensitive to width and script.
        if self._normed is None:
            self._normed = _norm_chars(self.stripped)
        hay, index = self._normed
        n_needle, _ = _norm_chars(needle)
        pos = hay.find(n_needle)
        if pos >= 0:
            return range(index[pos], index[pos + len(n_needle) - 1] + 1)
        return None

    def _alignment(self, other_text: str) -> tuple[str, list[int]]:
        """Map each non-whitespace character of ``other_text`` to a position here.

        ``other_text`` is the extractor's repaired text.  The result is the
        stripped ``other_text`` and, for each of its characters, the position in
        ``self.stripped`` (-1 where the character has no counterpart).
        """
        cached = self._alignments.get(other_text)
        if cached is not None:
            return cached
        other = strip_ws(other_text)
        if other == self.stripped:
            mapping = list(range(len(other)))
        else:
            mapping = [-1] * len(other)
            a, _ = _norm_chars_same_length(self.stripped)
            b, _ = _norm_chars_same_length(other)
            matcher = SequenceMatcher(None, a, b, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    for k in range(j2 - j1):
                        mapping[j1 + k] = i1 + k
                elif tag == "replace":
                    span_a, span_b = i2 - i1, j2 - j1
                    for k in range(span_b):
                        mapping[j1 + k] = i1 + min(span_a - 1, k * span_a // span_b)
        self._alignments[other_text] = (other, mapping)
        return other, mapping

    def locate_extracted(self, item: dict, extracted_text: str | None) -> range | set | None:
        """Where an extracted item's snippet lies in ``stripped``.

        Uses ``start``/``end`` (offsets into ``extracted_text``) when present and
        sensible, else the first occurrence of the snippet.
        """
        start, end = item.get("start"), item.get("end")
        source = extracted_text if extracted_text is not None else self.text
        if (
            isinstance(start, int)
            and isinstance(end, int)
            and not isinstance(start, bool)
            and 0 <= start < end <= len(source)
        ):
            # Positions of the span's non-whitespace characters in stripped source.
            prefix = len(strip_ws(source[:start]))
            length = len(strip_ws(source[start:end]))
            if length:
                _, mapping = self._alignment(source)
                positions = {p for p in mapping[prefix : prefix + length] if p >= 0}
                if positions:
                    return positions
        return self.find(item.get("snippet"))


def _norm_chars_same_length(text: str) -> tuple[str, None]:
    """NFKC + t2s per character, keeping one output character per input character."""
    conv = _t2s()
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        if len(n) == 1:
            n = conv.convert(n)
        out.append(n if len(n) == 1 else ch)
    return "".join(out), None


def _overlaps(a: range | set | None, b: range | set | None) -> bool:
    if not a or not b:
        return False
    if isinstance(a, range) and isinstance(b, range):
        return a.start < b.stop and b.start < a.stop
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return any(p in big for p in small)


# --------------------------------------------------------------------------- matching


def _hungarian_max(weights: list[list[float]]) -> list[int]:
    """Maximum-weight assignment. Returns, for each row, its column or -1.

    ``weights`` is an n x m matrix of non-negative weights (0 = no edge).
    Classic O(n^2 m) shortest-augmenting-path algorithm on costs = -weight,
    padded to a square matrix.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return [-1] * n
    size = max(n, m)
    cost = [[0.0] * (size + 1) for _ in range(size + 1)]
    for i in range(n):
        row = weights[i]
        for j in range(m):
            cost[i + 1][j + 1] = -row[j]
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    p = [0] * (size + 1)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0][j] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    result = [-1] * n
    for j in range(1, size + 1):
        i = p[j]
        if 1 <= i <= n and j <= m and weights[i - 1][j - 1] > 0:
            result[i - 1] = j - 1
    return result


@dataclass
class DocumentResult:
    name: str
    annotated: list[dict]
    extracted: list[dict]  # after normalisation, before dropping duplicates
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (annotated, extracted)
    overlap: dict[tuple[int, int], bool] = field(default_factory=dict)
    duplicates: list[int] = field(default_factory=list)
    false_positives: list[int] = field(default_factory=list)
    misses: list[int] = field(default_factory=list)
    dropped_kind: int = 0


def normalise_extracted(items: Iterable[dict]) -> tuple[list[dict], int]:
    """Step 1: keep target/statistic items, t2s on unit and owner."""
    kept: list[dict] = []
    dropped = 0
    for raw in items:
        item = dict(raw)
        if item.get("kind") not in KINDS:
            dropped += 1
            continue
        item["unit"] = norm_label(item.get("unit"))
        item["owner"] = norm_label(item.get("owner"))
        if item.get("co_owners"):
            item["co_owners"] = [norm_label(c) for c in item["co_owners"]]
        kept.append(item)
    return kept, dropped


def _candidate(ann: dict, ext: dict, overlap: bool) -> bool:
    if is_valued(ann):
        return (
            ext.get("kind") == ann.get("kind")
            and ext.get("unit") == norm_label(ann.get("unit"))
            and values_equal(ext.get("value"), ann.get("value"))
            and direction(ext.get("comparator")) is not None
            and direction(ext.get("comparator")) == direction(ann.get("comparator"))
        )
    return (
        ext.get("kind") == "target" and ext.get("target_kind") == ann.get("target_kind") and overlap
    )


def _tiebreak(ann: dict, ext: dict, overlap: bool) -> float:
    score = 0.0
    if overlap:
        score += 16
    if ext.get("comparator") == ann.get("comparator"):
        score += 4
    if ext.get("period") == ann.get("period"):
        score += 2
    if ext.get("target_kind") == ann.get("target_kind"):
        score += 1
    if owner_right(ann, ext):
        score += 0.5
    return score


def score_document(
    name: str,
    text: str,
    annotated: list[dict],
    extracted: list[dict],
    extracted_text: str | None = None,
) -> DocumentResult:
    """Match one document's extracted items to its annotation (steps 1-3)."""
    ext_items, dropped = normalise_extracted(extracted)
    result = DocumentResult(name=name, annotated=list(annotated), extracted=ext_items)
    result.dropped_kind = dropped
    doc = DocumentText(text)
    ann_spans = [doc.find(a.get("snippet")) for a in annotated]
    ext_spans = [doc.locate_extracted(e, extracted_text) for e in ext_items]

    big = 1_000_000.0
    weights = [[0.0] * len(ext_items) for _ in annotated]
    has_edge = [False] * len(ext_items)
    for i, ann in enumerate(annotated):
        for j, ext in enumerate(ext_items):
            overlap = _overlaps(ann_spans[i], ext_spans[j])
            if _candidate(ann, ext, overlap):
                weights[i][j] = big + _tiebreak(ann, ext, overlap)
                result.overlap[(i, j)] = overlap
                has_edge[j] = True
    assignment = _hungarian_max(weights) if annotated and ext_items else [-1] * len(annotated)
    matched_ext = set()
    for i, j in enumerate(assignment):
        if j >= 0:
            result.pairs.append((i, j))
            matched_ext.add(j)
        else:
            result.misses.append(i)
    for j in range(len(ext_items)):
        if j in matched_ext:
            continue
        # Every annotated item this one could match is matched already (the
        # matching is maximum), so it is a duplicate of that fact: dropped.
        if has_edge[j]:
            result.duplicates.append(j)
        else:
            result.false_positives.append(j)
    return result


# --------------------------------------------------------------------------- reporting


def _prf(matched_ext: int, n_ext: int, matched_ann: int, n_ann: int) -> dict:
    precision = matched_ext / n_ext if n_ext else None
    recall = matched_ann / n_ann if n_ann else None
    if precision is None or recall is None:
        f1 = None
    elif precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return {
        "extracted": n_ext,
        "annotated": n_ann,
        "matched": matched_ann,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


class _Counter:
    def __init__(self):
        self.n_ext = 0
        self.n_ann = 0
        self.matched_ext = 0
        self.matched_ann = 0
        self.duplicates = 0

    def figures(self) -> dict:
        out = _prf(self.matched_ext, self.n_ext, self.matched_ann, self.n_ann)
        out["duplicates_dropped"] = self.duplicates
        return out


def _tk_bucket(item: dict) -> str:
    if item.get("kind") == "statistic":
        return STATISTIC_BUCKET
    return str(item.get("target_kind"))


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def aggregate(results: list[DocumentResult]) -> dict:
    """Step 4: the figures for a list of matched documents."""
    overall = _Counter()
    by_kind: dict[str, _Counter] = {}
    by_tk: dict[str, _Counter] = {}
    by_doc: dict[str, dict] = {}
    pairs_n = owner_ok = period_ok = comp_ok = 0
    tk_n = tk_ok = 0
    target_pairs = target_owner_ok = 0

    def counters(*keys):
        out = [overall]
        for table, key in keys:
            out.append(table.setdefault(key, _Counter()))
        return out

    for res in results:
        doc = _Counter()
        duplicate_set = set(res.duplicates)
        matched_of_ext = {j: i for i, j in res.pairs}
        for ann in res.annotated:
            for c in counters((by_kind, ann.get("kind")), (by_tk, _tk_bucket(ann))) + [doc]:
                c.n_ann += 1
        for i, _j in res.pairs:
            ann = res.annotated[i]
            for c in counters((by_kind, ann.get("kind")), (by_tk, _tk_bucket(ann))) + [doc]:
                c.matched_ann += 1
                c.matched_ext += 1
        for j, ext in enumerate(res.extracted):
            if j in duplicate_set:
                for c in counters((by_kind, ext.get("kind"))) + [doc]:
                    c.duplicates += 1
                continue
            # A matched extracted item is filed under its annotated partner's
            # target_kind; an unmatched one under its own.
            ref = res.annotated[matched_of_ext[j]] if j in matched_of_ext else ext
            for c in counters((by_kind, ext.get("kind")), (by_tk, _tk_bucket(ref))) + [doc]:
                c.n_ext += 1
        by_doc[res.name] = doc.figures()

        for i, j in res.pairs:
            ann, ext = res.annotated[i], res.extracted[j]
            pairs_n += 1
            right = owner_right(ann, ext)
            owner_ok += right
            if ann.get("kind") == "target":
                target_pairs += 1
                target_owner_ok += right
            period_ok += ext.get("period") == ann.get("period")
            comp_ok += ext.get("comparator") == ann.get("comparator")
            if ann.get("kind") == "target" and ann.get("target_kind") in VALUED_TARGET_KINDS:
                tk_n += 1
                tk_ok += ext.get("target_kind") == ann.get("target_kind")

    return {
        "documents": len(results),
        "overall": overall.figures(),
        "by_kind": {k: c.figures() for k, c in sorted(by_kind.items(), key=lambda kv: str(kv[0]))},
        "by_target_kind": {
            k: by_tk[k].figures()
            for k in sorted(by_tk, key=lambda k: (_TK_ORDER.get(k, 99), str(k)))
        },
        "by_document": by_doc,
        "pairs": {
            "matched_pairs": pairs_n,
            "owner_accuracy": _rate(owner_ok, pairs_n),
            # The "owners" column of the cold-score table: matched targets only.
            "target_pairs": target_pairs,
            "target_owner_right": target_owner_ok,
            "target_owner_accuracy": _rate(target_owner_ok, target_pairs),
            "target_kind_accuracy": _rate(tk_ok, tk_n),
            "target_kind_pairs": tk_n,
            "period_accuracy": _rate(period_ok, pairs_n),
            "comparator_exact_rate": _rate(comp_ok, pairs_n),
        },
    }


_TK_ORDER = {k: n for n, k in enumerate((*TARGET_KINDS, STATISTIC_BUCKET))}


def _brief(item: dict) -> dict:
    keys = ("kind", "target_kind", "owner", "metric", "comparator", "value", "unit", "period")
    out = {k: item.get(k) for k in keys}
    if item.get("co_owners"):
        out["co_owners"] = item["co_owners"]
    out["snippet"] = item.get("snippet")
    if "start" in item:
        out["start"], out["end"] = item.get("start"), item.get("end")
    return out


def errors(results: list[DocumentResult]) -> dict:
    """Misses and false positives per document, plus pairs with wrong details."""
    out = {}
    for res in results:
        mismatched = []
        for i, j in res.pairs:
            ann, ext = res.annotated[i], res.extracted[j]
            diffs = [
                k
                for k, same in (
                    ("owner", owner_right(ann, ext)),
                    ("period", ext.get("period") == ann.get("period")),
                    ("comparator", ext.get("comparator") == ann.get("comparator")),
                    ("target_kind", ext.get("target_kind") == ann.get("target_kind")),
                )
                if not same
            ]
            if diffs:
                mismatched.append(
                    {"fields": diffs, "annotated": _brief(ann), "extracted": _brief(ext)}
                )
        out[res.name] = {
            "misses": [_brief(res.annotated[i]) for i in res.misses],
            "false_positives": [_brief(res.extracted[j]) for j in res.false_positives],
            "duplicates_dropped": [_brief(res.extracted[j]) for j in res.duplicates],
            "matched_with_wrong_details": mismatched,
        }
    return out


def score(documents: Iterable[dict]) -> dict:
    """Score extracted items against annotations.

    Each document is a dict with ``name``, ``text`` (the document text without
    its ``# source:`` line), ``annotations`` (list of annotated items),
    ``extracted`` (list of extracted items) and optionally ``extracted_text``
    (the extractor's repaired text that ``start``/``end`` refer to; default: the
    document text itself).

    Returns the figures of :func:`aggregate` plus ``errors`` (see :func:`errors`).
    """
    results = [
        score_document(
            d["name"],
            d["text"],
            d.get("annotations") or [],
            d.get("extracted") or [],
            d.get("extracted_text"),
        )
        for d in documents
    ]
    figures = aggregate(results)
    figures["errors"] = errors(results)
    return figures


# --------------------------------------------------------------------------- corpus files


def load_documents(
    corpus_dir: str | Path, prefix: str = "", patterns: Sequence[str] | None = None
) -> list[dict]:
    """The annotated documents of a corpus directory (docs/*.txt + annotations/*.jsonl).

    Each document: ``name`` (prefix + file stem), ``path``, ``raw`` (the whole
    file), ``text`` (without the ``# source:`` line) and ``annotations``.
    Documents without an annotation file are skipped.  With ``patterns``, only
    the documents whose file stem matches one of these shell patterns are
    opened at all (a batch kept for a cold score is never read).
    """
    corpus = Path(corpus_dir)
    docs = []
    for path in sorted((corpus / "docs").glob("*.txt")):
        if patterns is not None and not any(
            fnmatch.fnmatchcase(path.stem, pat) for pat in patterns
        ):
            continue
        ann_path = corpus / "annotations" / (path.stem + ".jsonl")
        if not ann_path.exists():
            continue
        raw = path.read_text(encoding="utf-8")
        docs.append(
            {
                "name": prefix + path.stem,
                "path": str(path),
                "annotation_path": str(ann_path),
                "raw": raw,
                "text": strip_source_line(raw),
                "annotations": read_jsonl(ann_path),
            }
        )
    return docs


def read_jsonl(path: str | Path) -> list[dict]:
    items = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            items.append(json.loads(line))
    return items


# --------------------------------------------------------------------------- annotation check

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,  # a white circle typed for 〇 (百分之○點一)
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
# 兆 is 万亿 where Taiwan's papers write mainland figures (五點六七兆元); before 瓦 or 帕 it
# is the unit prefix mega, so a run ending in 兆 is also read without it (three hundred 兆瓦).
_CN_BIG = {"万": 10_000, "亿": 100_000_000, "兆": 1_000_000_000_000}
# A decimal point is written 点 (點 once simplified): 十点七 is 10.7, 四十九点五亿 4.95e9.
_CN_RUN = re.compile(
    r"[零〇○一二两三四五六七八九十百千万亿兆]+(?:点[零〇○一二三四五六七八九]+[万亿兆]*)?成?"
)
_CN_APPROX_INSIDE = re.compile(r"(?<=[十百千])[余多](?=[万亿])")
_THOUSANDS_SEP = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def chinese_number(run: str) -> float | None:
    """Value of a run of Chinese numerals (四十万 -> 400000, 四成 -> 40, 千 -> 1000,
    十点七 -> 10.7, 四十九点五亿 -> 4950000000)."""
    percent = run.endswith("成")
    if percent:
        run = run[:-1]
    if not run:
        return None
    if "点" in run:
        whole, _, rest = run.partition("点")
        decimals = "".join(str(_CN_DIGITS[ch]) for ch in rest if ch in _CN_DIGITS)
        scale = 1
        for ch in rest:
            scale *= _CN_BIG.get(ch, 1)
        base = chinese_number(whole) if whole else 0.0
        if base is None or not decimals:
            return None
        value = (base + float("0." + decimals)) * scale
        return value * 10 if percent else value
    total = _whole_number(run)
    return float(total * 10) if percent else float(total)


def _whole_number(run: str) -> int:
    """一万亿 -> 10**12, 三亿五千万 -> 350000000: what stands before the largest of 万, 亿
    and 兆 counts that many of it (so 万 inside 一万亿 scales 一, not the whole)."""
    for big in sorted(_CN_BIG, key=_CN_BIG.__getitem__, reverse=True):
        if big in run:
            before, _, after = run.rpartition(big)
            many = _whole_number(before) if before else 1
            return (many or 1) * _CN_BIG[big] + (_whole_number(after) if after else 0)
    section = 0
    digit = None
    for ch in run:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
    return section + (digit or 0)


def significant_digits(value: float) -> str:
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{float(value):.15f}"
    digits = text.replace(".", "").replace("-", "").lstrip("0").rstrip("0")
    return digits or "0"


def check_annotation(item: Any, document_text: str) -> list[str]:
    """Problems with one annotated item (README sections 2, 3 and the 3.7 check).

    ``document_text`` is the document without its ``# source:`` line.
    """
    if not isinstance(item, dict):
        return ["not a JSON object"]
    problems: list[str] = []
    if tuple(item.keys()) != FIELDS:
        problems.append(f"fields {tuple(item.keys())} are not exactly {FIELDS}")
        return problems
    kind, tk, comp = item["kind"], item["target_kind"], item["comparator"]
    value, unit, period, snippet = item["value"], item["unit"], item["period"], item["snippet"]
    if kind not in KINDS:
        problems.append(f"kind {kind!r}")
    if kind == "statistic" and tk is not None:
        problems.append("a statistic has target_kind null")
    if kind == "target" and tk not in TARGET_KINDS:
        problems.append(f"target_kind {tk!r}")
    if comp not in COMPARATORS:
        problems.append(f"comparator {comp!r}")
    if not isinstance(item["metric"], str) or not item["metric"]:
        problems.append("metric is empty")
    if item["owner"] is not None and (not isinstance(item["owner"], str) or not item["owner"]):
        problems.append("owner is neither a name nor null")
    if isinstance(item["owner"], str) and to_simplified(item["owner"]) != item["owner"]:
        problems.append("owner is not in simplified script")
    if isinstance(unit, str) and to_simplified(unit) != unit:
        problems.append("unit is not in simplified script")
    if tk == "zero":
        if comp != "=" or value != 0.0 or unit is not None:
            problems.append("a zero item is '=' 0.0 with unit null")
    elif tk == "floor":
        if value is not None or unit is not None or comp not in (">=", ">", "="):
            problems.append("a floor item has value and unit null and comparator >=, > or =")
    elif tk == "milestone":
        if comp != "none" or value is not None or unit is not None:
            problems.append("a milestone has comparator none, value and unit null")
        if period is None:
            problems.append("a milestone carries its deadline in period")
    elif kind in KINDS:
        if not isinstance(value, float):
            problems.append("a valued item's value is a float")
        if not isinstance(unit, str) or not unit:
            problems.append("a valued item has a unit")
        if comp == "none":
            problems.append("a valued item has a comparator other than none")
    if period is not None and not re.fullmatch(
        r"\d{4}(-\d{2}(-\d{2})?|Q\d(-Q\d)?|H\d|M\d{2}-M\d{2}|YTD|\S+)?", str(period)
    ):
        problems.append(f"period {period!r}")
    if not isinstance(snippet, str) or not strip_ws(snippet):
        problems.append("snippet is empty")
        return problems
    if strip_ws(snippet) not in strip_ws(document_text):
        problems.append("snippet is not a substring of the whitespace-stripped document")
    if isinstance(value, float) and tk != "zero":
        nfkc = unicodedata.normalize("NFKC", snippet)
        # A thousands separator (91,172) is formatting, not a digit of the value.
        digits_text = re.sub(r"[\s.]", "", _THOUSANDS_SEP.sub("", nfkc))
        sig = significant_digits(value)
        if sig not in digits_text:
            # 萬 is 万 once simplified, and 十余万 (over 100,000) holds the figure 十万.
            cn = _CN_APPROX_INSIDE.sub("", to_simplified(nfkc))
            found = _CN_RUN.findall(cn)
            found += [r.rstrip("兆") for r in found if r.endswith("兆")]
            runs = [chinese_number(r) for r in found]
            # A Chinese-numeral figure may be scaled by a following 万/亿 in the run.
            if not any(r is not None and values_equal(r, value) for r in runs):
                problems.append(f"the value's digits {sig} are not in the snippet")
    return problems
