from django.urls import path

from . import views_hazards, views_projects

urlpatterns = [
    path("projects/", views_projects.project_list, name="project-list"),
    path("projects/new/", views_projects.project_new, name="project-new"),
    path("projects/funnel/", views_projects.project_funnel, name="project-funnel"),
    path("projects/<int:project_id>/", views_projects.project_detail, name="project-detail"),
    path("projects/<int:project_id>/edit/", views_projects.project_edit, name="project-edit"),
    path("projects/<int:project_id>/move/", views_projects.project_move, name="project-move"),
    path("projects/<int:project_id>/drop/", views_projects.project_drop, name="project-drop"),
    path(
        "projects/<int:project_id>/reinstate/",
        views_projects.project_reinstate,
        name="project-reinstate",
    ),
    path("hazards/", views_hazards.hazard_list, name="hazard-list"),
    path("hazards/new/", views_hazards.hazard_new, name="hazard-new"),
    path("hazards/<int:hazard_id>/", views_hazards.hazard_detail, name="hazard-detail"),
    path("hazards/<int:hazard_id>/edit/", views_hazards.hazard_edit, name="hazard-edit"),
    path("hazards/<int:hazard_id>/move/", views_hazards.hazard_move, name="hazard-move"),
    path("hazards/<int:hazard_id>/photos/", views_hazards.hazard_photo, name="hazard-photo"),
    path(
        "hazards/photos/<int:photo_id>/",
        views_hazards.hazard_photo_file,
        name="hazard-photo-file",
    ),
]
