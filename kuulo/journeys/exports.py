"""CSV files of a journey map: its steps with every lane, and its opportunities with their scores."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from kuulo.journeys import queries
from kuulo.journeys.access import get_journey_for_user
from kuulo.journeys.models import Opportunity, Persona
from kuulo.lib.exports import csv_response


@login_required
def steps_csv(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, journey_pk)
    phases = queries.load(journey)
    personas = list(Persona.objects.filter(service=journey.service))
    header = [
        _("Phase"),
        _("Step"),
        _("Part of the journey"),
        _("Done by"),
        _("The customer does"),
        _("The customer thinks"),
        _("The customer feels"),
        _("Channel"),
        _("Touchpoint"),
        _("Backstage"),
        *[_("Emotion: %(persona)s") % {"persona": persona.name} for persona in personas],
        _("Live feedback"),
        _("Pain points"),
    ]
    rows = []
    for phase in phases:
        for step in phase.step_list:
            figures = "; ".join(
                f"{cell.metric.name} {'–' if cell.score.suppressed else round(cell.score.value)} (n = {cell.score.n})"
                for cell in step.cells
            )
            rows.append(
                [
                    phase.name,
                    step.name,
                    step.get_process_display(),
                    step.owner_text,
                    step.does,
                    step.thinks,
                    step.feels,
                    step.get_channel_display(),
                    step.touchpoint,
                    step.backstage,
                    *[step.emotion_of.get(persona.pk, "") for persona in personas],
                    figures,
                    "; ".join(pain.text for pain in step.pain_list),
                ]
            )
    return csv_response(f"journey-{journey.pk}-steps.csv", [str(title) for title in header], rows)


@login_required
def opportunities_csv(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, journey_pk)
    opportunities = Opportunity.objects.filter(step__phase__journey=journey).select_related("step").order_by("pk")
    header = [
        _("Opportunity"),
        _("Step"),
        _("Status"),
        _("Priority"),
        _("Value to customers"),
        _("Value to the organisation"),
        _("Effort"),
    ]
    rows = (
        [
            opportunity.title,
            opportunity.step.name,
            opportunity.get_status_display(),
            opportunity.priority,
            opportunity.customer_value,
            opportunity.organisation_value,
            opportunity.effort,
        ]
        for opportunity in opportunities
    )
    return csv_response(f"journey-{journey.pk}-opportunities.csv", [str(title) for title in header], rows)
