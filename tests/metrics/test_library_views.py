"""The metric library pages: reading, custom metrics, new versions, taking out of use."""

import pytest
from django.urls import reverse

from kuulo.metrics.models import Metric

CREATE_URL = reverse("metrics:metric_create")


def custom_metric_data(**overrides) -> dict:
    data = {
        "code": "waiting_time",
        "name_fi": "Odotusaika",
        "name_sv": "Väntetid",
        "name_en": "Waiting time",
        "question_fi": "Odotusaika oli kohtuullinen.",
        "question_sv": "Väntetiden var rimlig.",
        "question_en": "The waiting time was reasonable.",
        "scale_min": "1",
        "scale_max": "5",
        "labels_fi": "1 = Täysin eri mieltä\n5 = Täysin samaa mieltä",
        "labels_sv": "1 = Instämmer inte alls\n5 = Instämmer helt",
        "labels_en": "1 = Strongly disagree\n3 = Neither\n5 = Strongly agree",
        "rule": "top_box",
        "threshold": "4",
        "good_direction": "up",
    }
    return {**data, **overrides}


def csat() -> Metric:
    return Metric.objects.get(code="csat", version=1)


def test_library_lists_builtins_with_questions_in_three_languages(client_as):
    response = client_as("viewer").get(reverse("metrics:metric_list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Overall, how satisfied are you with this service?" in content
    assert "Kuinka tyytyväinen olet kaiken kaikkiaan tähän palveluun?" in content
    assert "Hur nöjd är du med tjänsten som helhet?" in content
    assert "Very dissatisfied" in content and "Erittäin tyytyväinen" in content
    assert "Percentage of answers 9–10 minus percentage of answers 0–6" in content


def test_library_marks_custom_metrics_and_lists_them_after_builtins(client_as):
    client_as("admin").post(CREATE_URL, custom_metric_data())
    content = client_as("team_member").get(reverse("metrics:metric_list")).content.decode()
    assert "Waiting time" in content
    assert content.index("Customer satisfaction (CSAT)</a>") < content.index("Waiting time</a>")
    assert ">custom<" in content


def test_library_shows_only_the_newest_version_unless_all_are_asked_for(client_as):
    client_as("admin").post(
        reverse("metrics:metric_new_version", args=[csat().pk]),
        custom_metric_data(question_en="All in all, how satisfied are you with {service}?", rule="top_box"),
    )
    newest = reverse("metrics:metric_list")
    assert "All in all, how satisfied" in client_as("viewer").get(newest).content.decode()
    assert "Overall, how satisfied are you" not in client_as("viewer").get(newest).content.decode()
    assert "Overall, how satisfied are you" in client_as("viewer").get(newest + "?all=1").content.decode()


def test_metric_page_shows_every_scale_label_and_items(client_as):
    umux = Metric.objects.get(code="umux_lite", version=1)
    content = client_as("viewer").get(reverse("metrics:metric_detail", args=[umux.pk])).content.decode()
    assert "Jokseenkin samaa mieltä" in content and "Delvis av samma åsikt" in content and "Somewhat agree" in content
    assert "This service is easy to use." in content
    assert "Version history" in content


def test_admin_adds_a_custom_metric(client_as):
    response = client_as("admin").post(CREATE_URL, custom_metric_data())
    metric = Metric.objects.get(code="waiting_time")
    assert response.status_code == 302
    assert (metric.version, metric.is_builtin, metric.rule, metric.threshold) == (1, False, "top_box", 4)
    assert metric.labels["en"] == {"1": "Strongly disagree", "3": "Neither", "5": "Strongly agree"}
    assert metric.labels["fi"]["5"] == "Täysin samaa mieltä"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"code": "csat"}, "code", "exists already"),
        ({"code": "Not a slug!"}, "code", "valid"),
        ({"scale_min": "5", "scale_max": "1"}, "scale_max", "greater than the lowest"),
        ({"scale_min": "0", "scale_max": "11"}, "scale_max", "at most 11 points"),
        ({"threshold": "6"}, "threshold", "at most 5"),
        ({"threshold": "1"}, "threshold", "above 1"),
        ({"threshold": ""}, "threshold", "needs a threshold"),
        ({"rule": "nps"}, "rule", "0–10"),
        ({"rule": "binary_share"}, "rule", "0–1"),
        ({"rule": "umux_lite"}, "rule", "Select a valid choice"),
        ({"rule": "sus"}, "rule", "Select a valid choice"),
        ({"labels_sv": "1 = Instämmer inte alls"}, "labels_sv", "lowest and the highest"),
        ({"labels_en": "1 = No\n9 = Off the scale\n5 = Yes"}, "labels_en", "not on the scale"),
        ({"labels_fi": "Erittäin hyvä"}, "labels_fi", "value = text"),
        ({"labels_fi": "1 = Yksi\n1 = Taas yksi\n5 = Viisi"}, "labels_fi", "two labels"),
        ({"question_sv": ""}, "question_sv", "required"),
    ],
)
def test_invalid_custom_metric_is_refused_and_nothing_stored(client_as, overrides, field, message):
    before = Metric.objects.count()
    response = client_as("admin").post(CREATE_URL, custom_metric_data(**overrides))
    assert response.status_code == 422
    assert message in " ".join(response.context["form"].errors[field])
    assert Metric.objects.count() == before


