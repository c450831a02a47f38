from django.urls import path

from roundtable.accounts import views

app_name = "accounts"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/<int:profile_id>/", views.profile_detail, name="profile_detail"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("code-of-conduct/", views.conduct, name="conduct"),
]
