"""Every route has an expected answer for every persona, in a permission table.

The permission tables are data: each app's `TABLE` in tests/**/test_*permissions.py
(and the ledger API's in tests/api/test_ledgers_api.py), run by that file's own test.
This module walks Django's URL resolver (every pattern of luoshi/urls.py) and the
API's OpenAPI document, and fails, naming the route and the row to add, when any of
them has no row, or a row that does not name every persona.

Which methods a page needs rows for comes from its view: a view behind
`require_POST` (or `require_http_methods`) takes only those; a class-based view takes
the methods it defines; a function view takes GET, and POST as well when its code
compares `request.method` with "POST".

The Django admin is one more table (ADMIN below): none of the personas is staff, so
every admin page sends each of them to the admin's sign-in page.
"""

from __future__ import annotations

import inspect
import re
from importlib import import_module
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from luoshi.api.api import api
from tests.personas import PERSONAS

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = PERSONAS[:-1]
TESTS = Path(__file__).resolve().parent
API_BASE = "/api/v1"
METHODS = ("get", "post", "put", "patch", "delete", "upload")


def table(default, anonymous=302, **overrides):
    """Statuses for every persona: `default`, except the personas named in overrides."""
    names = {"S": S, "L": L, "CA": CA, "CR": CR, "HA": HA, "HR": HR, "TR": TR, "OUT": OUT}
    expected = {**dict.fromkeys(PERSONAS[:-1], default), ANON: anonymous}
    for short, status in overrides.items():
        expected[names[short]] = status
    return expected


# Routes that belong to no app: signing in and out, the language switch, the API's own
# addresses. (name, method, path, data, expected statuses by persona)
TABLE = [
    # Signed-in people are shown the form again (Django's LoginView does not redirect them).
    ("sign-in page", "get", "/accounts/login/", None, table(200, anonymous=200)),
    (
        "sign-in with a wrong password",
        "post",
        "/accounts/login/",
        {"username": "supervisor", "password": "wrong"},
        table(200, anonymous=200),
    ),
    # Signing out is a POST (a link could be forged); it ends the session and redirects.
    ("sign out", "post", "/accounts/logout/", {}, table(302, anonymous=302)),
    (
        "password change with a wrong old password",
        "post",
        "/accounts/password/",
        {"old_password": "wrong", "new_password1": "x", "new_password2": "x"},
        table(200),
    ),
    ("password changed", "get", "/accounts/password/done/", None, table(200)),
    ("language switch (link)", "get", "/i18n/setlang/", None, table(302, anonymous=302)),
    (
        "language switch",
        "post",
        "/i18n/setlang/",
        {"language": "en", "next": "/"},
        table(302, anonymous=302),
    ),
    # The API under a session: no token, no answer.
    ("API root", "get", "/api/v1/", None, table(404, anonymous=404)),
    ("unknown API address", "get", "/api/v1/no/such/thing", None, table(404, anonymous=404)),
    ("unknown API address", "post", "/api/v1/no/such/thing", {}, table(404, anonymous=404)),
    (
        "API operation with a session and no token",
        "get",
        "/api/v1/units",
        None,
        table(401, anonymous=401),
    ),
]


def test_the_routes_of_no_app_answer_every_persona_as_the_table_says(city):
    wrong = _run_table(city, TABLE, {})
    assert not wrong, "\n".join(wrong)


def _run_table(c, rows, ids) -> list[str]:
    from django.db import transaction

    wrong = []
    for name, method, template, data, expected in rows:
        for persona in PERSONAS:
            client = c.client(persona)
            # Each write is tried on the same starting data: roll it back afterwards.
            with transaction.atomic():
                if method == "post":
                    response = client.post(template.format(**ids), data or {})
                else:
                    response = client.get(template.format(**ids))
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    return wrong


# --- the Django admin -----------------------------------------------------------------


