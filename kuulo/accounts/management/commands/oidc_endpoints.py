"""Prints the KUULO_OIDC_* endpoint variables from a provider's discovery document."""

import requests
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Reads ISSUER/.well-known/openid-configuration and prints the KUULO_OIDC_* lines for the environment."

    def add_arguments(self, parser):
        parser.add_argument("issuer", help="e.g. https://login.example.fi/realms/agency")

    def handle(self, *args, issuer: str, **options):
        address = issuer.rstrip("/") + "/.well-known/openid-configuration"
        try:
            answer = requests.get(address, timeout=10)
            answer.raise_for_status()
            document = answer.json()
        except (requests.RequestException, ValueError) as error:
            raise CommandError(f"Could not read {address}: {error}") from error
        names = {
            "KUULO_OIDC_ISSUER": "issuer",
            "KUULO_OIDC_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
            "KUULO_OIDC_TOKEN_ENDPOINT": "token_endpoint",
            "KUULO_OIDC_USERINFO_ENDPOINT": "userinfo_endpoint",
            "KUULO_OIDC_JWKS_ENDPOINT": "jwks_uri",
        }
        missing = [key for key in names.values() if not document.get(key)]
        if missing:
            raise CommandError(f"The discovery document has no {', '.join(missing)}.")
        for variable, key in names.items():
            self.stdout.write(f"{variable}={document[key]}")
