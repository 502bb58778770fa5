"""The .pdf reader gives back the document's lines, not the page's.

Each PDF is printed from a small HTML page by Chromium (A4, a CJK font), as a real
PDF would be: lines wrap at the page width, tables are drawn, a page number sits in
the footer. Skipped only where /usr/bin/chromium is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from luoshi.core.intake import extract, read_document
from luoshi.core.intake.readers import (
    _pdf_text,
    _PdfLine,
    _PdfPage,
    _strip_running_lines,
    _unradical,
    _unshare_glyphs,
    _unspread,
)

pytest.importorskip("pdfplumber")
CHROMIUM = Path("/usr/bin/chromium")

CSS = """
@page { size: A4; margin: 3cm 2.6cm 3cm 2.8cm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.6; }
p { margin: 0; text-indent: 2em; text-align: justify; }
h1 { font-size: 18pt; margin: 0.3em 0; text-indent: 0; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; }
td { border: 1px solid #000; padding: 2pt 4pt; }
"""
FOOTER = (
    '<div style="width:100%;text-align:center;font-size:12pt">'
    '— <span class="pageNumber"></span> —</div>'
)
HEADER = '<div style="width:100%;text-align:center;font-size:10pt">某某市人民政府公报</div>'


@pytest.fixture(scope="module")
def print_pdf(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium to print PDFs with")
    sync_api = pytest.importorskip("playwright.sync_api")
    pw = sync_api.sync_playwright().start()
    browser = pw.chromium.launch(executable_path=str(CHROMIUM))
    page = browser.new_page()
    folder = tmp_path_factory.mktemp("pdf")
    count = [0]

    def render(body: str, header: bool = False) -> Path:
        count[0] += 1
        path = folder / f"doc{count[0]}.pdf"
        page.set_content(
            f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}</style></head>"
            f"<body>{body}</body></html>"
        )
        page.pdf(
            path=str(path),
            format="A4",
            prefer_css_page_size=True,
            display_header_footer=True,
            header_template=HEADER if header else "<span></span>",
            footer_template=FOOTER,
        )
        return path

    yield render
    browser.close()
    pw.stop()


def read_pdf_lines(path: Path) -> str:
    """The page's own lines, as pdfplumber sees them."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


LONG = (
    "全市地区生产总值增长6%左右，一般公共预算收入增长3.5%，固定资产投资增长7%，"
    "社会消费品零售总额增长6.5%，城镇新增就业2.8万人以上，城镇调查失业率控制在5.5%以内，"
    "居民人均可支配收入增长与经济增长同步，单位地区生产总值能耗完成省下达任务。"
)


def test_a_paragraph_wrapped_at_the_page_width_is_one_line_again(print_pdf):
    path = print_pdf(f"<h1>一、主要预期目标</h1><p>{LONG}</p><p>二、重点任务如下：</p>")
    lines = [ln for ln in read_document(str(path)).split("\n") if ln.strip()]
    assert lines == ["一、主要预期目标", LONG, "二、重点任务如下："]


def test_a_sentence_that_ends_at_the_margin_does_not_end_an_indented_paragraph(print_pdf):
    # A column ten characters wide: the first line (indented by two) ends with "：".
    path = print_pdf(
        "<div style='width:10em'><p>今年主要目标是：地区生产总值增长6%。</p><p>第二段。</p></div>"
    )
    text = read_document(str(path))
    assert "标是：\n" in read_pdf_lines(path)  # the page does break there
    assert [ln for ln in text.split("\n") if ln.strip()] == [
        "今年主要目标是：地区生产总值增长6%。",
        "第二段。",
    ]


def test_short_lines_and_list_items_keep_their_line_ends(print_pdf):
    items = [
        "1. 新建5G基站1200个以上。（市工信局负责）",
        "2. 新增规上工业企业20家。（市工信局负责）",
        "3. 完成造林面积3万亩",
        "4. 开工改造老旧小区20个",
    ]
    body = "".join(f"<p style='text-indent:0'>{it}</p>" for it in items)
    path = print_pdf("<p style='text-indent:0'>年度目标</p>" + body)
    lines = [ln for ln in read_document(str(path)).split("\n") if ln.strip()]
    assert lines == ["年度目标", *items]


def test_a_paragraph_that_runs_on_to_the_next_page_is_joined_and_page_furniture_dropped(
    print_pdf,
):
    filler = "".join(f"<p>第{n}段。{LONG}</p>" for n in range(1, 12))
    path = print_pdf(filler + f"<p>末段。{LONG}</p>", header=True)
    text = read_document(str(path))
    assert "公报" not in text  # the running header
    assert not re.search(r"—\s*\d+\s*—", text)  # the page numbers
    lines = [ln for ln in text.split("\n") if ln.strip()]
    assert len(lines) == 12
    assert all(ln.endswith("完成省下达任务。") for ln in lines)


def test_a_drawn_table_becomes_pipe_rows_in_reading_order(print_pdf):
    table = (
        "<table><tr><td>序号</td><td>目标任务</td><td>责任单位</td></tr>"
        "<tr><td>1</td><td>新建5G基站1200个以上，覆盖全部乡镇和重点行政村，"
        "实现城区连续覆盖</td><td rowspan='2'>市工信局</td></tr>"
        "<tr><td>2</td><td>新增规上工业企业20家</td></tr>"
        "<tr><td>3</td><td>完成造林面积3万亩</td><td>市林业局</td></tr></table>"
    )
    path = print_pdf(f"<p>表前的说明。</p>{table}<p>表后的说明。</p>")
    lines = [ln for ln in read_document(str(path)).split("\n") if ln.strip()]
    assert lines == [
        "表前的说明。",
        "| 序号 | 目标任务 | 责任单位 |",
        "| 1 | 新建5G基站1200个以上，覆盖全部乡镇和重点行政村，实现城区连续覆盖 | 市工信局 |",
        "| 2 | 新增规上工业企业20家 | 市工信局 |",  # the merged cell, on each of its rows
        "| 3 | 完成造林面积3万亩 | 市林业局 |",
        "表后的说明。",
    ]


def test_a_table_over_two_pages_is_one_table_with_its_header_once(print_pdf):
    rows = "".join(
        f"<tr><td>{n}</td><td>新建乡镇便民服务中心{n}个</td><td>市发展改革委</td></tr>"
        for n in range(1, 61)
    )
    table = (
        "<table><thead><tr><td>序号</td><td>目标任务</td><td>责任单位</td></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    path = print_pdf(f"<p>表前。</p>{table}<p>表后。</p>")
    assert "— 2 —" in read_pdf_lines(path)  # two pages, the header printed on each
    lines = read_document(str(path)).split("\n")
    start = lines.index("| 序号 | 目标任务 | 责任单位 |")
    assert lines[start - 2 : start] == ["表前。", ""]
    assert lines[start + 1 : start + 62] == [
        f"| {n} | 新建乡镇便民服务中心{n}个 | 市发展改革委 |" for n in range(1, 61)
    ] + [""]
    assert lines[start + 62] == "表后。"


def test_the_text_layer_speaks_ideographs_not_radicals(print_pdf):
    path = print_pdf("<p>区人民政府办公室关于印发工作要点的通知，各部门、马上落实、长期见效。</p>")
    text = read_document(str(path))
    assert "区人民政府办公室关于印发工作要点的通知" in text
    assert "各部门、马上落实、长期见效" in text
    assert not re.search("[\u2e80-\u2eff\u2f00-\u2fdf]", text)


def test_radicals_map_to_the_ideographs_they_stand_for():
    assert _unradical("⼈⺠政府⼯作报告，⻔⻓⻢⻋") == "人民政府工作报告，门长马车"
    assert _unradical("人民") == "人民"


def test_owner_survives_the_pdf(print_pdf):
    path = print_pdf(
        "<p style='text-indent:0'>2025年年度目标</p>"
        "<p style='text-indent:0'>1. 生产总值增长6%左右。（市发展改革委负责）</p>"
        "<p style='text-indent:0'>2. 一般公共预算收入增长3.5%。（市财政局负责）</p>"
    )
    items = extract(read_document(str(path)), year=2025).items
    owners = sorted((item["value"], item["owner"]) for item in items)
    assert owners == [(3.5, "市财政局"), (6, "市发展改革委")]


def test_dashes_and_hu_drawn_by_a_shared_glyph_come_back(print_pdf):
    path = print_pdf("<p>空中——新增市场主体2000户，其中个体工商户1500户。</p>")
    assert "空中——新增市场主体2000户，其中个体工商户1500户。" in read_document(str(path))


def test_hu_stays_traditional_in_a_traditional_document():
    assert _unshare_glyphs("這個區新增2000戶。") == "這個區新增2000戶。"
    assert _unshare_glyphs("这个区新增2000戶，进一步发展。") == "这个区新增2000户，进一步发展。"
    assert _unshare_glyphs("⸺〈\u2329〉") == "——〈〈〉"


def _line(text, top, x0=85.0, x1=516.0, size=16.0):
    return _PdfLine(text, x0, x1, top, top + size, size)


def test_a_number_at_the_foot_of_the_body_is_no_page_number():
    def page(n):
        body = [
            _line(f"第{k}行，全市生产总值增长6%左右，固定资产投", 90 + 25 * k) for k in range(25)
        ]
        return _PdfPage(
            [
                _line("某某市人民政府公报", 20, x0=250, x1=340, size=10),
                *body,
                _line("2019", 715, x0=85, x1=120),  # a cell, the body's last line
                _line(f"— {n} —", 800, x0=280, x1=320, size=12),
            ],
            595.0,
            842.0,
        )

    pages = [page(1), page(2), page(3)]
    _strip_running_lines(pages)
    texts = [ln.text for ln in pages[1].lines]
    assert texts[0].startswith("第0行") and texts[-2].startswith("第24行")
    assert texts[-1] == "2019"


def test_spaces_of_a_spread_line_go_and_spaces_between_fields_stay():
    assert _unspread("地 区 生 产 总 值 增 长") == "地区生产总值增长"
    kept = "1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。"
    assert _unspread(kept) == kept


def test_columns_set_apart_by_spaces_stay_apart(print_pdf):
    path = print_pdf(
        "<p style='text-indent:0'>序号 目标任务 责任单位</p>"
        "<p style='text-indent:0'>1 地区生产总值增长6%以上。 区发展改革委</p>"
    )
    lines = [ln for ln in read_document(str(path)).split("\n") if ln.strip()]
    assert lines == ["序号 目标任务 责任单位", "1 地区生产总值增长6%以上。 区发展改革委"]


def test_a_page_of_indented_lines_keeps_the_documents_left_margin():
    full = "全市生产总值增长6%左右，一般公共预算收入增长3.5%，启动湿地公园。"
    first = _PdfPage(
        [_line("　　" + full[:20], 90, x0=117), *[_line(full, 115 + 25 * k) for k in range(26)]],
        595.0,
        842.0,
    )
    second = _PdfPage(
        [_line("县水务局", 90, x0=117, x1=181), _line("县住建局", 115, x0=117, x1=181)],
        595.0,
        842.0,
    )
    lines = [ln for ln in _pdf_text([first, second]).split("\n") if ln]
    assert lines[-2:] == ["县水务局", "县住建局"]  # indented: new paragraphs, not run-ons
    # also when most pages hold indented lines only (a table printed a cell a line)
    lines = [ln for ln in _pdf_text([first, second, second]).split("\n") if ln]
    assert lines[-4:] == ["县水务局", "县住建局", "县水务局", "县住建局"]
