import pytest
from django.urls import reverse

from kuulo.comments.models import CommentTheme, Theme
from kuulo.feedback.models import Response
from tests.comments.pages import auto_theme, make_comment, rule_theme
from tests.factories import ServiceFactory


def themes_url(service, **params) -> str:
    url = reverse("comments:theme_list", args=[service.pk])
    return url + ("?" + "&".join(f"{name}={value}" for name, value in params.items()) if params else "")


# The themes page


def test_the_themes_page_counts_each_theme_in_the_period(client_as, service):
    queue = Theme.objects.create(name_fi="Jonotus", kind=Theme.Kind.AUTO, top_terms={"fi": ["jono"], "sv": ["kö"]})
    form = rule_theme(service, "Lomake", terms=["lomake"])
    make_comment(service, "a", sentiment="negative", themes=[queue])
    make_comment(service, "b", sentiment="positive", themes=[queue, form])
    make_comment(service, "c", sentiment="neutral")
    make_comment(service, "vanha", themes=[queue], days_ago=400)
    make_comment(service, "epäilty", themes=[queue], status=Response.Status.SUSPECT)
    response = client_as("viewer").get(themes_url(service))
    assert response.status_code == 200
    rows = {row.theme.name: row for row in response.context["rows"]}
    assert response.context["total"] == 3
    assert rows["Jonotus"].count == 2
    assert round(rows["Jonotus"].share) == 67
    assert rows["Jonotus"].sentiments == {"negative": 1, "positive": 1}
    assert rows["Lomake"].count == 1
    content = response.content.decode()
    assert "kö" in content
    assert f"?theme={queue.pk}&amp;period=365" in content


def test_the_themes_page_leaves_out_what_this_service_does_not_have(client_as, service):
    Theme.objects.create(name_fi="Muiden teema", kind=Theme.Kind.AUTO)  # no comments of this service
    rule_theme(ServiceFactory(), "Toisen palvelun sääntö")
    everywhere = Theme.objects.create(name_fi="Kaikkien sääntö", kind=Theme.Kind.RULE, terms=["x"])
    make_comment(service, "a")
    names = [row.theme.name for row in client_as("viewer").get(themes_url(service)).context["rows"]]
    assert names == [everywhere.name]


def test_the_largest_themes_get_a_trend_chart_with_a_table(client_as, service):
    queue = auto_theme(service, "Jonotus")
    for days_ago in (1, 2, 40):
        make_comment(service, "jono", themes=[queue], days_ago=days_ago)
    response = client_as("viewer").get(themes_url(service, grain="week", period="90"))
    charted = response.context["charted"]
    assert [row.theme.name for row in charted] == ["Jonotus"]
    chart = charted[0].trend
    assert sum(int(row["value"]) for row in chart.rows) == 3
    assert "3 in the period" in chart.summary
    content = response.content.decode()
    assert f'aria-labelledby="theme-trend-{queue.pk}-text"' in content
    assert "<table>" in content


@pytest.mark.parametrize("params", [{"grain": "day"}, {"period": "1"}, {"start": "x"}])
def test_bad_theme_filters_answer_422(client_as, service, params):
    assert client_as("viewer").get(themes_url(service, **params)).status_code == 422


def test_viewers_see_no_staff_actions(client_as, service):
    auto_theme(service)
    make_comment(service, themes=[Theme.objects.get()])
    assert "Rename" not in client_as("viewer").get(themes_url(service)).content.decode()
    assert "Rename" in client_as("product_owner").get(themes_url(service)).content.decode()


# Staff actions: who may do what


def post_as(client_as, role, name, args, data=None):
    return client_as(role).post(reverse(f"comments:{name}", args=args), data or {})


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_change_themes(client_as, service, role, status):
    theme, rule = auto_theme(service), rule_theme(service)
    pk = service.pk
    assert post_as(client_as, role, "theme_rename", [pk, theme.pk], {"name_fi": "X"}).status_code == status
    assert post_as(client_as, role, "theme_split", [pk, theme.pk]).status_code == status
    assert (
        post_as(client_as, role, "theme_merge", [pk], {"target": theme.pk, "others": [rule.pk]}).status_code == status
    )
    assert post_as(client_as, role, "rule_create", [pk], {"name_fi": "X", "terms": "x"}).status_code == status
    assert post_as(client_as, role, "rule_edit", [pk, rule.pk], {"name_fi": "X", "terms": "x"}).status_code == status
    assert post_as(client_as, role, "rule_delete", [pk, rule.pk]).status_code == status
    assert post_as(client_as, role, "theme_recluster", [pk]).status_code == status
    assert Theme.objects.count() == 2
    assert Theme.objects.get(pk=theme.pk).name == theme.name


def test_a_product_owner_renames_an_automatic_theme(client_as, service):
    theme = Theme.objects.create(name_fi="jono, odottaa", kind=Theme.Kind.AUTO)
    response = post_as(client_as, "product_owner", "theme_rename", [service.pk, theme.pk], {"name_fi": " Jonotus "})
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.name == "Jonotus" and theme.named_by_staff


def test_an_empty_name_is_refused(client_as, service):
    theme = auto_theme(service)
    response = post_as(client_as, "product_owner", "theme_rename", [service.pk, theme.pk], {"name_fi": "   "})
    assert response.status_code == 422
    assert Theme.objects.get(pk=theme.pk).name == theme.name


