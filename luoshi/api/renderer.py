"""JSON out of the API is strict JSON (RFC 8259): never NaN, Infinity or -Infinity.

Python's json module writes them by default, and clients' parsers then fail on the
whole response. Values are checked on the way in (core.values) and the engine
bounds its own figures, so a non-finite number can only come from a row stored
before those checks; such a number goes out as null, the way JSON says "no number".
"""

import math

from ninja.renderers import JSONRenderer


def finite(data):
    """`data` with every non-finite float replaced by None."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite(value) for value in data]
    return data


class StrictJSONRenderer(JSONRenderer):
    json_dumps_params = {"allow_nan": False}

    def render(self, request, data, *, response_status):
        try:
            return super().render(request, data, response_status=response_status)
        except ValueError:  # "Out of range float values are not JSON compliant"
            return super().render(request, finite(data), response_status=response_status)
