from django.urls import path

from . import views, views_queue

urlpatterns = [
    path("approvals/", views_queue.approvals, name="approvals"),
    path("approvals/approve/", views_queue.approve_selected, name="approve-selected"),
    path("targets/<int:target_id>/report/", views.report_new, name="report-new"),
    path("reports/<int:report_id>/", views.report_detail, name="report-detail"),
    path("reports/<int:report_id>/submit/", views.report_submit, name="report-submit"),
    path("reports/<int:report_id>/approve/", views_queue.report_approve, name="report-approve"),
    path("reports/<int:report_id>/return/", views_queue.report_return, name="report-return"),
    path("reports/<int:report_id>/correct/", views.report_correct, name="report-correct"),
    path("evidence/<int:evidence_id>/", views.evidence_download, name="evidence-download"),
    path("evidence/<int:evidence_id>/view/", views_queue.evidence_inline, name="evidence-inline"),
]
