"""Messages beside the app: which channels each person and unit gets, the Delivery rows,
and sending them with retries.

An event is told in the app always. Besides, each recipient gets an e-mail (if they have
an address) and a POST to their own robot (if they set one), as their preference for the
kind of event says, else the supervision office's default (ChannelDefault), else both;
and each unit concerned gets one POST to its group robot if the default says so.

Each message is a Delivery row written with the event and sent by a background task
after the event commits: a mail server or robot that is down never blocks or undoes the
event. A failed attempt is retried 1, 5, 25 and 125 minutes later (five attempts in all),
then left failed; the supervision office sees pending and failed ones (/notices/deliveries/).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django_tasks import task

from .choices import Channel, NoticeKind
from .models import ChannelDefault, ChannelPreference, Delivery, WebhookEndpoint
from .webhooks import payload, post, signed_url

log = logging.getLogger(__name__)

BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=25),
    timedelta(minutes=125),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
# A claimed delivery is not claimed again for this long (a worker that died mid-send).
LEASE = timedelta(minutes=2)


def channels_for(people: list, kind: str) -> dict[int, tuple[bool, bool]]:
    """person pk → (e-mail?, personal webhook?) for a kind of event. Two queries."""
    return _channels(people, kind, ChannelDefault.objects.filter(kind=kind).first())


def _channels(
    people: list, kind: str, default: ChannelDefault | None
) -> dict[int, tuple[bool, bool]]:
    """As channels_for, with the kind's default already read (None: it has no row)."""
    base = (default.email, default.webhook) if default else (True, True)
    chosen = {
        p.person_id: (p.email, p.webhook)
        for p in ChannelPreference.objects.filter(person__in=[p.pk for p in people], kind=kind)
    }
    return {person.pk: chosen.get(person.pk, base) for person in people}


def absolute(link: str) -> str:
    """A link of the app as an address a mail or chat reader can open (LUOSHI_SITE_URL)."""
    if not link:
        return ""
    return settings.LUOSHI_SITE_URL.rstrip("/") + link if settings.LUOSHI_SITE_URL else link


