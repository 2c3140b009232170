"""URL arguments for the API token pages in tests/pages.py."""


def token_pk() -> int:
    from kuulo.api.models import ApiToken

    return ApiToken.issue("Test integration")[0].pk