def _walk(patterns, prefix=""):
    """(route, pattern, callback) for every URL pattern, includes followed."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern, pattern.callback


def _admin_paths() -> list[tuple[str, str]]:
    """(route, a path that reaches it) for every admin pattern, object ids filled with 1."""
    paths = []
    for route, _pattern, _callback in _walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            continue
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: _fill(m.group(1)), route)
        path = path.replace("^", "").replace("(?P<url>.*)$", "no-such-page/")
        paths.append((route, path))
    return paths


def _fill(name: str) -> str:
    return {"app_label": "orgs"}.get(name, "1")


# Every admin page sends every persona to the admin's sign-in page; its sign-in page
# itself is shown (to a signed-in person who is not staff, with "not authorised").
ADMIN = {route: dict.fromkeys(PERSONAS, 302) for route, _path in _admin_paths()}
ADMIN["admin/login/"] = dict.fromkeys(PERSONAS, 200)
# Where the 302 goes: the sign-in page, except for the sign-out, which goes to the index
# (and the index, in turn, to the sign-in page).
ADMIN_NEXT = dict.fromkeys(ADMIN, "/admin/login/") | {"admin/logout/": "/admin/"}


def test_no_persona_reaches_any_admin_page(city):
    wrong = []
    paths = _admin_paths()
    assert len(paths) > 20, "the admin's pages were not found"
    for persona in PERSONAS:
        client = city.client(persona)
        for route, path in paths:
            # The admin's sign-out is a POST; every other page is tried with GET.
            method = client.post if route == "admin/logout/" else client.get
            response = method(path)
            expected = ADMIN[route][persona]
            if response.status_code != expected:
                wrong.append(f"{path} as {persona}: {response.status_code} != {expected}")
            elif expected == 302 and not response["Location"].startswith(ADMIN_NEXT[route]):
                wrong.append(f"{path} as {persona}: redirected to {response['Location']}")
    assert not wrong, "\n".join(wrong)


# --- coverage ---------------------------------------------------------------------------


def _table_modules() -> list[str]:
    """Every module that holds a permission table: test_*permissions.py, and the ledger API's."""
    files = sorted(TESTS.rglob("test_*permissions.py")) + [TESTS / "api" / "test_ledgers_api.py"]
    return [
        ".".join(f.relative_to(TESTS.parent).with_suffix("").parts) for f in files if f.exists()
    ]


def _rows(module_name: str):
    """(module, name, method, path, expected) for each row of the module's TABLE.

    Rows have several shapes across the apps; what they share is a name first, a method
    (GET when left out), a path and the statuses by persona (a dict keyed by persona)."""
    module = import_module(module_name)
    prefix = API_BASE if module_name.startswith("tests.api.") else ""
    for row in module.TABLE:
        method = next((v for v in row if isinstance(v, str) and v in METHODS), "get")
        path = next(v for v in row if isinstance(v, str) and v.startswith("/"))
        expected = next(
            (v for v in row if isinstance(v, dict) and None in v),
            None,
        )
        yield module_name, row[0], method, prefix + path, expected


def _all_rows():
    rows = []
    for module_name in _table_modules():
        rows.extend(_rows(module_name))
    return rows + [(__name__, n, m, p, e) for n, m, p, _d, e in TABLE]


def _route_of(path: str) -> str:
    """The pattern a table's path reaches (placeholders such as {plan} filled with 1)."""
    filled = re.sub(r"\{[^}]*\}", "1", path.split("?")[0])
    return resolve(filled).route


