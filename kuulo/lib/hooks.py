"""One way for an app to tell the apps above it that something happened, without importing them.

An app that owns a change declares a `Hook` and calls it explicitly from its action, after the
change, with the arguments the action chooses (what changed, and where the change came from).
An app above it registers a handler in its AppConfig.ready(). Unlike a Django signal nothing fires
on save: the order of saves does not matter and raw fixture loads call nothing.
"""

from collections.abc import Callable


class Hook:
    def __init__(self, description: str) -> None:
        self.description = description
        self._handlers: list[Callable] = []

    def register(self, handler: Callable) -> Callable:
        if handler not in self._handlers:
            self._handlers.append(handler)
        return handler

    def __call__(self, *args, **kwargs) -> None:
        for handler in self._handlers:
            handler(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Hook {self.description}: {len(self._handlers)} handlers>"


class Lookup:
    """Like a Hook, but asks a question: the first handler's non-empty answer, else `default`.
    For when an app must show something that an app above it knows (e.g. a link to its page)."""

    def __init__(self, description: str, default=None) -> None:
        self.description = description
        self.default = default
        self._handlers: list[Callable] = []

    def register(self, handler: Callable) -> Callable:
        if handler not in self._handlers:
            self._handlers.append(handler)
        return handler

    def __call__(self, *args, **kwargs):
        for handler in self._handlers:
            if answer := handler(*args, **kwargs):
                return answer
        return self.default

    def __repr__(self) -> str:
        return f"<Lookup {self.description}: {len(self._handlers)} handlers>"