def _title(kind: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(NoticeKind(kind).label)


def _robot(endpoint: WebhookEndpoint, kind: str, text: str, link: str, **who) -> Delivery:
    body = payload(endpoint.flavour, endpoint.markdown, _title(kind), text, absolute(link))
    return Delivery(
        channel=Channel.WEBHOOK,
        kind=kind,
        endpoint=endpoint,
        address=endpoint.url,
        payload=body,
        **who,
    )


def fan_out(people: Iterable, kind: str, text: str, link: str = "", units=()) -> list[Delivery]:
    """Write the deliveries an event owes (people: active recipients, each once; units: the
    units whose group robots hear of it) and send them once the event commits."""
    people = list({p.pk: p for p in people if p.is_active}.values())
    unit_ids = sorted({u.pk for u in units})
    if not people and not unit_ids:
        return []
    # At most three queries whatever the number of people and units: every robot
    # concerned (people's and units'), then, if there is anywhere to send, the kind's
    # default and the people's own choices.
    robots: dict[int, WebhookEndpoint] = {}
    group_robots: list[WebhookEndpoint] = []
    where = Q(person__in=[p.pk for p in people]) | Q(unit__in=unit_ids)
    for endpoint in WebhookEndpoint.objects.filter(where, is_active=True).order_by("pk"):
        if endpoint.person_id is not None:
            robots[endpoint.person_id] = endpoint
        else:
            group_robots.append(endpoint)
    if not robots and not group_robots and not any(p.email for p in people):
        return []  # no address and no robot: nothing beside the app to write
    default = ChannelDefault.objects.filter(kind=kind).first()
    if default is not None and not default.unit_webhook:
        group_robots = []
    wanted = _channels(people, kind, default) if people else {}
    rows: list[Delivery] = []
    if people:
        for person in people:
            email, webhook = wanted[person.pk]
            if email and person.email:
                body = text + (f"\n\n{absolute(link)}" if link else "")
                rows.append(
                    Delivery(
                        channel=Channel.EMAIL,
                        kind=kind,
                        recipient=person,
                        address=person.email,
                        payload={"subject": text[:200], "body": body},
                    )
                )
            if webhook and person.pk in robots:
                rows.append(_robot(robots[person.pk], kind, text, link, recipient=person))
    for endpoint in group_robots:
        rows.append(_robot(endpoint, kind, text, link))
    if not rows:
        return []
    now = timezone.now()
    for row in rows:
        row.next_attempt_at = now
    created = Delivery.objects.bulk_create(rows)
    ids = [row.pk for row in created]
    transaction.on_commit(lambda: enqueue(ids), robust=True)
    return created


def enqueue(ids: list[int], run_after=None) -> None:
    """Hand deliveries to the task queue; a queue that is down leaves them pending for the
    sweep (`luoshi deliver`), it never fails the caller."""
    try:
        task = deliver
        if run_after is not None:
            if not task.get_backend().supports_defer:
                return  # the sweep takes it when it is due
            task = task.using(run_after=run_after)
        task.enqueue(ids)
    except Exception:  # any queue failure: the rows stay pending
        log.exception("could not enqueue deliveries %s", ids)


def send(delivery: Delivery) -> None:
    """One attempt on the wire; raises on any failure."""
    if delivery.channel == Channel.EMAIL:
        message = EmailMessage(
            delivery.payload["subject"], delivery.payload["body"], None, [delivery.address]
        )
        message.send(fail_silently=False)
        return
    url = delivery.address
    endpoint = delivery.endpoint
    if endpoint is not None and endpoint.secret:
        url = signed_url(url, endpoint.secret)
    post(
        url,
        delivery.payload,
        timeout=settings.LUOSHI_WEBHOOK_TIMEOUT,
        max_bytes=settings.LUOSHI_WEBHOOK_MAX_RESPONSE,
    )


def attempt(delivery_id: int, now=None) -> bool | None:
    """Try one due delivery: True sent, False failed (retry scheduled or given up), None
    when it is not due or another worker holds it (a conditional UPDATE claims it)."""
    now = now or timezone.now()
    claimed = Delivery.objects.filter(
        pk=delivery_id, delivered_at__isnull=True, next_attempt_at__lte=now
    ).update(next_attempt_at=now + LEASE)
    if not claimed:
        return None
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    try:
        send(delivery)
    except Exception as error:  # any failure of a channel is recorded, never raised
        attempts = delivery.attempts + 1
        retry = now + BACKOFF[attempts - 1] if attempts < MAX_ATTEMPTS else None
        Delivery.objects.filter(pk=delivery_id).update(
            attempts=attempts,
            next_attempt_at=retry,
            last_error=f"{type(error).__name__}: {error}"[:500],
        )
        if retry is not None:
            enqueue([delivery_id], run_after=retry)
        return False
    Delivery.objects.filter(pk=delivery_id).update(
        attempts=delivery.attempts + 1, delivered_at=now, next_attempt_at=None, last_error=""
    )
    return True


@task()
def deliver(delivery_ids: list[int]) -> int:
    """The background task: send these deliveries if they are due; how many went. (Here,
    beside `enqueue`, so that this module and luoshi.notices.tasks import one way.)"""
    return sum(1 for pk in delivery_ids if attempt(pk) is True)


def deliver_due(now=None) -> dict[str, int]:
    """Send every delivery that is due (the sweep behind the queue): counts by outcome."""
    now = now or timezone.now()
    counts = {"sent": 0, "failed": 0}
    due = Delivery.objects.filter(next_attempt_at__lte=now, delivered_at__isnull=True)
    for pk in due.order_by("next_attempt_at", "pk").values_list("pk", flat=True):
        outcome = attempt(pk, now)
        if outcome is True:
            counts["sent"] += 1
        elif outcome is False:
            counts["failed"] += 1
    return counts


def retry_now(delivery: Delivery) -> None:
    """The supervision office asks for one more try of a failed or pending delivery."""
    Delivery.objects.filter(pk=delivery.pk, delivered_at__isnull=True).update(
        next_attempt_at=timezone.now(), attempts=min(delivery.attempts, MAX_ATTEMPTS - 1)
    )
    transaction.on_commit(lambda: enqueue([delivery.pk]), robust=True)
