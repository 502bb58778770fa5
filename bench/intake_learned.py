"""A learned second look at the items the rules produced (issue 15): an experiment.

It lives in bench/, not in the engine, because grouped cross-validation by cold
batch (``bench/intake_train.py --cv``) found it does not earn its place
(docs/performance.md, "Intake: a learned reviewer (measured)"); ``extract``
never calls it.

``review(items, text)`` scores every item with two small logistic models whose
weights live in ``intake_learned_model.json`` (written by ``bench/intake_train.py``):

* ``drop``: is this figure no target and no statistic at all?  Above the
  model's ``drop`` threshold the item is removed.
* ``statistic``: given it is a real item, is it a statistic rather than a
  target?  A valued target scored above the ``as_statistic`` threshold becomes
  a statistic; a statistic whose ``1 - score`` is above the ``as_target``
  threshold becomes a target.

The features are mostly the words around the figure (cue words in the clause
before it and after it, the sentence's years against the document's year, the
heading it stands under, the genre words of the document's opening); the
rules' own decision enters only as weak features, since on the documents the
rules were tuned on it is nearly always right and would teach nothing that
carries over.  Every decision is recorded on the item (``why["review"]``) with
its score, so the review screen can say why.

Plain Python at run time: a dot product and a logistic, no numpy.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("intake_learned_model.json")

# Cue words, each with its traditional form where that differs (documents come in
# both scripts).  The name is the simplified word; a feature fires when any form occurs.
CUES: dict[str, tuple[str, ...]] = {
    "目标": ("目标", "目標"),
    "力争": ("力争", "力爭"),
    "确保": ("确保", "確保"),
    "预期": ("预期", "預期"),
    "计划": ("计划", "計劃"),
    "任务": ("任务", "任務"),
    "要": ("要",),
    "将": ("将", "將"),
    "完成": ("完成",),
    "实现": ("实现", "實現"),
    "达到": ("达到", "達到"),
    "已": ("已",),
    "共": ("共",),
    "累计": ("累计", "累計"),
    "截至": ("截至", "截止"),
    "同比": ("同比",),
    "比上年": ("比上年", "较上年", "較上年"),
    "增长": ("增长", "增長"),
    "下降": ("下降", "减少", "減少"),
    "排名": ("排名", "排名第", "位居"),
    "位次": ("位次",),
    "通报": ("通报", "通報"),
    "考核": ("考核",),
    "分值": ("分值", "得分", "扣分", "计分", "計分"),
    "1-N月": ("1-", "1—", "1～", "1至"),
    "上半年": ("上半年", "一季度", "前三季度"),
    "全年": ("全年",),
    "以上": ("以上",),
    "以内": ("以内", "以下", "控制在"),
    "左右": ("左右",),
    "新增": ("新增",),
    "建成": ("建成",),
    "推进": ("推进", "推進"),
    "开展": ("开展", "開展"),
    "争取": ("争取", "爭取"),
    "到年底": ("年底", "年末"),
    "其中": ("其中",),
    "占": ("占", "佔"),
    "总": ("总", "總"),
    "约": ("约", "約"),
    "超过": ("超过", "超過", "突破"),
    "达": ("达", "達"),
    "我们": ("我们", "我們"),
    "记者": ("记者", "記者"),
    "元": ("元",),
}
HEADING_WORDS: dict[str, tuple[str, ...]] = {
    "回顾": ("回顾", "回顧"),
    "完成情况": ("完成情况", "完成情況", "工作情况", "工作情況", "主要成效", "成效"),
    "预期目标": ("预期目标", "預期目標", "主要目标", "主要目標", "目标任务", "目標任務"),
    "重点任务": ("重点任务", "重點任務", "重点工作", "重點工作", "工作任务", "工作任務"),
    "要点": ("要点", "要點", "安排", "计划", "計劃"),
    "总体要求": ("总体要求", "總體要求", "指导思想", "指導思想"),
    "保障": ("保障措施", "组织保障", "組織保障"),
}
GENRE_WORDS: dict[str, tuple[str, ...]] = {
    "工作报告": ("工作报告", "工作報告"),
    "要点": ("要点", "要點"),
    "分工": ("分工", "分解"),
    "通报": ("通报", "通報"),
    "进展": ("进展", "進展", "进度", "進度"),
    "会议": ("会议", "會議", "会上", "會上"),
    "访谈": ("专访", "專訪", "访谈", "訪談", "记者", "記者"),
    "规划": ("规划", "規劃"),
    "方案": ("方案", "实施意见", "實施意見"),
    "总结": ("总结", "總結"),
    "公报": ("公报", "公報", "统计", "統計"),
}

_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-5]\d)(?=年|\s*[-—–至]|$|[^\d])")
_SENT_END = "。；;！？!?\n"
_CLAUSE_END = "，,、：:" + _SENT_END
_LIST_START = re.compile(
    r"\s*(?:\d{1,2}[.、．)](?!\d)|[(（][\d一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
)
_HEADING_MAX = 30
_GENRE_SPAN = 300
_WINDOW = 60


@dataclass
class DocContext:
    """What one document tells every item in it."""

    year: int | None
    genre: tuple[str, ...]
    headings: list[tuple[int, str]]  # (start of the heading line, its text), in order
    heading_starts: list[int]
    heading_words: list[frozenset[str]]  # for each heading, the HEADING_WORDS names in it
    length: int


def _any(text: str, forms: tuple[str, ...]) -> bool:
    return any(f in text for f in forms)


def _form_index(words: dict[str, tuple[str, ...]]) -> tuple[re.Pattern, dict[str, frozenset]]:
    """One pattern finding, at every position, the longest form that starts there,
    and for each form the names of all forms it begins with (达到 is also 达): so
    the names found are exactly those whose form occurs somewhere in the text."""
    forms = sorted({f for fs in words.values() for f in fs}, key=len, reverse=True)
    pattern = re.compile("(?=(" + "|".join(re.escape(f) for f in forms) + "))")
    names = {
        form: frozenset(n for n, fs in words.items() if any(form.startswith(f) for f in fs))
        for form in forms
    }
    return pattern, names


_CUE_PATTERN, _CUE_NAMES = _form_index(CUES)


def _cues_in(text: str) -> frozenset[str]:
    found: set[str] = set()
    for form in _CUE_PATTERN.findall(text):
        found |= _CUE_NAMES[form]
    return frozenset(found)


def document_context(text: str) -> DocContext:
    opening = text[:_GENRE_SPAN]
    years = [int(y) for y in _YEAR.findall(opening)]
    genre = tuple(name for name, forms in GENRE_WORDS.items() if _any(opening, forms))
    headings: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if 0 < len(stripped) <= _HEADING_MAX and "。" not in stripped and "|" not in stripped:
            headings.append((pos, stripped))
        pos += len(line) + 1
    return DocContext(
        year=max(years) if years else None,
        genre=genre,
        headings=headings,
        heading_starts=[h[0] for h in headings],
        heading_words=[
            frozenset(n for n, forms in HEADING_WORDS.items() if _any(h, forms))
            for _, h in headings
        ],
        length=max(len(text), 1),
    )


def _back_to(text: str, pos: int, marks: str, limit: int) -> int:
    """Just after the last of ``marks`` before ``pos`` (at most ``limit`` back)."""
    lo = max(0, pos - limit)
    return max([text.rfind(m, lo, pos) for m in marks] + [lo - 1]) + 1


def _forward_to(text: str, pos: int, marks: str, limit: int) -> int:
    """The first of ``marks`` at or after ``pos`` (at most ``limit`` on)."""
    hi = min(len(text), pos + limit)
    found = [i for m in marks if (i := text.find(m, pos, hi)) >= 0]
    return min(found) if found else hi


def _unit_bucket(unit: Any) -> str:
    if unit is None:
        return "none"
    unit = str(unit)
    if unit in ("%", "个百分点", "‰"):
        return "share"
    if unit.endswith("元"):
        return "money"
    if unit in ("个", "项", "家", "件", "条", "所", "座", "次", "人", "户", "名", "人次"):
        return "count"
    if unit in ("位", "名次"):
        return "rank"
    return "other"


def features(item: dict, text: str, ctx: DocContext, bigrams: bool = False) -> list[str]:
    """The names of the features that fire for one item (all binary).

    With ``bigrams``, also the character pairs of the clause before the figure,
    hashed into BIGRAM_BUCKETS buckets (a stable hash: crc32).
    """
    start = item.get("start") if isinstance(item.get("start"), int) else None
    end = item.get("end") if isinstance(item.get("end"), int) else None
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        start = end = 0
    feats = ["bias"]
    why = item.get("why") or {}
    kind = item.get("kind")
    feats.append(f"rule.kind={kind}")
    feats.append(f"rule.tk={item.get('target_kind')}")
    feats.append(f"rule.cmp={item.get('comparator')}")
    feats.append(f"rule.why={why.get('kind')}")
    feats.append(f"unit={_unit_bucket(item.get('unit'))}")
    if item.get("value") is None:
        feats.append("value=none")

    sent_lo = _back_to(text, start, _SENT_END, 200)
    sent_hi = _forward_to(text, end, _SENT_END, 200)
    clause_lo = _back_to(text, start, _CLAUSE_END, _WINDOW)
    before = text[sent_lo:start]
    clause = text[clause_lo:start]
    after = text[end:sent_hi]
    prev_lo = _back_to(text, max(sent_lo - 1, 0), _SENT_END, 200)
    previous = text[prev_lo : max(sent_lo - 1, 0)]
    in_snippet = _cues_in(text[start:end])
    in_clause, in_before = _cues_in(clause), _cues_in(before)
    in_after, in_previous = _cues_in(after), _cues_in(previous)
    for name in CUES:
        if name in in_snippet:
            feats.append(f"snippet:{name}")
        if name in in_clause:
            feats.append(f"clause:{name}")
        elif name in in_before:
            feats.append(f"before:{name}")
        if name in in_after:
            feats.append(f"after:{name}")
        if name in in_previous:
            feats.append(f"prev:{name}")

    feats.extend(_year_features(text[sent_lo:sent_hi], item.get("period"), ctx.year))
    feats.extend(_heading_features(start, ctx))
    feats.extend(f"genre:{g}" for g in ctx.genre)
    feats.append(f"pos={min(4, 5 * start // ctx.length)}")

    line_lo = text.rfind("\n", 0, start) + 1
    line_hi = text.find("\n", end)
    line = text[line_lo : line_hi if line_hi >= 0 else len(text)]
    if "|" in line:
        feats.append("line:table")
    if _LIST_START.match(line):
        feats.append("line:list")
    if bigrams:
        feats.extend(_bigram_features(clause))
    return feats


BIGRAM_BUCKETS = 1024


def _bigram_features(clause: str) -> list[str]:
    pairs = {clause[i : i + 2] for i in range(len(clause) - 1)}
    return sorted(
        {f"bigram#{zlib.crc32(p.encode('utf-8')) % BIGRAM_BUCKETS}" for p in pairs if p.strip()}
    )


def _year_features(sentence: str, period: Any, doc_year: int | None) -> list[str]:
    years = [int(y) for y in _YEAR.findall(sentence)]
    out = []
    if not years:
        out.append("sent_year:none")
    elif doc_year is not None:
        if any(y < doc_year for y in years):
            out.append("sent_year:before_doc")
        if doc_year in years:
            out.append("sent_year:doc")
        if any(y > doc_year for y in years):
            out.append("sent_year:after_doc")
    period_year = _first_year(period)
    if period_year is None:
        out.append("period:none")
    elif doc_year is None:
        out.append("period:no_doc_year")
    else:
        diff = period_year - doc_year
        out.append(f"period:{'before' if diff < 0 else 'same' if diff == 0 else 'after'}")
    return out


def _first_year(period: Any) -> int | None:
    if not isinstance(period, str):
        return None
    m = re.match(r"(\d{4})", period)
    return int(m.group(1)) if m else None


def _heading_features(start: int, ctx: DocContext) -> list[str]:
    """Words of the nearest headings above the item (the last three short lines)."""
    k = bisect_right(ctx.heading_starts, start)
    names: set[str] = set()
    for words in ctx.heading_words[max(0, k - 3) : k]:
        names |= words
    return sorted(f"heading:{name}" for name in names)


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class Model:
    drop_weights: dict[str, float]
    stat_weights: dict[str, float]
    drop_threshold: float
    #: a valued target becomes a statistic when p_stat is above this
    as_statistic_threshold: float
    #: a statistic becomes a target when 1 - p_stat is above this
    as_target_threshold: float
    #: the model was trained with the hashed bigram features
    bigrams: bool = False


def logistic(weights: dict[str, float], feats: list[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def model_from_dict(data: dict) -> Model:
    return Model(
        drop_weights=dict(data["drop"]["weights"]),
        stat_weights=dict(data["statistic"]["weights"]),
        drop_threshold=float(data["thresholds"]["drop"]),
        as_statistic_threshold=float(data["thresholds"]["as_statistic"]),
        as_target_threshold=float(data["thresholds"]["as_target"]),
        bigrams=bool(data.get("bigrams", False)),
    )


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    """The shipped model, read once; None when the file is missing or unreadable."""
    try:
        return model_from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _as_statistic(item: dict) -> dict:
    out = dict(item)
    out["kind"] = "statistic"
    out["target_kind"] = None
    return out


def _as_target(item: dict) -> dict:
    out = dict(item)
    out["kind"] = "target"
    share = item.get("unit") in ("%", "个百分点")
    rising = any(w in str(item.get("metric") or "") for w in ("增长", "增長", "增速"))
    out["target_kind"] = "growth" if share and rising else "level"
    if out.get("comparator") in (None, "none", "=", "~"):
        out["comparator"] = ">="
    return out


def _with_review(item: dict, decision: str, score: float) -> dict:
    why = dict(item.get("why") or {})
    why["review"] = decision
    why["review_score"] = round(score, 3)
    item["why"] = why
    return item


def decide(item: dict, p_drop: float, p_stat: float, model: Model) -> dict | None:
    """One item after review: None (dropped), the item itself, or a switched copy."""
    if p_drop > model.drop_threshold:
        return None
    valued = item.get("value") is not None
    if item["kind"] == "target" and valued and p_stat > model.as_statistic_threshold:
        return _with_review(_as_statistic(item), "learned.as_statistic", p_stat)
    if item["kind"] == "statistic" and valued and 1.0 - p_stat > model.as_target_threshold:
        return _with_review(_as_target(item), "learned.as_target", 1.0 - p_stat)
    return item


def review(items: list[dict], text: str, model: Model | None = None) -> list[dict]:
    """The items kept, in their order, some switched between target and statistic.

    Never adds an item.  Without a model (no file) the items pass unchanged.
    """
    model = model or load_model()
    if model is None or not items:
        return items
    ctx = document_context(text)
    out = []
    for item in items:
        if item.get("kind") not in ("target", "statistic"):
            out.append(item)
            continue
        feats = features(item, text, ctx, model.bigrams)
        p_drop = logistic(model.drop_weights, feats)
        p_stat = logistic(model.stat_weights, feats)
        kept = decide(item, p_drop, p_stat, model)
        if kept is not None:
            out.append(kept)
    return out
