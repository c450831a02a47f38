from django.contrib import admin

from roundtable.accounts.models import ConductAcceptance, Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["full_name", "profession", "country", "visibility"]
    list_filter = ["profession", "country", "visibility"]
    search_fields = ["full_name", "organisation", "user__email"]
    raw_id_fields = ["user"]


@admin.register(ConductAcceptance)
class ConductAcceptanceAdmin(admin.ModelAdmin):
    list_display = ["user", "version", "language", "accepted_at"]
    list_filter = ["version"]
    raw_id_fields = ["user"]
