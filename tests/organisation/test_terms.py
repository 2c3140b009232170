"""Customer groups and touchpoints as the organisation's own vocabularies: named, ordered, retired,
and shown by name wherever a response's code would otherwise show."""

import pytest
from django.urls import reverse
from django.utils import translation

from kuulo.organisation import terms
from kuulo.organisation.models import Term
from kuulo.surveys.forms import CollectionPointForm
from tests.dashboards.test_service_dashboard import answer, surveyed  # noqa: F401  (fixture)
from tests.dashboards.test_service_dashboard import url as dashboard_url
from tests.factories import TermFactory, published_survey

LIST = reverse("organisation:term_list")


def group(code: str, fi: str, sv: str, en: str, **extra) -> Term:
    return TermFactory(code=code, name_fi=fi, name_sv=sv, name_en=en, **extra)


def test_an_admin_adds_a_customer_group_and_filters_offer_it_by_name(client_as):
    client = client_as("admin")
    response = client.post(
        reverse("organisation:term_create", args=["customer_group"]),
        {"code": "private-person", "name_fi": "Yksityishenkilö", "name_sv": "Privatperson", "name_en": ""},
    )
    assert response.status_code == 302
    term = Term.objects.get(code="private-person")
    assert (term.kind, term.name_fi, term.retired_at) == ("customer_group", "Yksityishenkilö", None)
    overview = client.get(reverse("dashboards:overview"), headers={"Accept-Language": "fi"})
    choices = dict(overview.context["filters"].fields["customer_group"].choices)
    assert choices["private-person"] == "Yksityishenkilö"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"code": "", "name_fi": "Yritys"}, "code"),
        ({"code": "business", "name_fi": "", "name_sv": "", "name_en": ""}, "name_fi"),
        ({"code": "taken", "name_fi": "Toinen"}, "code"),
    ],
)
def test_a_term_needs_a_new_code_and_a_name(client_as, data, field):
    group("taken", "Varattu", "", "")
    response = client_as("admin").post(reverse("organisation:term_create", args=["customer_group"]), data)
    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert Term.objects.count() == 1


def test_the_same_code_may_be_a_customer_group_and_a_touchpoint(client_as):
    group("desk", "Tiski", "", "")
    response = client_as("admin").post(
        reverse("organisation:term_create", args=["touchpoint"]), {"code": "desk", "name_en": "Desk"}
    )
    assert response.status_code == 302
    assert Term.objects.filter(code="desk").count() == 2


def test_an_unknown_vocabulary_does_not_exist(client_as):
    assert client_as("admin").get(reverse("organisation:term_create", args=["colour"])).status_code == 404


