"""Templates follow the layers that import-linter keeps for Python (pyproject.toml).

import-linter reads imports, not templates. Here a template belongs to the app whose
`templates/` folder holds it (the shell in luoshi/templates — base.html, the shared
includes, the 400 page — is ui's, the module of the shared page pieces), and:

- an app's Python renders (render, template_name, inclusion_tag, a slot it fills: any
  string naming a template) only its own app's templates and the shell: a page is kept
  in the app whose view draws it;
- a template loads tag libraries, extends and includes only templates of its own app or
  of a lower layer (Django's own libraries are below everything).

A lower page that shows a piece of a higher app leaves a slot for it (ui.slots); the
higher app fills the slot, so the dependency points down. The order of the layers is
read from the layers contract, never written here a second time.

And no template line is longer than LINE_LIMIT characters.
"""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "luoshi"
# The shell (settings.TEMPLATES' DIRS) holds the layout every page extends: it ranks
# with ui, the module of the shared page pieces it loads.
SHELL_OWNER = "ui"
# Template lines are read like code: one cell, one attribute group or one message a line.
LINE_LIMIT = 120

LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")
INCLUDE = re.compile(r"{%\s*(include|extends)\s+(\S+)")


def layer_ranks(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, int]:
    """Each top-level module of luoshi and its layer's height (0 is the bottom), from the
    import-linter layers contract."""
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c.get("id") == "layers"]
    ranks: dict[str, int] = {}
    for height, line in enumerate(reversed(layers)):
        for name in re.split(r"[|:]", line):
            ranks[name.strip()] = height
    return ranks


@dataclass(frozen=True)
class Template:
    name: str  # as render() and {% include %} name it: "dashboards/overview.html"
    path: Path
    owner: str  # the top-level module of luoshi it belongs to


def templates(package: Path = PACKAGE) -> dict[str, Template]:
    found: dict[str, Template] = {}
    folders = [(package / "templates", SHELL_OWNER)] + [
        (folder, folder.parent.name) for folder in sorted(package.glob("*/templates"))
    ]
    for folder, owner in folders:
        for path in sorted(folder.rglob("*.html")):
            name = path.relative_to(folder).as_posix()
            assert name not in found, f"{name} is kept twice: {found[name].path} and {path}"
            found[name] = Template(name, path, owner)
    return found


def tag_libraries(package: Path = PACKAGE) -> dict[str, str]:
    """{% load %} name → the module of luoshi that defines it."""
    return {
        path.stem: path.parent.parent.name
        for path in package.glob("*/templatetags/*.py")
        if path.stem != "__init__"
    }


def owner_of(path: Path, package: Path = PACKAGE) -> str:
    """The top-level module of luoshi a Python file belongs to."""
    return path.relative_to(package).parts[0].removesuffix(".py")


