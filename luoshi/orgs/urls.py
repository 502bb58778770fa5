from django.urls import path

from . import views, views_manage

urlpatterns = [
    path("units/", views.unit_list, name="unit-list"),
    path("units/new/", views_manage.unit_new, name="unit-new"),
    path("units/<int:unit_id>/edit/", views_manage.unit_edit, name="unit-edit"),
    path("units/<int:unit_id>/active/", views.unit_set_active, name="unit-set-active"),
    path("people/", views_manage.person_list, name="person-list"),
    path("people/new/", views_manage.person_new, name="person-new"),
    path("people/<int:person_id>/", views_manage.person_detail, name="person-detail"),
    path(
        "people/<int:person_id>/active/", views_manage.person_set_active, name="person-set-active"
    ),
    path(
        "people/<int:person_id>/password/",
        views_manage.person_reset_password,
        name="person-reset-password",
    ),
    path("people/<int:person_id>/roles/", views_manage.membership_add, name="membership-add"),
    path("roles/<int:membership_id>/end/", views_manage.membership_end, name="membership-end"),
]
