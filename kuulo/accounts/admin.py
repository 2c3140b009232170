from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from kuulo.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (*DjangoUserAdmin.fieldsets, ("Kuulo", {"fields": ("language",)}))
    list_display = ("username", "email", "first_name", "last_name", "is_superuser", "is_active")
