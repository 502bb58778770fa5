from django.urls import path

from . import views

urlpatterns = [
    path("notices/", views.notice_list, name="notice-list"),
    path("notices/<int:notice_id>/read/", views.notice_read, name="notice-read"),
    path("notices/read-all/", views.notice_read_all, name="notice-read-all"),
    path("notices/settings/", views.notice_settings, name="notice-settings"),
    path("notices/settings/webhook/", views.my_webhook, name="my-webhook"),
    path("notices/defaults/", views.channel_defaults, name="channel-defaults"),
    path("notices/webhooks/", views.unit_webhooks, name="unit-webhooks"),
    path("notices/webhooks/<int:unit_id>/", views.unit_webhook, name="unit-webhook"),
    path("notices/deliveries/", views.delivery_list, name="delivery-list"),
    path(
        "notices/deliveries/<int:delivery_id>/retry/", views.delivery_retry, name="delivery-retry"
    ),
    path("notices/chase/", views.chase, name="chase"),
    path(
        "targets/<int:target_id>/instructions/",
        views.target_instruction,
        name="target-instruction",
    ),
    path("units/<int:unit_id>/instructions/", views.unit_instruction, name="unit-instruction"),
    path("plans/<int:plan_id>/reminders/", views.reminder_rule, name="reminder-rule"),
]
