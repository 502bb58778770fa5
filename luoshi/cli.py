"""The `luoshi` command.

`luoshi evaluate` and `luoshi extract` are pure-Python tools: they run without a
database and without Django settings, so they are dispatched before Django is
loaded. Every other subcommand is a Django management command.
"""

import os
import sys

PURE_COMMANDS = {
    "evaluate": "luoshi.core.status_cli",
    "extract": "luoshi.core.intake.cli",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in PURE_COMMANDS:
        from importlib import import_module

        module = import_module(PURE_COMMANDS[argv[1]])
        return module.main(argv[2:])

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
