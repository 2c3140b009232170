"""The one guarded JSON parser for every request body Kuulo reads.

`json.loads` recurses once per nesting level, so a body of 5,000 nested arrays
raises RecursionError (a 500). `parse` checks size and depth before decoding,
reads only strict UTF-8 and refuses NaN and Infinity, and raises `BodyError`
with the HTTP status and a translated message that the endpoint answers in its
own error shape.
"""

import json
import re

from django.utils.translation import gettext as _

MAX_DEPTH = 32

_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")


class BodyError(ValueError):
    """A request body that is refused: `status` 400 (not valid JSON, too deep) or 413 (too large)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in `body`, brackets inside strings left out."""
    deepest = level = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub(b"", body)):
        level += 1 if bracket in (b"[", b"{") else -1
        deepest = max(deepest, level)
    return deepest


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def parse(body: bytes | str, *, limit: int, max_depth: int = MAX_DEPTH) -> object:
    """The JSON value of `body`, or BodyError: 413 above `limit` bytes, 400 when not
    UTF-8, not JSON (NaN and Infinity are not JSON) or nested deeper than `max_depth`."""
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogatepass")
    if len(body) > limit:
        raise BodyError(413, _("The body is larger than %(count)d bytes.") % {"count": limit})
    if depth(body) > max_depth:
        raise BodyError(400, _("The JSON is nested more than %(count)d levels deep.") % {"count": max_depth})
    try:
        value = json.loads(body.decode("utf-8"), parse_constant=_no_constant)
        json.dumps(value, ensure_ascii=False).encode("utf-8")  # a lone surrogate escape ("\\ud800") is no text
    except (UnicodeError, ValueError, RecursionError) as error:
        raise BodyError(400, _("The body is not valid JSON.")) from error
    return value


def declared_length(request) -> int | None:
    """The request's Content-Length, 0 when absent, None when it is not a number."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
