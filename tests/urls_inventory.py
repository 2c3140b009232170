"""The named URL patterns of Kuulo's own apps, for tests that must cover every page."""

from django.urls import URLPattern, URLResolver, get_resolver

# Django's admin is Django's own and open to organisation admins only.
NOT_KUULO = {"admin"}


def kuulo_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in NOT_KUULO:
                    continue
                inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names
