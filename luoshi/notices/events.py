"""Events that notify besides reports and reminders: a target turning behind or will-miss
(from the stored-evaluation refresh), a hazard past its rectification deadline (from the
daily job, once per hazard). Instructions (批示) are written by actions.give_instruction."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from luoshi.ledgers.choices import HazardStatus
from luoshi.ledgers.models import Hazard
from luoshi.plans.choices import State
from luoshi.plans.models import Target

from . import actions
from .choices import NoticeKind
from .models import HazardAlert
from .recipients import approvers_and_office

# A hazard still waiting for its unit's work; a rectified one waits for verification.
UNFINISHED = (HazardStatus.OPEN, HazardStatus.RECTIFYING, HazardStatus.REOPENED)


def turned_bad(old_state, old_will_miss, new_state, new_will_miss) -> str | None:
    """What a change of a target's evaluation warns of: "behind", "will_miss" or None."""
    if new_state == State.BEHIND and old_state != State.BEHIND:
        return "behind"
    # A target already behind was told of; done or overdue ones are past forecasting.
    if (
        new_will_miss
        and not old_will_miss
        and new_state not in (State.DONE, State.OVERDUE, State.BEHIND)
    ):
        return "will_miss"
    return None


@transaction.atomic
def on_state_changed(sender, changes, today, **kwargs) -> int:
    """Tell the unit's approvers and the supervision office of each target that turned
    behind or will now miss, in one transaction. Returns how many targets were told of."""
    warnings = {}
    for target_id, old_state, old_miss, new_state, new_miss in changes:
        warning = turned_bad(old_state, old_miss, new_state, new_miss)
        if warning:
            warnings[target_id] = warning
    if not warnings:
        return 0
    targets = list(
        Target.objects.filter(pk__in=list(warnings), is_active=True).select_related("unit")
    )
    # The units' approvers and the supervision office, in one query for all the units.
    office, approvers = approvers_and_office([target.unit for target in targets])
    for target in targets:
        with translation.override(settings.LANGUAGE_CODE):
            if warnings[target.pk] == "behind":
                what = _("is now behind schedule")
            else:
                what = _("will be missed at the current pace")
            text = _("%(unit)s · %(target)s %(what)s (as of %(day)s)") % {
                "unit": target.unit.name,
                "target": target.name,
                "what": what,
                "day": today.isoformat(),
            }
        people = approvers[target.unit_id] + office
        link = reverse("target-detail", args=[target.pk])
        actions.notify(people, NoticeKind.STATE, text, link, units=[target.unit])
    return len(warnings)


def overdue_hazards(day: date, *, channels: bool = True) -> list[Hazard]:
    """Tell each responsible unit of its unfinished hazards whose deadline passed before
    `day`, once per hazard however often this runs. Returns the hazards told of."""
    hazards = (
        Hazard.objects.filter(deadline__lt=day, status__in=UNFINISHED, overdue_alert__isnull=True)
        .select_related("unit")
        .order_by("unit__path", "deadline", "pk")
    )
    told = []
    for hazard in hazards:
        try:
            with transaction.atomic():
                HazardAlert.objects.create(hazard=hazard, sent_on=day)
                with translation.override(settings.LANGUAGE_CODE):
                    text = _(
                        "%(unit)s · hazard at %(place)s: the rectification deadline "
                        "%(deadline)s has passed"
                    ) % {
                        "unit": hazard.unit.name,
                        "place": hazard.place,
                        "deadline": hazard.deadline.isoformat(),
                    }
                people = actions.unit_people(hazard.unit)
                link = reverse("hazard-detail", args=[hazard.pk])
                actions.notify(
                    people,
                    NoticeKind.HAZARD,
                    text,
                    link,
                    units=[hazard.unit],
                    channels=channels,
                )
        except IntegrityError:
            continue  # told before, by a concurrent run
        told.append(hazard)
    return told
