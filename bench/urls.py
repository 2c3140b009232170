from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def bare(request) -> HttpResponse:
    return HttpResponse(status=204)


urlpatterns = [path("bench/bare", bare), path("", include("kuulo.urls"))]