def _methods_of(callback) -> set[str]:
    """The methods a view takes (see the module's docstring)."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        # Django's form views also answer PUT as a POST; the POST row stands for both.
        return {m for m in ("get", "post") if hasattr(view_class, m)} & {
            m.lower() for m in view_class.http_method_names
        }
    function = callback
    while function is not None:
        for cell in function.__closure__ or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            # require_http_methods(["POST"]) keeps its list in the wrapper's closure.
            if isinstance(value, list | tuple) and value and all(v in _UPPER for v in value):
                return {v.lower() for v in value}
        function = getattr(function, "__wrapped__", None)
    source = inspect.getsource(inspect.unwrap(callback))
    return {"get", "post"} if re.search(r'request\.method [!=]= "POST"', source) else {"get"}


_UPPER = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}


def _placeholder_path(route: str) -> str:
    return "/" + re.sub(
        r"<(?:\w+:)?(\w+)>", lambda m: "{" + m.group(1).removesuffix("_id") + "}", route
    )


def _suggest(callback, route_or_path: str, method: str, rows) -> str:
    """Where a missing row goes and what it looks like."""
    module = getattr(callback, "__module__", "") or ""
    # The table that already holds rows for the same view module with the same method (a
    # table of GETs may not know how to post), else one with any method, else the app's.
    homes = {}
    for module_name, _name, row_method, path, _expected in rows:
        try:
            match = resolve(re.sub(r"\{[^}]*\}", "1", path.split("?")[0]))
        except Exception:  # noqa: S112 - a row for a route that is gone is reported below
            continue
        if getattr(match.func, "__module__", None) == module:
            homes.setdefault(row_method == method, module_name)
    home = homes.get(True) or homes.get(False)
    if home is None:
        parts = module.split(".")
        home = (
            f"tests.{parts[1]}.test_page_permissions"
            if parts[:1] == ["luoshi"] and len(parts) > 1
            else __name__
        )
    where = "tests/" + "/".join(home.split(".")[1:]) + ".py"
    return (
        f"add to TABLE in {where} a row\n"
        f'    ("<what it is>", "{method}", "{route_or_path}", …)\n'
        "  shaped like the rows beside it: the status every persona of tests/personas.py must "
        "get, ids filled in by that file's test"
        + (", and the body to post." if method == "post" else ".")
    )


def test_every_route_and_method_has_a_row_for_every_persona_in_a_permission_table():
    rows = _all_rows()
    problems = []
    covered: set[tuple[str, str]] = set()
    for module_name, name, method, path, expected in rows:
        if expected is None or set(expected) != set(PERSONAS):
            missing = sorted(str(p) for p in set(PERSONAS) - set(expected or {}))
            problems.append(f"{module_name}: row {name!r} does not name the personas {missing}")
        if path.startswith(API_BASE + "/") and path != API_BASE + "/":
            continue  # API operations are checked against the OpenAPI document below
        try:
            covered.add((_route_of(path), "post" if method == "upload" else method))
        except Exception as error:  # a row that reaches no route is named in the report
            problems.append(f"{module_name}: row {name!r} reaches no route ({path}: {error})")
    for route, _pattern, callback in _walk(get_resolver().url_patterns):
        if route.startswith("admin/") or route.startswith("api/v1/"):
            continue  # the admin's table is ADMIN above; the API's is its document
        for method in sorted(_methods_of(callback)):
            if (route, method) not in covered:
                view = f"{callback.__module__}.{getattr(callback, '__name__', callback)}"
                problems.append(
                    f"{method.upper()} /{route} (view {view}) has no row: "
                    + _suggest(callback, _placeholder_path(route), method, rows)
                )
    problems.extend(_api_problems(rows))
    assert not problems, (
        f"{len(problems)} routes have no expected answer for every persona:\n\n"
        + "\n\n".join(problems)
    )


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path.split("?")[0])


def _api_problems(rows) -> list[str]:
    """Every operation of the OpenAPI document needs a row in an API table."""
    document = api.get_openapi_schema()
    covered = {
        ("post" if method == "upload" else method, _shape(path))
        for module_name, _name, method, path, _expected in rows
        if module_name.startswith("tests.api.")
    }
    problems = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if (method, _shape(path)) in covered:
                continue
            home = (
                "tests/api/test_ledgers_api.py"
                if "ledgers" in operation.get("tags", [])
                else "tests/api/test_permissions.py"
            )
            problems.append(
                f"API {method.upper()} {path} ({operation.get('operationId')}) has no row: "
                f"add to TABLE in {home} a row such as\n"
                f'        ("what it is", "{method}", "{path.removeprefix(API_BASE)}", body, '
                "table(supervisor, leader, …, outsider, anonymous=…)),"
            )
    # Every Django pattern under the API is an operation of the document, or in TABLE above.
    operations = {_shape(path) for path in document["paths"]}
    for route, _pattern, _callback in _walk(get_resolver().url_patterns):
        if route.startswith("api/v1/") and "(?P" not in route and route != "api/v1/":
            shaped = _shape("/" + re.sub(r"<[^>]*>", "{}", route))
            if shaped not in operations and shaped != API_BASE + "/openapi.json":
                problems.append(f"/{route} is under the API but not in its OpenAPI document")
    return problems


@pytest.mark.parametrize("module_name", _table_modules())
def test_each_permission_table_is_run_by_its_own_module(module_name):
    """A table that no test runs checks nothing: its module has a test that walks TABLE."""
    source = inspect.getsource(import_module(module_name))
    assert re.search(r"for .* in TABLE", source), f"{module_name} does not run its TABLE"
