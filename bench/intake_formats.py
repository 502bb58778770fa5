"""Score the intake engine on .docx and .pdf renderings of the annotated corpus.

    .venv/bin/python bench/intake_formats.py [--set shared|own|all] [--docs PATTERN ...]
        [--formats txt docx pdf] [--worst N] [--fresh] [--keep DIR]

The corpus holds plain text; the documents people upload are Word files and PDFs.
Each chosen document is rendered twice into a temporary directory:

* as a .docx (python-docx): one paragraph a line; pipe rows (``| a | b |``) as a
  Word table; section headings (``一、…``, ``（一）…``, ``#``) as Heading 1/2;
  numbered items (``1. …``, ``2、…``) as Word list paragraphs whose number lives in
  the numbering properties, not in the text, as Word keeps an automatic list;
* as a .pdf: an HTML version of the same blocks (tables as ``<table>``) printed by
  Debian's Chromium through Playwright on A4 with a page number in the footer, so
  that lines wrap at the page width and tables are drawn as in a real PDF.

Each rendering is then read by the normal reader and extracted, as
``luoshi extract FILE`` does, and scored against the same annotation with
``bench/intake_scoring.py`` (snippets are placed in the original text).  The
report gives, per format, targets R/P, statistics R and owners of matched
targets, then the documents that lose most against the .txt.

Only the development documents (``OWN_RANGE``, 05-377) are scored from
``tests/intake_corpus``; the batches after them wait for their cold score.  Renders are cached under the system temp dir by
content, so a second run only reads and extracts; nothing here is committed.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.intake_scoring import load_documents, score  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_OWN = ROOT / "tests" / "intake_corpus"
# The development documents: the batches after them wait for their cold score and are
# never rendered here before it (move the end when a batch has been scored).
OWN_RANGE = range(5, 378)
RENDER_VERSION = "4"
CHROMIUM = "/usr/bin/chromium"

# --------------------------------------------------------------------------- blocks

_H1 = re.compile(r"^[一二三四五六七八九十]{1,3}[、．.]\S")
_H2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]\S")
_SENTENCE_END = "。；;！？!?：:"
_ITEM = re.compile(r"^(\d{1,3})([.．、])\s*(\S.*)$")


def _pipe_cells(line: str) -> list[str] | None:
    s = line.strip()
    if not (s.startswith("|") and s.endswith("|")) or s.count("|") < 3:
        return None
    cells = [c.strip() for c in s[1:-1].split("|")]
    if sum(1 for c in cells if c) < 2:
        return None
    return cells


def blocks(text: str) -> list[tuple]:
    """The document as blocks: ("h", level, text), ("p", text), ("li", n, sep, text),
    ("table", rows)."""
    out: list[tuple] = []
    for raw in text.split("\n"):
        line = raw.strip()
        cells = _pipe_cells(line)
        if cells is not None:
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
            continue
        if line.startswith("#"):
            hashes = len(line) - len(line.lstrip("#"))
            out.append(("h", min(hashes, 3), line.lstrip("#").strip()))
            continue
        short = len(line) <= 40 and line[-1:] not in _SENTENCE_END and "。" not in line
        if short and _H1.match(line):
            out.append(("h", 1, line))
            continue
        if short and _H2.match(line):
            out.append(("h", 2, line))
            continue
        m = _ITEM.match(line)
        if m and not (m.group(2) in ".．" and m.group(3)[0].isdigit()):
            out.append(("li", int(m.group(1)), m.group(2), m.group(3)))
            continue
        out.append(("p", raw.rstrip()))
    return out


# --------------------------------------------------------------------------- .docx


def _numbering(document, sep: str, cache: dict) -> int:
    """An abstract numbering definition "%1<sep>" (decimal), made once per separator."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    if sep in cache:
        return cache[sep]
    numbering = document.part.numbering_part.element
    ids = [int(x) for x in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract_id = max(ids, default=0) + 1
    xml = (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="%1{sep}"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    element = parse_xml(xml)
    if first_num is not None:
        first_num.addprevious(element)
    else:
        numbering.append(element)
    cache[sep] = abstract_id
    return abstract_id


def _new_list(document, abstract_id: int, start: int) -> int:
    """A w:num over ``abstract_id`` that restarts at ``start`` (a new list in Word)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    ids = [int(x) for x in numbering.xpath("./w:num/@w:numId")]
    num_id = max(ids, default=0) + 1
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            '<w:lvlOverride w:ilvl="0">'
            f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def _set_num(paragraph, num_id: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def render_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    cache: dict = {}
    current: tuple[str, int, int] | None = None  # (sep, num_id, next number)
    for block in blocks(text):
        kind = block[0]
        if kind == "li":
            _, n, sep, body = block
            if current is None or current[0] != sep or current[2] != n:
                current = (sep, _new_list(document, _numbering(document, sep, cache), n), n)
            paragraph = document.add_paragraph(body, style="List Number")
            _set_num(paragraph, current[1])
            current = (sep, current[1], n + 1)
            continue
        if kind == "p" and not block[1].strip():
            document.add_paragraph("")
            continue  # an empty line does not end a list
        current = None
        if kind == "h":
            document.add_heading(block[2], level=block[1])
        elif kind == "p":
            document.add_paragraph(block[1].strip())
        elif kind == "table":
            rows = block[1]
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, value in enumerate(cells):
                    table.cell(r, c).text = value
    document.save(str(path))


# --------------------------------------------------------------------------- .pdf

_CSS = """
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.6; }
p { margin: 0; text-indent: 2em; text-align: justify; }
h1 { font-size: 16pt; font-family: "Noto Sans CJK SC", sans-serif; margin: 0.4em 0;
     text-indent: 2em; }
h2 { font-size: 16pt; font-family: "Noto Serif CJK SC", serif; font-weight: bold;
     margin: 0.2em 0; text-indent: 2em; }
h3 { font-size: 16pt; margin: 0.2em 0; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; margin: 0.5em 0; }
td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
"""

_FOOTER = (
    '<div style="width:100%;text-align:center;font-size:12pt;font-family:serif">'
    '— <span class="pageNumber"></span> —</div>'
)


def to_html(text: str) -> str:
    parts = ["<!doctype html><html><head><meta charset='utf-8'><style>", _CSS, "</style>"]
    parts.append("</head><body>")
    for block in blocks(text):
        kind = block[0]
        if kind == "h":
            parts.append(f"<h{block[1]}>{html.escape(block[2])}</h{block[1]}>")
        elif kind == "li":
            _, n, sep, body = block
            parts.append(f"<p>{n}{html.escape(sep)}{html.escape(body)}</p>")
        elif kind == "p":
            line = block[1].strip()
            parts.append(f"<p>{html.escape(line)}</p>" if line else "")
        elif kind == "table":
            parts.append("<table>")
            for row in block[1]:
                cells = "".join(f"<td>{html.escape(c)}</td>" for c in row)
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


class PdfPrinter:
    def __init__(self):
        self._pw = None
        self._browser = None
        self._page = None

    def print(self, text: str, path: Path) -> None:
        if self._page is None:
            from playwright.sync_api import sync_playwright

            self._pw = sync_playwright().start()
            self._browser = self._pw.chromium.launch(executable_path=CHROMIUM)
            self._page = self._browser.new_page()
        self._page.set_content(to_html(text), wait_until="load")
        self._page.pdf(
            path=str(path),
            format="A4",
            prefer_css_page_size=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=_FOOTER,
        )

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._pw is not None:
            self._pw.stop()


# --------------------------------------------------------------------------- scoring


def _select(args) -> list[dict]:
    docs: list[dict] = []
    if args.set in ("shared", "all") and args.corpus.is_dir():
        docs += load_documents(args.corpus, prefix="shared/", patterns=args.docs)
    if args.set in ("own", "all"):
        allowed = [f"{n:02d}_*" for n in OWN_RANGE]
        chosen = load_documents(args.own, prefix="own/", patterns=allowed)
        if args.docs:
            import fnmatch

            chosen = [
                d
                for d in chosen
                if any(fnmatch.fnmatchcase(Path(d["path"]).stem, p) for p in args.docs)
            ]
        docs += chosen
    return docs


def _figures(figures: dict) -> dict:
    kinds = figures["by_kind"]
    target = kinds.get("target", {})
    stat = kinds.get("statistic", {})
    pairs = figures["pairs"]
    return {
        "tR": target.get("recall"),
        "tP": target.get("precision"),
        "sR": stat.get("recall"),
        "own": pairs.get("target_owner_accuracy"),
        "t_match": target.get("matched", 0),
        "t_ann": target.get("annotated", 0),
        "own_right": pairs.get("target_owner_right", 0),
    }


def _pct(x) -> str:
    return "    - " if x is None else f"{100 * x:5.1f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--own", type=Path, default=DEFAULT_OWN)
    parser.add_argument("--set", choices=("shared", "own", "all"), default="all")
    parser.add_argument("--docs", nargs="+", metavar="PATTERN")
    parser.add_argument("--formats", nargs="+", default=["txt", "docx", "pdf"])
    parser.add_argument("--worst", type=int, default=12, help="documents that lose most")
    parser.add_argument("--fresh", action="store_true", help="render again, ignore the cache")
    parser.add_argument("--keep", type=Path, help="render into this directory instead")
    args = parser.parse_args(argv)

    import logging

    from luoshi.core.intake import extract, read_document

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font descriptor chatter

    docs = _select(args)
    if not docs:
        print("no annotated documents found", file=sys.stderr)
        return 2
    cache = args.keep or Path(tempfile.gettempdir()) / "luoshi-intake-formats"
    cache.mkdir(parents=True, exist_ok=True)
    printer = PdfPrinter()
    per_format: dict[str, list[dict]] = {}
    failures: list[str] = []
    try:
        for fmt in args.formats:
            scored = []
            for doc in docs:
                key = hashlib.sha1(
                    (RENDER_VERSION + fmt + doc["text"]).encode(), usedforsecurity=False
                ).hexdigest()[:16]
                path = cache / f"{key}.{fmt}"
                if args.fresh or not path.exists():
                    if fmt == "txt":
                        path.write_text(doc["text"], encoding="utf-8")
                    elif fmt == "docx":
                        render_docx(doc["text"], path)
                    elif fmt == "pdf":
                        printer.print(doc["text"], path)
                    else:
                        raise SystemExit(f"unknown format {fmt}")
                try:
                    raw = read_document(str(path))
                except Exception as exc:  # a reader failure is a result, not a crash
                    failures.append(f"{fmt} {doc['name']}: {exc}")
                    raw = ""
                result = extract(raw)
                scored.append(
                    {
                        "name": doc["name"],
                        "text": doc["text"],
                        "annotations": doc["annotations"],
                        "extracted": [dict(i) for i in result.items],
                        "extracted_text": result.text,
                    }
                )
            per_format[fmt] = scored
    finally:
        printer.close()

    groups = {"shared": "shared/", "own": "own/"}
    print(
        f"{'format':<6} {'set':<7} {'docs':>4} {'tgt R':>7} {'tgt P':>7} {'stat R':>7} {'owners':>7}"
    )
    for fmt, scored in per_format.items():
        for label, prefix in [*groups.items(), ("all", "")]:
            chosen = [d for d in scored if d["name"].startswith(prefix)]
            if not chosen:
                continue
            f = _figures(score(chosen))
            print(
                f"{fmt:<6} {label:<7} {len(chosen):>4} {_pct(f['tR'])} {_pct(f['tP'])} "
                f"{_pct(f['sR'])} {_pct(f['own'])}"
            )
    if "txt" in per_format and args.worst:
        base = {d["name"]: _figures(score([d])) for d in per_format["txt"]}
        for fmt, scored in per_format.items():
            if fmt == "txt":
                continue
            losses = []
            for d in scored:
                f, b = _figures(score([d])), base[d["name"]]
                lost = (b["t_match"] - f["t_match"], b["own_right"] - f["own_right"])
                if lost != (0, 0):
                    losses.append((lost, d["name"], b, f))
            losses.sort(key=lambda x: (-x[0][0] - x[0][1], x[1]))
            print(
                f"\n{fmt}: documents that lose most (targets matched, owners right: txt -> {fmt})"
            )
            for _lost, name, b, f in losses[: args.worst]:
                print(
                    f"  {name:<60} targets {b['t_match']:>3} -> {f['t_match']:>3}   "
                    f"owners {b['own_right']:>3} -> {f['own_right']:>3}"
                )
    for line in failures:
        print("reader failed:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
