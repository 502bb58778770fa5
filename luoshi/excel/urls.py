from django.urls import path

from . import views

urlpatterns = [
    path("ledger/<str:kind>/export/", views.ledger_export, name="ledger-export"),
    path("ledger/<str:kind>/import/", views.ledger_import, name="ledger-import"),
    path("workbook/export/", views.workbook_export, name="workbook-export"),
    path("workbook/", views.workbook_upload, name="workbook-upload"),
    path("workbook/submit/", views.workbook_submit, name="workbook-submit"),
]