def test_editing_changes_names_but_never_the_code(client_as):
    term = group("business", "Firma", "Företag", "Business")
    response = client_as("admin").post(
        reverse("organisation:term_edit", args=[term.pk]),
        {"code": "changed", "name_fi": "Yritys", "name_sv": "Företag"},
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert (term.code, term.name_fi, term.name_en) == ("business", "Yritys", "")


def test_an_admin_reorders_the_terms_and_filters_follow_the_order(client_as):
    first, _second, third = (group(code, code.upper(), "", "") for code in ("a", "b", "c"))
    client = client_as("admin")
    client.post(reverse("organisation:term_move", args=[third.pk]), {"direction": "up"})
    client.post(reverse("organisation:term_move", args=[first.pk]), {"direction": "down"})
    assert [code for code, _name in terms.choices_for(None, "customer_group")] == ["c", "a", "b"]
    assert client.post(reverse("organisation:term_move", args=[first.pk]), {"direction": "sideways"}).status_code == 400


def test_a_retired_term_is_not_offered_but_old_answers_still_read_by_name(client_as, surveyed, service):  # noqa: F811
    version, point = surveyed
    group("business", "Yritys", "Företag", "Business")
    group("private-person", "Yksityishenkilö", "Privatperson", "Private person")
    for day in range(24):
        answer(version, point, 1 + day % 5, days_ago=day, customer_group=("business", "private-person")[day % 2])
    client = client_as("admin")
    business = Term.objects.get(code="business")
    client.post(reverse("organisation:term_retire", args=[business.pk]), {"retired": "1"})
    assert [code for code, _name in terms.choices_for(None, "customer_group")] == ["private-person"]

    response = client_as("viewer").get(dashboard_url(service), headers={"Accept-Language": "sv"})
    content = response.content.decode()
    assert "Företag" in content and "Privatperson" in content
    assert "private-person" not in content.replace('value="private-person"', "")
    # an old link that filters by the retired group still works
    filtered = client_as("viewer").get(dashboard_url(service, customer_group="business"))
    assert filtered.status_code == 200 and "Some filters" not in filtered.content.decode()

    client_as("admin").post(reverse("organisation:term_retire", args=[business.pk]), {"retired": "0"})
    assert [code for code, _name in terms.choices_for(None, "customer_group")] == ["business", "private-person"]


def test_a_name_missing_in_the_page_language_comes_from_another_and_says_which(db):
    group("business", "Yritys", "", "Business")
    TermFactory(kind=Term.Kind.TOUCHPOINT, code="desk", name_fi="", name_sv="", name_en="")
    with translation.override("sv"):
        name = terms.names_for(None, "customer_group")["business"]
        assert (str(name), name.lang) == ("Yritys", "fi")
        assert terms.marked(name) == '<span lang="fi">Yritys</span>'
        assert terms.name_of(None, "touchpoint", "desk") == "desk"
        assert terms.name_of(None, "touchpoint", "unknown") == "unknown"
    with translation.override("fi"):
        name = terms.names_for(None, "customer_group")["business"]
        assert (str(name), name.lang) == ("Yritys", "")


def test_imported_values_match_a_code_or_a_name_in_any_language(db):
    group("private-person", "Yksityishenkilö", "Privatperson", "Private person")
    assert terms.code_for(None, "customer_group", " privatperson ") == "private-person"
    assert terms.code_for(None, "customer_group", "Private  Person") == "private-person"
    assert terms.code_for(None, "customer_group", "private-person") == "private-person"
    assert terms.code_for(None, "customer_group", "Yritys") is None
    assert terms.code_for(None, "touchpoint", "Privatperson") is None


def test_the_list_shows_both_vocabularies_to_admins_only(client_as):
    group("business", "Yritys", "Företag", "Business")
    TermFactory(kind=Term.Kind.TOUCHPOINT, code="desk", name_fi="Palvelutiski")
    content = client_as("admin").get(LIST).content.decode()
    assert "Yritys" in content and "Palvelutiski" in content
    for role in ("product_owner", "team_member", "viewer", "outsider"):
        assert client_as(role).get(LIST).status_code == 404


def test_a_collection_point_offers_touchpoints_by_name_and_shows_its_name(client_as, service):
    TermFactory(kind=Term.Kind.TOUCHPOINT, code="front-desk", name_fi="Palvelutiski", name_en="Front desk")
    version, point = published_survey(service=service)
    with translation.override("fi"):
        assert ("front-desk", "Palvelutiski") in list(CollectionPointForm().fields["touchpoint"].choices)
    point.touchpoint = "front-desk"
    point.save(update_fields=["touchpoint"])
    page = client_as("product_owner").get(version.survey.get_absolute_url(), headers={"Accept-Language": "fi"})
    assert "Palvelutiski" in page.content.decode()


def test_the_data_migration_names_every_code_in_use_once(surveyed, service):  # noqa: F811
    import importlib

    from django.apps import apps

    migration = importlib.import_module("kuulo.feedback.migrations.0007_terms_for_codes_in_use")
    version, point = surveyed
    point.touchpoint = "front-desk"
    point.save(update_fields=["touchpoint"])
    for group_code in ("private-person", "private-person", "business"):
        answer(version, point, 4, customer_group=group_code, touchpoint="phone_queue")
    group("business", "Yritys", "Företag", "Business")  # already named: left as it is
    migration.add_terms(apps, None)
    migration.add_terms(apps, None)  # running it again adds nothing
    found = {(term.kind, term.code): (term.name_fi, term.name_en) for term in Term.objects.all()}
    assert found == {
        ("customer_group", "business"): ("Yritys", "Business"),
        ("customer_group", "private-person"): ("", "Private person"),
        ("touchpoint", "front-desk"): ("", "Front desk"),
        ("touchpoint", "phone_queue"): ("", "Phone queue"),
    }
