from django.apps import apps
from django.core.management.base import BaseCommand

from kuulo.lib.secrets import ENCRYPTED_FIELDS, SecretUnreadable, rotate


class Command(BaseCommand):
    help = (
        "Encrypts every stored secret again under the current key (KUULO_FIELD_KEY, else the secret key). "
        "Run it after changing the key, with the old one still in KUULO_FIELD_KEYS_OLD; then remove the old one."
    )

    def handle(self, *args, **options) -> None:
        for label, field in ENCRYPTED_FIELDS:
            model = apps.get_model(label)
            done, unreadable = 0, []
            for row in model.objects.exclude(**{field: ""}).only("pk", field):
                try:
                    setattr(row, field, rotate(getattr(row, field)))
                except SecretUnreadable:
                    unreadable.append(str(row.pk))
                    continue
                row.save(update_fields=[field])
                done += 1
            self.stdout.write(f"{label}.{field}: {done} encrypted under the current key.")
            if unreadable:
                self.stderr.write(
                    f"{label}.{field}: no configured key reads the rows with id {', '.join(unreadable)}; "
                    "they must be entered again."
                )
