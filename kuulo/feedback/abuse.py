"""Abuse protection shared by the hosted survey page and the widget endpoints.

- A client is known only by a fingerprint: HMAC-SHA256 of today's date and its
  address, keyed with the SECRET_KEY. The date rotates the salt daily, so the
  same address cannot be followed from one day to the next, and no raw
  address is ever stored or logged.
- Rate limits are fixed one-minute windows in Django's cache (`cache.add` then
  `cache.incr`), which works with LocMem in the embedded default and with
  Redis when scaled out.
- A filled honeypot field or an answer faster than KUULO_MIN_FILL_SECONDS is
  not refused (a bot would only learn to avoid the trap): the response is
  stored as suspect and waits for review instead of entering the figures.
"""

import math
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kuulo.lib.addresses import client_address, client_fingerprint  # noqa: F401  (used here and by the widget)

HONEYPOT = "honeypot"
TOO_FAST = "too_fast"
NO_START_TIME = "no_start_time"
# Stored in Response.suspect_reason as a code; staff pages show the label (Response.get_suspect_reason_display).
SUSPECT_REASONS = {
    HONEYPOT: _("A field hidden from people was filled in"),
    TOO_FAST: _("Answered faster than a person can read the questions"),
    NO_START_TIME: _("The form was not opened before answering"),
}

WINDOW_SECONDS = 60
_START_SALT = "kuulo.survey-start"
_START_MAX_AGE = 60 * 60 * 24


def describe_suspect_reason(reason: str) -> str:
    return str(SUSPECT_REASONS.get(reason, reason))


def hit(scope: str, limit: int) -> int | None:
    """Counts one request in the current minute of `scope`. Over `limit`, the
    seconds until the window ends (for Retry-After); otherwise None."""
    now = time.time()
    window = int(now // WINDOW_SECONDS) * WINDOW_SECONDS
    key = f"kuulo:rate:{scope}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 5)
        count = 1
    if count > limit:
        return max(1, math.ceil(window + WINDOW_SECONDS - now))
    return None


def retry_after(request: HttpRequest, point) -> int | None:
    """Counts a submission against the client's and the collection point's
    limits: seconds to wait when either is exceeded, else None."""
    client_wait = hit(f"client:{client_fingerprint(request)}", settings.KUULO_RESPONSES_PER_CLIENT_PER_MINUTE)
    point_wait = hit(f"point:{point.pk}", point.max_per_minute)
    return client_wait or point_wait


def start_token() -> str:
    """A signed timestamp for a form's hidden field: when the customer opened it."""
    return signing.dumps(time.time(), salt=_START_SALT, compress=False)


def seconds_since(token: str) -> float | None:
    """Seconds since `token` was made, or None when it is missing, forged or stale."""
    try:
        started = signing.loads(token or "", salt=_START_SALT, max_age=_START_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(started, int | float):
        return None
    return max(0.0, time.time() - started)


def suspect_reason(*, honeypot: object, elapsed_seconds: float | None) -> str:
    """'' for an ordinary answer, else the code of why it looks automated."""
    if honeypot:
        return HONEYPOT
    if elapsed_seconds is None:
        return NO_START_TIME
    if elapsed_seconds < settings.KUULO_MIN_FILL_SECONDS:
        return TOO_FAST
    return ""
