from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from kuulo.accounts.models import User
from kuulo.lib.forms import LanguageSelect


class LoginForm(AuthenticationForm):
    def clean(self):
        if not settings.KUULO_PASSWORD_LOGIN:
            raise forms.ValidationError(_("Signing in with a password is turned off. Use single sign-on."))
        return super().clean()

    def add_locked_out_error(self, message: str) -> None:
        self.is_valid()
        self._errors = self._errors or forms.utils.ErrorDict()
        self._errors.setdefault(forms.forms.NON_FIELD_ERRORS, self.error_class(error_class="nonfield")).append(message)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "language"]
        widgets = {"language": LanguageSelect}


class UserForm(forms.ModelForm):
    """An organisation admin edits a member of staff."""

    is_org_admin = forms.BooleanField(
        label=_("Organisation admin"),
        required=False,
        help_text=_("Sets up units, services, users and the metric library, and sees every service."),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "language", "is_active"]
        widgets = {"language": LanguageSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["is_org_admin"].initial = self.instance.is_superuser

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.is_superuser = user.is_staff = self.cleaned_data["is_org_admin"]
        if commit:
            user.save()
        return user


class NewUserForm(UserForm):
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. Give it to the person in a safe way; they can change it."),
    )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, self.instance)
        return password

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
        return user
