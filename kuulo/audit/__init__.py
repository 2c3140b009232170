"""The audit log: an append-only record of who did what, when and from which (hashed) address.

Apps call `record(request_or_none, action, target=None, **details)` inside the transaction of
the change they make, so the entry and the change are stored together or not at all.
"""


def record(request, action: str, target=None, **details):
    """Writes one audit entry; see kuulo/audit/log.py."""
    from kuulo.audit.log import record as write

    return write(request, action, target, **details)