def test_nps_and_yes_no_metrics_are_accepted_on_their_own_scales(client_as):
    nps = custom_metric_data(
        code="nps_staff", rule="nps", scale_min="0", scale_max="10", threshold="", labels_fi="0 = Ei\n10 = Kyllä"
    )
    nps.update(labels_sv="0 = Nej\n10 = Ja", labels_en="0 = No\n10 = Yes")
    yes_no = custom_metric_data(code="got_help", rule="binary_share", scale_min="0", scale_max="1")
    yes_no.update(labels_fi="0 = Ei\n1 = Kyllä", labels_sv="0 = Nej\n1 = Ja", labels_en="0 = No\n1 = Yes")
    assert client_as("admin").post(CREATE_URL, nps).status_code == 302
    assert client_as("admin").post(CREATE_URL, yes_no).status_code == 302
    assert Metric.objects.get(code="nps_staff").threshold is None


def test_new_version_form_is_prefilled_from_the_latest_version(client_as):
    response = client_as("admin").get(reverse("metrics:metric_new_version", args=[csat().pk]))
    form = response.context["form"]
    assert form.initial["question_en"] == "Overall, how satisfied are you with this service?"
    assert "1 = Very dissatisfied" in form.initial["labels_en"]
    assert form.fields["code"].disabled


def test_new_version_links_the_previous_one_and_leaves_it_unchanged(client_as):
    original = csat()
    data = custom_metric_data(code="ignored", question_en="All in all, how satisfied are you with {service}?")
    response = client_as("admin").post(reverse("metrics:metric_new_version", args=[original.pk]), data)
    created = Metric.objects.get(code="csat", version=2)
    original.refresh_from_db()
    assert response["Location"] == reverse("metrics:metric_detail", args=[created.pk])
    assert created.previous == original
    assert created.is_builtin
    assert created.question_en.startswith("All in all")
    assert original.question_en == "Overall, how satisfied are you with this service?"


def test_new_version_of_an_older_version_follows_the_newest(client_as):
    first = csat()
    client_as("admin").post(reverse("metrics:metric_new_version", args=[first.pk]), custom_metric_data())
    client_as("admin").post(reverse("metrics:metric_new_version", args=[first.pk]), custom_metric_data())
    third = Metric.objects.get(code="csat", version=3)
    assert third.previous.version == 2


def test_new_version_of_umux_lite_keeps_its_rule_and_scale_and_needs_two_items(client_as):
    umux = Metric.objects.get(code="umux_lite", version=1)
    url = reverse("metrics:metric_new_version", args=[umux.pk])
    form = client_as("admin").get(url).context["form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    data = {key: "" if value is None else value for key, value in data.items()}
    data.update(rule="top_box", scale_min="0", scale_max="10", items_en="Only one item")
    response = client_as("admin").post(url, data)
    assert response.status_code == 422
    assert "exactly 2 items" in " ".join(response.context["form"].errors["items_en"])
    data["items_en"] = "It does what I need.\nIt is easy to use."
    response = client_as("admin").post(url, data)
    created = Metric.objects.get(code="umux_lite", version=2)
    assert (created.rule, created.scale_min, created.scale_max) == ("umux_lite", 1, 7)
    assert created.items[1]["en"] == "It is easy to use."
    assert created.items[1]["fi"] == umux.items[1]["fi"]


def test_admin_takes_a_custom_metric_out_of_use(client_as):
    client_as("admin").post(CREATE_URL, custom_metric_data())
    metric = Metric.objects.get(code="waiting_time")
    response = client_as("admin").post(reverse("metrics:metric_deactivate", args=[metric.pk]))
    metric.refresh_from_db()
    assert response.status_code == 302
    assert not metric.is_active


def test_builtin_metric_cannot_be_taken_out_of_use(client_as):
    response = client_as("admin").post(reverse("metrics:metric_deactivate", args=[csat().pk]))
    assert response.status_code == 409
    assert Metric.objects.get(pk=csat().pk).is_active


@pytest.mark.parametrize("role", ["product_owner", "team_member", "viewer", "outsider"])
def test_only_admins_change_the_library(client_as, role):
    before = Metric.objects.count()
    client = client_as(role)
    assert client.post(CREATE_URL, custom_metric_data()).status_code == 404
    assert client.post(reverse("metrics:metric_new_version", args=[csat().pk]), custom_metric_data()).status_code == 404
    assert client.post(reverse("metrics:metric_deactivate", args=[csat().pk])).status_code == 404
    assert Metric.objects.count() == before
    assert csat().is_active


def test_main_navigation_links_to_the_library_and_targets(client_as):
    content = client_as("viewer").get(reverse("organisation:home")).content.decode()
    assert f'href="{reverse("metrics:metric_list")}"' in content
    assert f'href="{reverse("metrics:target_list")}"' in content


def test_library_page_does_not_query_per_metric(client_as, django_assert_max_num_queries):
    client = client_as("viewer")
    with django_assert_max_num_queries(8):
        client.get(reverse("metrics:metric_list") + "?all=1")
