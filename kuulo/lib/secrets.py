"""Secrets that Kuulo must keep and send on (the Jira API token), encrypted at rest.

Fernet from the cryptography package: AES in CBC mode with an HMAC-SHA256, so a value
that was changed in the database, or encrypted under another key, is refused rather than
read as garbage. A database dump or backup alone does not give away working credentials.

Keys, read from the settings at each call:
- the current key: KUULO_FIELD_KEY, or SECRET_KEY when that is empty. Any string; the
  Fernet key is derived from it with HKDF-SHA256.
- old keys: KUULO_FIELD_KEYS_OLD (and, with the SECRET_KEY fallback, SECRET_KEY_FALLBACKS).
Encrypt with the current key, decrypt with any. `manage.py rotate_secrets` encrypts every
stored secret again under the current key, after which the old keys can go.

    stored = encrypt("the token")   # a str for a TextField
    decrypt(stored)                 # "the token", or SecretUnreadable when no key fits

A new encrypted column adds itself to ENCRYPTED_FIELDS, so rotate_secrets covers it.
"""

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.views.decorators.debug import sensitive_variables

# Every column that holds a value of encrypt(): "app_label.Model", field name.
ENCRYPTED_FIELDS = [("integrations.JiraConfig", "api_token_encrypted")]


class SecretUnreadable(Exception):
    """The stored value was encrypted under a key Kuulo no longer has (or was altered)."""


@sensitive_variables("secret", "key")
def _fernet(secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"kuulo field encryption").derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _keys() -> MultiFernet:
    """The current key first, then the old ones."""
    if settings.KUULO_FIELD_KEY:
        secrets = [settings.KUULO_FIELD_KEY]
    else:
        secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    secrets += [secret for secret in settings.KUULO_FIELD_KEYS_OLD if secret not in secrets]
    return MultiFernet([_fernet(secret) for secret in secrets])


@sensitive_variables("plain")
def encrypt(plain: str) -> str:
    return _keys().encrypt(plain.encode()).decode()


@sensitive_variables("stored")
def decrypt(stored: str) -> str:
    try:
        return _keys().decrypt(stored.encode()).decode()
    except InvalidToken:
        raise SecretUnreadable from None


def rotate(stored: str) -> str:
    """The same secret encrypted under the current key. Raises SecretUnreadable."""
    try:
        return _keys().rotate(stored.encode()).decode()
    except InvalidToken:
        raise SecretUnreadable from None
