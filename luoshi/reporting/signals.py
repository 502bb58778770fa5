"""Reports follow their target (connected in ReportingConfig.ready)."""

from django.dispatch import receiver

from luoshi.plans.signals import target_moved

from .models import Report


@receiver(target_moved, dispatch_uid="reporting.reports_follow_their_target")
def reports_follow_their_target(sender, target, old_unit_id, **kwargs) -> None:
    """A report carries its target's unit (one indexed column for access filtering): when
    the target moves to another unit, its reports move with it."""
    Report.objects.filter(target=target).update(unit=target.unit_id)
