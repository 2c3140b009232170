"""URL arguments of the customer-facing pages for tests/pages.py: a published
survey of the persona service with a collection point of the right kind."""

from tests.factories import published_survey


def link_key(service) -> list[str]:
    _version, point = published_survey(service=service, kind="link")
    return [point.key]


def widget_key(service) -> list[str]:
    _version, point = published_survey(service=service, kind="widget")
    return [point.key]
