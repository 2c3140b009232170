"""How Kuulo knows a client's address: only ever hashed, never stored or logged raw.

The fingerprint is an HMAC-SHA256 of today's date and the address, keyed with the SECRET_KEY:
the same address gives the same fingerprint all day, and another one the next day, so a
fingerprint cannot follow a client from one day to the next. The survey and widget abuse
protection (feedback/abuse.py) and the audit log use it.
"""

import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone


def client_address(request: HttpRequest) -> str:
    """The address the request came from. Only ever used hashed. Behind trusted proxies it is
    the address the outermost of them saw, so a forged X-Forwarded-For entry changes nothing."""
    proxies = settings.KUULO_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_fingerprint(request: HttpRequest) -> str:
    """HMAC of today's date and the client address: stable for one day, then unlinkable."""
    day = timezone.localdate().isoformat()
    message = f"{day}|{client_address(request)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]
