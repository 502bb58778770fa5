"""What a bulletin prints, in order, whatever the format: docx.py, pdf.py and xlsx.py
all render this one structure, so the three files of an issue say the same thing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .compose import ANNEXES, HEADINGS, STATE_WORDS, chinese_date, percent
from .models import SECTIONS

# （一）…。 opens a paragraph whose heading (up to the first 。) is second-level (楷体).
SECOND_LEVEL = re.compile(r"^（[一二三四五六七八九十]+）[^。]*。?")


@dataclass
class Paragraph:
    heading: str  # a second-level heading at its start ("" for none)
    text: str


@dataclass
class Section:
    heading: str  # first-level (黑体)
    paragraphs: list[Paragraph]


@dataclass
class Annex:
    number: int
    title: str
    headers: list[str]
    rows: list[list]
    widths: list[int]  # column widths in millimetres, within the 156 mm text block

    @property
    def labelled_rows(self) -> list[list[tuple[str, object]]]:
        """Each row's cells with their column's name (a phone shows them stacked)."""
        return [list(zip(self.headers, row, strict=True)) for row in self.rows]

    @property
    def columns(self) -> list[tuple[str, int]]:
        return list(zip(self.headers, self.widths, strict=True))


@dataclass
class Layout:
    office: str
    issue_line: str
    correction_line: str
    title: str
    sections: list[Section]
    signature: str
    signed_on: str
    annexes: list[Annex] = field(default_factory=list)

    @property
    def annex_note(self) -> list[str]:
        """附件：1．… lines after the body (GB/T 9704-2012 7.3.4)."""
        return [f"{a.number}．{a.title}" for a in self.annexes]


def split_paragraph(line: str) -> Paragraph:
    match = SECOND_LEVEL.match(line)
    if match and match.group(0):
        return Paragraph(match.group(0), line[match.end() :])
    return Paragraph("", line)


def layout(bulletin) -> Layout:
    """The printed structure of `bulletin` (a saved one, or an unsaved draft)."""
    figures = bulletin.figures
    if bulletin.is_issued:
        issue_line = bulletin.issue_label
        signed_on = bulletin.issued_on
    else:
        issue_line = "（草稿）"
        signed_on = bulletin.at
    corrects = bulletin.corrects
    correction_line = (
        f"（本期更正{corrects.issue_label}《{corrects.title}》）" if corrects is not None else ""
    )
    sections = []
    for key in SECTIONS:
        text = (bulletin.sections or {}).get(key, "")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        sections.append(Section(HEADINGS[key], [split_paragraph(line) for line in lines]))
    return Layout(
        office=bulletin.office,
        issue_line=issue_line,
        correction_line=correction_line,
        title=bulletin.title,
        sections=sections,
        signature=bulletin.office,
        signed_on=chinese_date(signed_on if isinstance(signed_on, date) else bulletin.at),
        annexes=annexes(figures),
    )


def annexes(figures: dict) -> list[Annex]:
    ranking = Annex(
        1,
        ANNEXES[0],
        ["名次", "责任单位", "目标数", "已完成和序时推进", "占比", "滞后", "缺报"],
        [
            [
                u["rank"],
                u["name"],
                u["total"],
                u["good"],
                percent(u["share"]),
                u["behind"],
                u["missing"],
            ]
            for u in figures.get("ranking", [])
        ],
        [14, 46, 18, 26, 18, 16, 18],
    )
    behind = Annex(
        2,
        ANNEXES[1],
        ["序号", "责任单位", "目标", "状态", "原因"],
        [
            [i, line["unit_name"], line["name"], STATE_WORDS[line["state"]], line["reason"]]
            for i, line in enumerate(figures.get("behind_list", []), start=1)
        ],
        [12, 30, 38, 20, 56],
    )
    missing = Annex(
        3,
        ANNEXES[2],
        ["序号", "责任单位", "目标", "说明"],
        [
            [i, line["unit_name"], line["name"], line["reason"]]
            for i, line in enumerate(figures.get("missing_list", []), start=1)
        ],
        [12, 36, 48, 60],
    )
    return [ranking, behind, missing]
