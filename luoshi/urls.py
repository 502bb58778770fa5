from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from luoshi.orgs.views_password import PasswordChangeView

admin.site.site_header = _("luoshi administration")
admin.site.site_title = _("luoshi")

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("luoshi.api.urls")),
    path("excel/", include("luoshi.excel.urls")),
    path("", include("luoshi.dashboards.urls")),
    path("", include("luoshi.dashboards.urls_public")),
    path("", include("luoshi.excel.urls_cockpit")),
    path("", include("luoshi.plans.urls_import")),
    path("", include("luoshi.ledgers.urls_measures")),
    path("", include("luoshi.plans.urls")),
    path("", include("luoshi.reporting.urls")),
    path("", include("luoshi.notices.urls")),
    path("", include("luoshi.bulletins.urls")),
    path("", include("luoshi.jobs.urls")),
    path("ledgers/", include("luoshi.ledgers.urls")),
    path("", include("luoshi.orgs.urls")),
]
