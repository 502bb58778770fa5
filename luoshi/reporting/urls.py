from django.urls import path

from . import views

urlpatterns = [
    path("workbench/", views.workbench, name="workbench"),
    path("approvals/", views.approvals, name="approvals"),
    path("targets/<int:target_id>/report/", views.report_new, name="report-new"),
    path("reports/<int:report_id>/", views.report_detail, name="report-detail"),
    path("reports/<int:report_id>/submit/", views.report_submit, name="report-submit"),
    path("reports/<int:report_id>/approve/", views.report_approve, name="report-approve"),
    path("reports/<int:report_id>/return/", views.report_return, name="report-return"),
    path("reports/<int:report_id>/correct/", views.report_correct, name="report-correct"),
    path("evidence/<int:evidence_id>/", views.evidence_download, name="evidence-download"),
]
