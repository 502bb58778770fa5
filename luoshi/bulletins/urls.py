from django.urls import path

from . import views

urlpatterns = [
    path("bulletins/", views.bulletin_list, name="bulletin-list"),
    path("bulletins/new/", views.bulletin_new, name="bulletin-new"),
    path("bulletins/<int:bulletin_id>/", views.bulletin_detail, name="bulletin-detail"),
    path("bulletins/<int:bulletin_id>/edit/", views.bulletin_edit, name="bulletin-edit"),
    path("bulletins/<int:bulletin_id>/issue/", views.bulletin_issue, name="bulletin-issue"),
    path("bulletins/<int:bulletin_id>/correct/", views.bulletin_correct, name="bulletin-correct"),
    path(
        "bulletins/<int:bulletin_id>/file.<str:fmt>",
        views.bulletin_download,
        name="bulletin-download",
    ),
]
