"""The bulletin as PDF: WeasyPrint renders templates/bulletins/pdf.html with free CJK fonts
that stand in for the official ones, embedded in the file (subset), so that it reads the
same on any machine.

The fonts are fonts-noto-cjk's (Debian's package; `make install-dev` installs it):
Noto Serif CJK SC stands in for 仿宋, 宋体 and 楷体 (its bold for 小标宋), Noto Sans CJK
SC for 黑体. Nothing is fetched over a network: the only addresses the renderer may
open are font files under FONT_DIRS (`url_fetcher` refuses every other one). The faces
are found by their PostScript names first (`local()`, through fontconfig), since
WeasyPrint does not read a face out of a .ttc collection by address.
"""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

from .layout import Layout

CONTENT_TYPE = "application/pdf"
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
NOTO = Path("/usr/share/fonts/opentype/noto")
FONTS = {
    # CSS family name → the file that holds it
    "LuoshiSerif": NOTO / "NotoSerifCJK-Regular.ttc",
    "LuoshiSerifBold": NOTO / "NotoSerifCJK-Bold.ttc",
    "LuoshiSans": NOTO / "NotoSansCJK-Regular.ttc",
}


class RefusedAddress(ValueError):
    """The PDF asked for something other than a local font file."""


def _fetcher():
    from weasyprint.urls import URLFetcher

    class LocalFontsOnly(URLFetcher):
        """Only local font files; any other address (http, https, data, a file elsewhere)
        is refused, and WeasyPrint goes on without it."""

        def fetch(self, url, headers=None):
            if url.startswith("file://"):
                path = Path(url.removeprefix("file://")).resolve()
                if any(path.is_relative_to(root) for root in FONT_DIRS) and path.is_file():
                    return super().fetch(url, headers)
            raise RefusedAddress(f"The bulletin's PDF may not load {url[:80]!r}")

    return LocalFontsOnly(allowed_protocols=["file"])


def render(layout: Layout) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "bulletins/pdf.html",
        {"layout": layout, "fonts": {name: path.as_uri() for name, path in FONTS.items()}},
    )
    return HTML(string=html, url_fetcher=_fetcher(), base_url=NOTO.as_uri()).write_pdf()
