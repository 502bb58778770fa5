"""Ledger rows for the persona city, entered through the actions as their units would.

commerce: `project` (签约 on 2025-03-10); housing_team: `hazard` (open, ordinary) and
`major` (open major hazard with its 五落实, deadline 2025-06-30: overdue on 2025-07-15);
housing: `housing_hazard` (rectified, awaiting verification).
"""

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.ledgers import actions

# The smallest files that pass the upload check (the bytes every such file starts with).
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def jpeg(name: str = "现场.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, JPEG, "image/jpeg")


def project_fields(unit, **overrides) -> dict:
    return {
        "name": "新能源电池项目",
        "investor": "青禾新能源有限公司",
        "origin": "长三角",
        "industry_chain": "新能源",
        "planned_amount": Decimal("52000"),
        "paid_in_amount": Decimal("0"),
        "unit": unit,
        **overrides,
    }


def hazard_fields(unit, **overrides) -> dict:
    return {
        "description": "燃气管道老化，存在泄漏风险",
        "domain": "gas",
        "place": "幸福小区3号楼",
        "place_kind": "residential",
        "level": "ordinary",
        "found_on": date(2025, 7, 1),
        "found_by": "住建安全科 王工",
        "unit": unit,
        "deadline": date(2025, 8, 31),
        "measures": "更换老旧管道",
        **overrides,
    }


def add_ledger_rows(c) -> None:
    """Adds the rows above to the persona city `c` (a PlanCity, today 2025-07-15)."""
    c.project = actions.create_project(
        c.commerce_reporter,
        stage="signed",
        stage_date=date(2025, 3, 10),
        **project_fields(c.commerce),
    )
    c.hazard = actions.create_hazard(c.team_reporter, **hazard_fields(c.housing_team))
    c.major = actions.create_hazard(
        c.team_reporter,
        **hazard_fields(
            c.housing_team,
            description="学校消防通道被占用",
            domain="fire",
            place="青禾一中",
            place_kind="school",
            level="major",
            found_on=date(2025, 6, 1),
            deadline=date(2025, 6, 30),
            responsible_person="李校长",
            funds=Decimal("12.5"),
            contingency_plan="设置临时疏散通道",
        ),
    )
    c.photo = actions.add_hazard_photo(c.major, c.team_reporter, moment="before", upload=jpeg())
    c.housing_hazard = actions.create_hazard(
        c.housing_reporter,
        **hazard_fields(c.housing, place="建设路工地", domain="construction", place_kind="other"),
    )
    actions.move_hazard(
        c.housing_hazard, c.housing_reporter, status="rectified", on=date(2025, 7, 10)
    )
