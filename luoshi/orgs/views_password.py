"""Changing one's password, with the same lockout as signing in.

The form asks for the old password, so it is a way to guess a password from a
session left open (an unlocked office computer). A wrong old password is
reported to django-axes as a failed sign-in of that account: after
AXES_FAILURE_LIMIT of them (sign-in and password form together) the account is
locked from that address for AXES_COOLOFF_TIME, on both pages.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed


class PasswordChangeView(auth_views.PasswordChangeView):
    def _credentials(self) -> dict:
        return {"username": self.request.user.get_username()}

    def post(self, request, *args, **kwargs):
        credentials = self._credentials()
        if not AxesProxyHandler.is_allowed(request, credentials):
            # Locked: the old password is not even checked.
            return get_lockout_response(request, credentials=credentials)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if form.has_error("old_password"):
            # Counted like a failed sign-in; on the last one axes marks the request
            # locked and its middleware answers with the lockout page.
            user_login_failed.send(
                sender=type(self), credentials=self._credentials(), request=self.request
            )
        return super().form_invalid(form)
