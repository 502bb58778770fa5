from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("units/", views.unit_list, name="unit-list"),
    path("units/<int:unit_id>/", views.unit_detail, name="unit-detail"),
    path("units/<int:unit_id>/edit/", views.unit_edit, name="unit-edit"),
    path("units/<int:unit_id>/active/", views.unit_set_active, name="unit-set-active"),
]
