"""Sets up the test provider's database: its signing key, the Kuulo client and two people.

python -m tests.oidc_provider.setup REDIRECT_URI
"""

import sys

import django


def main(redirect_uri: str) -> None:
    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType

    call_command("migrate", verbosity=0)
    call_command("creatersakey", verbosity=0)
    client = Client.objects.create(
        name="Kuulo",
        client_type="confidential",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        jwt_alg="RS256",
        require_consent=False,
    )
    client.redirect_uris = [redirect_uri]
    client.save()
    client.response_types.add(ResponseType.objects.get(value="code"))
    for username, first, last, groups in PEOPLE:
        user = User.objects.create_user(
            username, f"{username}@virasto.example", PASSWORD, first_name=first, last_name=last
        )
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])


CLIENT_ID = "kuulo"
CLIENT_SECRET = "kuulo-test-secret"
PASSWORD = "provider-password-1"
# user name, given name, family name, groups
PEOPLE = [
    ("maija", "Maija", "Meikäläinen", ["kuulo-asumistuki-tiimi"]),
    ("anna", "Anna", "Andersson", ["kuulo-admins"]),
]

if __name__ == "__main__":
    main(sys.argv[1])
