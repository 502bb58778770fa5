"""Local overrides of Django's per-language formats (FORMAT_MODULE_PATH).

An ``<input type="date">`` only accepts and shows ISO dates (2025-09-30), in
every language; Django's zh-Hans formats put ``2025/09/30`` first, which a
date input shows as empty. So every language here reads and writes ISO first,
and still accepts what people type by hand.
"""

DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2025-09-30: what a date input sends and must be given
    "%Y/%m/%d",  # 2025/09/30
    "%Y年%m月%d日",  # 2025年9月30日
    "%Y.%m.%d",  # 2025.9.30
]

DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M",  # what a datetime-local input sends and must be given
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
]
