#!/usr/bin/env python
"""Django's command-line utility; `luoshi` (the console script) does the same."""

import sys

from luoshi.cli import main

if __name__ == "__main__":
    sys.exit(main())