def may_use(user: str, used: str, ranks: dict[str, int]) -> bool:
    """Own app, or a strictly lower layer (siblings of one layer are independent)."""
    return used == user or ranks[used] < ranks[user]


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def violations(package: Path = PACKAGE, ranks: dict[str, int] | None = None) -> list[str]:
    ranks = ranks if ranks is not None else layer_ranks()
    found = templates(package)
    libraries = tag_libraries(package)
    problems: list[str] = []

    def check(where: str, user: str, used: str, what: str) -> None:
        if used not in ranks:
            problems.append(f"{where}: {what} belongs to {used}, which no layer names")
        elif user not in ranks:
            problems.append(f"{where}: {user} is in no layer")
        elif not may_use(user, used, ranks):
            problems.append(f"{where}: {user} uses {what} of {used}, a layer not below it")

    for template in found.values():
        lines = template.path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            where = f"{rel(template.path)}:{number}"
            for match in LOAD.finditer(line):
                names = match.group(1).split()
                if "from" in names:  # {% load a b from library %}
                    names = names[names.index("from") + 1 :]
                for library in names:
                    if library in libraries:
                        check(where, template.owner, libraries[library], f"{{% load {library} %}}")
            for match in INCLUDE.finditer(line):
                tag, argument = match.groups()
                name = argument.strip("\"'")
                if argument[0] not in "\"'":
                    problems.append(f"{where}: {{% {tag} {argument} %}} names no template")
                elif name not in found:
                    problems.append(f"{where}: {{% {tag} %}} of {name}, which no app keeps")
                else:
                    check(where, template.owner, found[name].owner, f"{tag} {name}")

    for path in sorted(package.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        user = owner_of(path, package)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in found:
                template = found[node.value]
                where = f"{rel(path)}:{node.lineno}"
                shell = template.path.is_relative_to(package / "templates")
                if template.owner != user and not shell:
                    problems.append(
                        f"{where}: {user} renders {template.name}, a page kept by"
                        f" {template.owner}: keep it in {user}/templates/{user}/"
                    )
                else:
                    check(where, user, template.owner, template.name)
    return problems


def long_lines(package: Path = PACKAGE, limit: int = LINE_LIMIT) -> list[str]:
    return [
        f"{rel(t.path)}:{number}: {len(line)} characters (at most {limit})"
        for t in templates(package).values()
        for number, line in enumerate(t.path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > limit
    ]


def test_templates_follow_the_layers():
    problems = violations()
    assert not problems, "\n".join(problems)


def test_template_lines_are_short_enough_to_read():
    """A long line is broken where HTML ignores the whitespace: between attributes, at a
    cell's edges, inside {% blocktranslate trimmed %} (CONTRIBUTING.md)."""
    problems = long_lines()
    assert not problems, "\n".join(problems)


def test_a_long_line_is_named(tmp_path):
    (tmp_path / "low" / "templates" / "low").mkdir(parents=True)
    (tmp_path / "low" / "templates" / "low" / "page.html").write_text("x" * 121 + "\n" + "y" * 120)
    assert long_lines(tmp_path) == [
        f"{tmp_path}/low/templates/low/page.html:1: 121 characters (at most 120)"
    ]


def test_every_filled_slot_is_drawn_by_a_page():
    """A slot filled (ui.slots.fill in an app's ready) that no template draws is a typo."""
    from luoshi.ui import slots

    drawn = {
        match.group(1)
        for t in templates().values()
        for match in re.finditer(r"{%\s*slot\s+[\"']([^\"']+)", t.path.read_text(encoding="utf-8"))
    }
    assert slots.slots(), "notices fills the bell, 催报 and the unit's reminders"
    assert set(slots.slots()) <= drawn, set(slots.slots()) - drawn


def test_layers_are_read_from_pyproject():
    ranks = layer_ranks()
    assert ranks["core"] == 0
    assert ranks["notices"] > ranks["dashboards"] > ranks["plans"] > ranks["orgs"]
    assert ranks["ui"] < ranks["orgs"]  # any app's page may load the shared tags


def test_a_page_that_loads_a_higher_library_is_named(tmp_path):
    """The check fails, naming the file and line, on a small tree that breaks each rule."""
    lower, higher = tmp_path / "low", tmp_path / "high"
    (lower / "templates" / "low").mkdir(parents=True)
    (higher / "templates" / "high").mkdir(parents=True)
    (higher / "templatetags").mkdir()
    (higher / "templatetags" / "hightags.py").write_text("")
    (higher / "templates" / "high" / "piece.html").write_text("piece\n")
    (lower / "templates" / "low" / "page.html").write_text(
        '{% load i18n %}\n{% load hightags %}\n{% include "high/piece.html" %}\n'
    )
    (lower / "views.py").write_text('TEMPLATE = "high/piece.html"\nOWN = "low/page.html"\n')
    (higher / "views.py").write_text('\n\nPAGE = "low/page.html"\n')
    problems = violations(tmp_path, {"low": 0, "high": 1, "ui": 0})
    assert problems == [
        f"{lower}/templates/low/page.html:2: low uses {{% load hightags %}} of high,"
        " a layer not below it",
        f"{lower}/templates/low/page.html:3: low uses include high/piece.html of high,"
        " a layer not below it",
        f"{higher}/views.py:3: high renders low/page.html, a page kept by low:"
        " keep it in high/templates/high/",
        f"{lower}/views.py:1: low renders high/piece.html, a page kept by high:"
        " keep it in low/templates/low/",
    ]
