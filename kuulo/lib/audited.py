"""The audit log's door for the apps below it (organisation, accounts), which cannot import it.

They call `audited(request_or_none, action, target, **details)` inside the transaction of the
change; the audit app registers `kuulo.audit.record` as its handler. Apps above the audit app
call `kuulo.audit.record` directly.
"""

from kuulo.lib.hooks import Hook

audited = Hook("a change to record in the audit log")
