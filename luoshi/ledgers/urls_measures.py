"""Ledger measures of targets: the rows behind a figure, and binding (views_measures)."""

from django.urls import path

from . import views_measures

urlpatterns = [
    path("targets/<int:target_id>/measure/", views_measures.measure_bind, name="measure-bind"),
    path(
        "targets/<int:target_id>/measure/rows/",
        views_measures.measure_rows,
        name="measure-rows",
    ),
]