def test_a_product_owner_creates_edits_and_deletes_a_rule_theme_of_the_service(client_as, service):
    make_comment(service, "Lomakkeessa oli virhe.", lemmas="lomake olla virhe")
    make_comment(service, "Jono oli pitkä.", lemmas="jono olla pitkä")
    pk = service.pk
    data = {"name_fi": "Lomakkeet", "terms": "lomake\nblankett, form", "everywhere": "on"}
    assert post_as(client_as, "product_owner", "rule_create", [pk], data).status_code == 302
    rule = Theme.objects.get(kind=Theme.Kind.RULE)
    assert rule.service == service  # only admins make themes of every service
    assert rule.terms == ["lomake", "blankett", "form"]
    assert list(CommentTheme.objects.filter(theme=rule).values_list("comment__text", flat=True)) == [
        "Lomakkeessa oli virhe."
    ]
    data = {"name_fi": "Jonot", "terms": "jono"}
    assert post_as(client_as, "product_owner", "rule_edit", [pk, rule.pk], data).status_code == 302
    rule.refresh_from_db()
    assert rule.name == "Jonot" and rule.terms == ["jono"]
    assert post_as(client_as, "product_owner", "rule_delete", [pk, rule.pk]).status_code == 302
    assert not Theme.objects.filter(pk=rule.pk).exists()


def test_a_rule_needs_words(client_as, service):
    response = post_as(client_as, "product_owner", "rule_create", [service.pk], {"name_fi": "Tyhjä", "terms": " , "})
    assert response.status_code == 422
    assert not Theme.objects.exists()


def test_only_an_admin_manages_rule_themes_of_every_service(client_as, service):
    everywhere = Theme.objects.create(name_fi="Kaikkien", kind=Theme.Kind.RULE, terms=["x"])
    pk = service.pk
    assert (
        post_as(
            client_as, "product_owner", "rule_edit", [pk, everywhere.pk], {"name_fi": "Y", "terms": "y"}
        ).status_code
        == 403
    )
    assert post_as(client_as, "product_owner", "rule_delete", [pk, everywhere.pk]).status_code == 403
    assert Theme.objects.filter(pk=everywhere.pk).exists()
    data = {"name_fi": "Kaikille", "terms": "asiointi", "everywhere": "on"}
    assert post_as(client_as, "admin", "rule_create", [pk], data).status_code == 302
    assert Theme.objects.get(name_fi="Kaikille").service is None
    assert post_as(client_as, "admin", "rule_delete", [pk, everywhere.pk]).status_code == 302


def test_a_theme_of_another_service_is_not_found(client_as, service):
    foreign = rule_theme(ServiceFactory(), "Vieras")
    pk = service.pk
    assert (
        post_as(client_as, "product_owner", "rule_edit", [pk, foreign.pk], {"name_fi": "Y", "terms": "y"}).status_code
        == 404
    )
    assert post_as(client_as, "product_owner", "theme_rename", [pk, foreign.pk], {"name_fi": "Y"}).status_code == 404
    assert client_as("product_owner").get(reverse("comments:rule_delete", args=[pk, foreign.pk])).status_code == 404


def test_a_rule_theme_cannot_be_split_nor_an_automatic_one_edited_as_a_rule(client_as, service):
    theme, rule = auto_theme(service), rule_theme(service)
    assert post_as(client_as, "product_owner", "theme_split", [service.pk, rule.pk]).status_code == 404
    data = {"name_fi": "Y", "terms": "y"}
    assert post_as(client_as, "product_owner", "rule_edit", [service.pk, theme.pk], data).status_code == 404


def test_merging_moves_the_comments_into_the_kept_theme(client_as, service):
    first, second = rule_theme(service, "A", terms=["a"]), rule_theme(service, "B", terms=["b"])
    data = {"target": first.pk, "others": [second.pk]}
    assert post_as(client_as, "product_owner", "theme_merge", [service.pk], data).status_code == 302
    assert not Theme.objects.filter(pk=second.pk).exists()
    first.refresh_from_db()
    assert first.terms == ["a", "b"]


@pytest.mark.parametrize("others", ["same", "mixed", "none"])
def test_a_bad_merge_is_refused(client_as, service, others):
    theme, rule = auto_theme(service), rule_theme(service)
    chosen = {"same": [theme.pk], "mixed": [rule.pk], "none": []}[others]
    response = post_as(client_as, "product_owner", "theme_merge", [service.pk], {"target": theme.pk, "others": chosen})
    assert response.status_code == 422
    assert Theme.objects.count() == 2


def test_splitting_a_small_theme_says_it_could_not(client_as, service):
    theme = auto_theme(service)
    make_comment(service, "jono", lemmas="jono", themes=[theme])
    response = post_as(client_as, "product_owner", "theme_split", [service.pk, theme.pk])
    assert response.status_code == 302
    assert Theme.objects.filter(kind=Theme.Kind.AUTO).count() == 1


def test_recluster_now_runs_the_task(client_as, service):
    response = post_as(client_as, "product_owner", "theme_recluster", [service.pk])
    assert response.status_code == 302
    assert response["Location"] == themes_url(service)
    assert client_as("product_owner").get(reverse("comments:theme_recluster", args=[service.pk])).status_code == 405


def test_the_themes_page_costs_the_same_queries_for_more_themes_and_comments(client_as, service):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    theme = auto_theme(service, "A")
    make_comment(service, themes=[theme])
    client = client_as("product_owner")
    with CaptureQueriesContext(connection) as few:
        client.get(themes_url(service))
    for n in range(8):
        extra = auto_theme(service, f"T{n}")
        for days_ago in (1, 50, 100):
            make_comment(service, themes=[extra, theme], days_ago=days_ago)
    with CaptureQueriesContext(connection) as many:
        client.get(themes_url(service))
    assert len(many) == len(few)
