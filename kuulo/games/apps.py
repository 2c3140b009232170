from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def load_shipped_content(sender, **kwargs) -> None:
    """The maturity model and quizzes that ship with Kuulo, written once when missing.

    Loaded after migrating rather than by a data migration, because they are
    read by the pack importer (kuulo.games.packs), which a migration may not import."""
    from kuulo.games.models import MaturityModel
    from kuulo.games.packs import CONTENT, load_shipped

    if kwargs.get("using", "default") != "default":
        return
    for path in sorted(CONTENT.glob("*.json")):
        if path.stem == "maturity" and MaturityModel.objects.filter(slug="kuulo-customer-centricity").exists():
            continue
        if path.stem != "maturity" and not missing_quizzes(path):
            continue
        load_shipped(path.stem)


def missing_quizzes(path) -> bool:
    import json

    from kuulo.games import models

    slugs = [quiz["slug"] for quiz in json.loads(path.read_text(encoding="utf-8")).get("quizzes", [])]
    quiz_model = getattr(models, "Quiz", None)
    return bool(slugs) and quiz_model is not None and not quiz_model.objects.filter(slug__in=slugs).exists()


class GamesConfig(AppConfig):
    name = "kuulo.games"
    verbose_name = _("Maturity and quizzes")

    def ready(self):
        post_migrate.connect(load_shipped_content, sender=self)
        from kuulo.games import receivers

        receivers.connect()
        from kuulo.api.api import api
        from kuulo.games.api import router

        api.add_router("/", router)
