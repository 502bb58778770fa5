from django.urls import path

from . import views_public

urlpatterns = [
    path("public/", views_public.public_index, name="public-index"),
    path("public/plans/<int:plan_id>/", views_public.public_plan, name="public-plan"),
    path("public/targets/<int:target_id>/", views_public.public_target, name="public-target"),
    path(
        "plans/<int:plan_id>/public/",
        views_public.publication_edit,
        name="publication-edit",
    ),
]
