from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def load_shipped_playbook(sender, **kwargs) -> None:
    """A fresh database gets the shipped cards, glossary and role guides on its first migrate;
    after that, `manage.py load_playbook` adds any shipped ones that are missing."""
    from django.db import connections

    from kuulo.playbook.models import Method
    from kuulo.playbook.pack import import_pack, shipped_pack

    using = kwargs.get("using", "default")
    if using != "default" or Method._meta.db_table not in connections[using].introspection.table_names():
        return  # another database, or the playbook migrated back to zero
    if not Method.objects.exists():
        import_pack(shipped_pack())


class PlaybookConfig(AppConfig):
    name = "kuulo.playbook"
    verbose_name = _("Playbook")

    def ready(self):
        post_migrate.connect(load_shipped_playbook, sender=self)
