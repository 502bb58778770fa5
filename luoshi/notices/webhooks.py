"""Group robots: the JSON each one takes, DingTalk's signed address, and one bounded POST.

企业微信 group robot: {"msgtype": "text", "text": {"content": …}} or
{"msgtype": "markdown", "markdown": {"content": …}}.
钉钉 group robot: {"msgtype": "text", "text": {"content": …}} or
{"msgtype": "markdown", "markdown": {"title": …, "text": …}}; with 加签 on, the address
carries `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, f"{timestamp}\\n{secret}")).
Both answer {"errcode": 0, "errmsg": "ok"}; any other errcode is a failure.

Offices run robots and relays on their intranet, so private addresses are allowed; what
is bounded is the scheme (http and https only), the time and the size of the answer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from urllib.parse import quote_plus, urlsplit

from .choices import WebhookFlavour


class WebhookError(Exception):
    """The robot did not take the message; the text says why."""


def payload(flavour: str, markdown: bool, title: str, text: str, link: str = "") -> dict:
    """The JSON body the robot of `flavour` takes for a message."""
    if not markdown:
        content = f"{title}\n{text}" + (f"\n{link}" if link else "")
        return {"msgtype": "text", "text": {"content": content}}
    body = f"### {title}\n{text}" + (f"\n\n[{link}]({link})" if link else "")
    if flavour == WebhookFlavour.DINGTALK:
        return {"msgtype": "markdown", "markdown": {"title": title, "text": body}}
    return {"msgtype": "markdown", "markdown": {"content": body}}


def signed_url(url: str, secret: str, now_ms: int | None = None) -> str:
    """DingTalk's 加签: the address with `timestamp` and `sign` added to its query."""
    timestamp = str(now_ms if now_ms is not None else int(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    sign = quote_plus(base64.b64encode(digest).decode())
    joiner = "&" if urlsplit(url).query else "?"
    return f"{url}{joiner}timestamp={timestamp}&sign={sign}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A robot answers where it is asked; a redirect is a failure, never followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise WebhookError(f"HTTP {code}: redirect to {urlsplit(newurl).netloc} not followed")


_opener = urllib.request.build_opener(_NoRedirect)


def post(url: str, body: dict, *, timeout: float, max_bytes: int) -> None:
    """POST `body` as JSON; raise WebhookError unless the robot answers 2xx with no error
    code. The whole exchange takes at most about `timeout` seconds and reads at most
    `max_bytes` of the answer."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise WebhookError("only http and https addresses are allowed")
    data = json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
        url, data=data, method="POST", headers={"Content-Type": "application/json; charset=utf-8"}
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener.open(request, timeout=timeout) as response:
            raw = b""
            while chunk := response.read(4096):
                raw += chunk
                if len(raw) > max_bytes:
                    raise WebhookError(f"answer longer than {max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise WebhookError(f"answer took longer than {timeout:g} s")
    except urllib.error.HTTPError as error:
        raise WebhookError(f"HTTP {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise WebhookError(f"{type(error).__name__}: {reason}") from None
    try:
        answer = json.loads(raw) if raw else None
    except ValueError:
        answer = None  # a relay that answers plain text with 2xx took it
    if isinstance(answer, dict) and answer.get("errcode") not in (None, 0):
        message = str(answer.get("errmsg", ""))[:200]
        raise WebhookError(f"errcode {answer.get('errcode')}: {message}")
