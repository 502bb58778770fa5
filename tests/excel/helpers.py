"""Workbooks for the Excel tests, built with openpyxl as a person's spreadsheet would be."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from luoshi.excel.ledger import HAZARD_COLUMNS, PROJECT_COLUMNS

HAZARD_HEADERS = [c.header for c in HAZARD_COLUMNS]
PROJECT_HEADERS = [c.header for c in PROJECT_COLUMNS]


def hazard_row(**changes):
    row = {
        "编号": None,
        "隐患描述": "燃气管道老化锈蚀",
        "领域": "燃气",
        "隐患地点": "幸福小区3号楼",
        "场所类型": "居民小区",
        "隐患等级": "重大",
        "发现日期": date(2025, 6, 1),
        "发现人": "张三",
        "责任单位": "市住建局",
        "整改期限": date(2025, 8, 1),
        "整改措施": "更换管道",
        "状态": None,
        "责任人": "李四",
        "资金(万元)": 12.5,
        "应急预案": "疏散预案",
    }
    row.update(changes)
    return row


def project_row(**changes):
    row = {
        "编号": None,
        "项目名称": "新能源电池项目",
        "投资方": "某某新能源有限公司",
        "来源地": "广东深圳",
        "产业链": "新能源",
        "计划投资(万元)": 50000,
        "到位资金(万元)": 1200.5,
        "责任单位": "市商务局",
        "当前阶段": "签约",
        "阶段日期": date(2025, 5, 20),
        "放弃日期": None,
        "放弃原因": None,
        "备注": "",
    }
    row.update(changes)
    return row


def ledger_book(rows, headers, title="安全隐患", extra_sheets=()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers] if isinstance(row, dict) else row)
    for name in extra_sheets:
        book.create_sheet(name)["A1"] = "x"
    return save(book)


def save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(data: bytes, name="ledger.xlsx"):
    return SimpleUploadedFile(
        name,
        data,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def read(content: bytes):
    return load_workbook(io.BytesIO(content))
