"""The Jira API token is kept encrypted: the column is renamed and every stored token encrypted.

This data migration imports kuulo.lib.secrets on purpose: the tokens must be written with
the encryption the running code reads, whenever the migration runs (it is a plain helper,
not an app's models). Reversing decrypts them; a token no key can read any more is cleared.
"""

from django.db import migrations, models

from kuulo.lib.secrets import SecretUnreadable, decrypt, encrypt


def encrypt_tokens(apps, schema_editor):
    JiraConfig = apps.get_model("integrations", "JiraConfig")
    for config in JiraConfig.objects.exclude(api_token_encrypted=""):
        try:
            decrypt(config.api_token_encrypted)
            continue  # already encrypted
        except SecretUnreadable:
            pass
        config.api_token_encrypted = encrypt(config.api_token_encrypted)
        config.save(update_fields=["api_token_encrypted"])


def decrypt_tokens(apps, schema_editor):
    JiraConfig = apps.get_model("integrations", "JiraConfig")
    for config in JiraConfig.objects.exclude(api_token_encrypted=""):
        try:
            config.api_token_encrypted = decrypt(config.api_token_encrypted)
        except SecretUnreadable:
            config.api_token_encrypted = ""
        config.save(update_fields=["api_token_encrypted"])


class Migration(migrations.Migration):

    dependencies = [
        ('integrations', '0001_initial'),
    ]

    operations = [
        migrations.RenameField(
            model_name='jiraconfig',
            old_name='api_token',
            new_name='api_token_encrypted',
        ),
        migrations.AlterField(
            model_name='jiraconfig',
            name='api_token_encrypted',
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(encrypt_tokens, decrypt_tokens),
    ]
