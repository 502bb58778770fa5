"""Plan import routes: upload, review, the review's actions, confirmation."""

from django.urls import path

from . import views_import as views

urlpatterns = [
    path("plans/import/", views.plan_import, name="plan-import"),
    path("plans/<int:plan_id>/review/", views.plan_import_review, name="plan-import-review"),
    path(
        "plans/<int:plan_id>/import/items/<int:item_id>/",
        views.plan_import_item,
        name="plan-import-item",
    ),
    path(
        "plans/<int:plan_id>/import/items/add/",
        views.plan_import_add_item,
        name="plan-import-add-item",
    ),
    path("plans/<int:plan_id>/import/owners/", views.plan_import_owner, name="plan-import-owner"),
    path(
        "plans/<int:plan_id>/import/owners/unit/",
        views.plan_import_owner_unit,
        name="plan-import-owner-unit",
    ),
    path("plans/<int:plan_id>/import/items/", views.plan_import_items, name="plan-import-items"),
    path(
        "plans/<int:plan_id>/import/defaults/",
        views.plan_import_defaults,
        name="plan-import-defaults",
    ),
    path("plans/<int:plan_id>/import/parse/", views.plan_import_parse, name="plan-import-parse"),
    path(
        "plans/<int:plan_id>/import/confirm/", views.plan_import_confirm, name="plan-import-confirm"
    ),
]
