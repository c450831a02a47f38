from django.http import HttpResponse
from django.urls import path

app_name = "capability_app"


def index(request):
    return HttpResponse("Lanterns")


urlpatterns = [path("lanterns/", index, name="index")]
