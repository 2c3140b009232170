"""URL arguments for the API token pages in tests/pages.py."""


def token_pk() -> int:
    from kuulo.api.models import ApiToken

    return ApiToken.issue("Test integration")[0].pk


def with_legacy_token(service) -> list:
    """No arguments; a token made before scopes, so that the list shows its notice."""
    from kuulo.api.models import ApiToken

    api_token = ApiToken.issue("Old CRM")[0]
    ApiToken.objects.filter(pk=api_token.pk).update(legacy=True)
    return []
