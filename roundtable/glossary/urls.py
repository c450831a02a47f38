from django.urls import path

from roundtable.glossary import views

app_name = "glossary"
urlpatterns = [path("glossary/", views.glossary, name="index")]
