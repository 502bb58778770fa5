"""Django admin for the notices: to look things up. Everything here changes through the
app's pages and actions (who and why recorded), so nothing is added, changed or deleted."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ChannelDefault,
    ChannelPreference,
    Chase,
    Delivery,
    HazardAlert,
    Instruction,
    Notification,
    Reminder,
    ReminderRule,
    WebhookEndpoint,
)


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyWithHistory(ReadOnly, SimpleHistoryAdmin):
    """For the models that keep a history (who changed what)."""


@admin.register(Notification)
class NotificationAdmin(ReadOnly):
    list_display = ["recipient", "kind", "text", "created_at", "read_at"]
    list_filter = ["kind"]


@admin.register(ReminderRule)
class ReminderRuleAdmin(ReadOnlyWithHistory):
    list_display = ["plan", *("days_before", "days_after_due", "days_late_approvers")]


@admin.register(Reminder)
class ReminderAdmin(ReadOnly):
    list_display = ["target", "period_end", "step", "person", "sent_on", "chase", "emailed"]
    list_filter = ["step", "sent_on"]


@admin.register(Chase)
class ChaseAdmin(ReadOnly):
    list_display = ["author", "text", "created_at"]


@admin.register(Instruction)
class InstructionAdmin(ReadOnlyWithHistory):
    list_display = ["author", "target", "unit", "text", "created_at"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(ReadOnlyWithHistory):
    # The address without its key; the signing secret is never shown.
    list_display = ["unit", "person", "flavour", "where", "markdown", "is_active"]
    exclude = ["url", "secret"]


@admin.register(ChannelDefault)
class ChannelDefaultAdmin(ReadOnlyWithHistory):
    list_display = ["kind", "email", "webhook", "unit_webhook"]


@admin.register(ChannelPreference)
class ChannelPreferenceAdmin(ReadOnlyWithHistory):
    list_display = ["person", "kind", "email", "webhook"]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly):
    list_display = ["created_at", "channel", "kind", "where", "attempts", "delivered_at"]
    list_filter = ["channel", "kind"]
    exclude = ["address", "payload"]


@admin.register(HazardAlert)
class HazardAlertAdmin(ReadOnly):
    list_display = ["hazard", "sent_on"]
