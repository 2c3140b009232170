"""The named URL patterns of Kuulo's own apps, for tests that must cover every page and action."""

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

# Django's admin is Django's own and open to organisation admins only.
NOT_KUULO = {"admin"}


def _patterns() -> dict[str, dict]:
    """Each URL name with the converters of its route (its includes' and its own)."""
    found: dict[str, dict] = {}

    def walk(patterns, namespace: str | None, converters: dict) -> None:
        for pattern in patterns:
            inner_converters = {**converters, **getattr(pattern.pattern, "converters", {})}
            if isinstance(pattern, URLResolver):
                if pattern.namespace in NOT_KUULO:
                    continue
                inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
                walk(pattern.url_patterns, inner, inner_converters)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.setdefault(f"{namespace}:{pattern.name}" if namespace else pattern.name, inner_converters)

    walk(get_resolver().url_patterns, None, {})
    return found


def kuulo_url_names() -> set[str]:
    return set(_patterns())


def sample_url(name: str) -> str:
    """The URL `name` with a made-up value for each of its parts (a number that names no row, or "x"):
    enough to learn which methods the view accepts, which Django checks before anything else."""
    converters = _patterns()[name]
    kwargs = {part: 999999 if isinstance(converter, IntConverter) else "x" for part, converter in converters.items()}
    return reverse(name, kwargs=kwargs)
