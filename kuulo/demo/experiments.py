"""The demo's experiment and the public "You said, we did" page of the housing allowance.

- The advice line tried callback booking for four weeks (CALLBACK_TRIAL in the demo
  stories, where customers found their issue easier to handle meanwhile): an
  experiment on CES whose result the demo feedback computes, with the product
  owner's decision and learning, linked to the callback items of the backlog.
- The housing allowance's published items (kuulo.demo.backlog) get a theme of what
  customers said about the application form and one quote the product owner approved.

Idempotent: an experiment or theme that exists (same service and title or name) is left
as it is, so its dates keep matching the feedback loaded with them. Runs after the
backlog's and the board's demo items.
"""

import datetime

from django.utils import timezone

from kuulo.accounts.models import User
from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem, PublicQuote
from kuulo.comments import actions as comment_actions
from kuulo.comments.analysis import store
from kuulo.comments.models import Theme
from kuulo.demo.stories import CALLBACK_TRIAL
from kuulo.effects.models import Experiment
from kuulo.feedback.models import Comment
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service
from kuulo.traceability import queries as links
from kuulo.traceability.models import Link

EXPERIMENT = {
    "title": "Takaisinsoiton varaus ruuhka-aikoina (kokeilu)",
    "hypothesis": "Uskomme, että asiakkaan asia hoituu helpommin, kun hän voi jonottamisen sijaan varata "
    "takaisinsoiton, koska pitkä jonotus on yleisin valituksen aihe puhelinneuvonnassa.",
    "change": "Neljän viikon ajan puhelinjonossa tarjottiin mahdollisuutta varata takaisinsoitto, kun arvioitu "
    "jonotusaika ylitti kymmenen minuuttia. Kaksi neuvojaa soitti takaisinsoitot iltapäivisin.",
    "direction": "up",
    "minimum_change": 5,
    "decision": Experiment.Decision.CONTINUE,
    "learning": "Asiakkaat kokivat asiansa hoituneen helpommin ja takaisinsoitot ehdittiin soittaa samana "
    "päivänä. Takaisinsoitto otetaan pysyvästi käyttöön ruuhka-aikoina; tekstiviestilupaus kokeillaan seuraavaksi.",
}
EXPERIMENT_ITEMS = ["Takaisinsoittopalvelu ruuhka-aikoina", "Takaisinsoiton lupaus tekstiviestillä"]

# The housing allowance: what customers said about the application form, and one quote to approve.
FORM_THEME = (
    {
        "fi": "Hakulomakkeen täyttäminen",
        "sv": "Att fylla i ansökningsblanketten",
        "en": "Filling in the application form",
    },
    ["lomake", "hakemus", "blankett", "ansökan", "form", "application"],
)
QUOTED_ITEM = "Asumistuen hakulomakkeen uudistus"


def load_demo_experiments(today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    services = {
        service.slug: service
        for service in Service.objects.filter(slug__in=["advice-line", "housing-allowance-online"])
    }
    if "advice-line" in services:
        _callback_experiment(services["advice-line"], today)
    if "housing-allowance-online" in services:
        _housing_public_page(services["housing-allowance-online"])


def _callback_experiment(service: Service, today: datetime.date) -> Experiment:
    existing = Experiment.objects.filter(service=service, title=EXPERIMENT["title"]).first()
    if existing:
        return existing
    first, last = CALLBACK_TRIAL
    experiment = Experiment.objects.create(
        service=service,
        metric=Metric.objects.get(code="ces", version=1),
        starts_on=today - datetime.timedelta(days=first),
        ends_on=today - datetime.timedelta(days=last),
        created_by=User.objects.filter(username="sofia").first(),
        **EXPERIMENT,
    )
    experiment.items.set(BacklogItem.objects.filter(service=service, title__in=EXPERIMENT_ITEMS))
    return experiment


def _housing_public_page(service: Service) -> None:
    published = BacklogItem.objects.filter(service=service, published=True).values("pk")
    evidence = Comment.objects.filter(
        pk__in=Link.objects.pair("comment", "item").filter(target_id__in=published).values("source_id")
    )
    # The comments behind the published items are analysed now (the rest waits for the task worker),
    # so the theme below finds them.
    store.analyse_comments(evidence.filter(analysed_at__isnull=True).distinct())
    names, terms = FORM_THEME
    theme = Theme.objects.filter(service=service, name_fi=names["fi"]).first()
    if theme is None:
        comment_actions.create_rule_theme(names, terms, service=service)
    elif theme.names != names:  # named in Finnish only before themes had names in three languages
        comment_actions.update_rule_theme(theme, names=names)
    _approve_one_quote(service)


def _approve_one_quote(service: Service) -> None:
    items = list(BacklogItem.objects.filter(service=service, title=QUOTED_ITEM).values_list("pk", flat=True))
    comments = sorted((c for found in links.sources("item", items, "comment").values() for c in found), key=_link_id)
    if PublicQuote.objects.filter(link_id__in=[comment.link_id for comment in comments]).exists():
        return
    # A short, positive comment in Finnish reads best on the page.
    liked = [comment for comment in comments if comment.sentiment == "positive" and comment.language == "fi"]
    chosen = min(liked, key=lambda comment: (len(comment.text), comment.link_id), default=None)
    chosen = chosen or next(iter(comments), None)
    if chosen is None:
        return
    actions.approve_quote(Link.objects.get(pk=chosen.link_id), User.objects.filter(username="owner").first())


def _link_id(comment: Comment) -> int:
    return comment.link_id
