"""Secrets kept in the database (a federation's sealing certificate and its password) are encrypted with Fernet,
with FINSAM_ENCRYPTION_KEY from the environment: a copy of the database alone does not give the keys away."""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _fernet() -> Fernet:
    key = settings.FINSAM_ENCRYPTION_KEY
    if not key:
        if not (settings.DEBUG or settings.TESTING):
            raise ImproperlyConfigured("FINSAM_ENCRYPTION_KEY must be set to keep sealing certificates.")
        # development and tests only: a key derived from SECRET_KEY
        key = base64.urlsafe_b64encode(hashlib.sha256(settings.SECRET_KEY.encode()).digest()).decode()
    try:
        return Fernet(key)
    except ValueError as exc:
        raise ImproperlyConfigured("FINSAM_ENCRYPTION_KEY must be a Fernet key (32 url-safe base64 bytes).") from exc


def encrypt(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(bytes(token))
    except InvalidToken as exc:
        raise ImproperlyConfigured("A stored secret cannot be decrypted: is FINSAM_ENCRYPTION_KEY right?") from exc
