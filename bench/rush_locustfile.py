"""Locust users of bench/rush.py: reporters submitting their unit's reports, approvers approving.

Each user takes the next unplayed person of the plan that rush.py wrote
(RUSH_PLAN): reporters first, then approvers. Every report a client is told was
created, and every approval it is told went through, is logged to RUSH_LOG so
that rush.py can count the database against it.
"""

import itertools
import json
import os
import random
import time

from locust import task
from locust.contrib.fasthttp import FastHttpUser
from locust.exception import StopUser

AS_OF = "2025-10-31"
PLAN = json.loads(open(os.environ["RUSH_PLAN"]).read())
PEOPLE = itertools.chain(
    (("reporter", token, targets) for token, targets in PLAN["reporters"]),
    (("approver", token, None) for token in PLAN["approvers"]),
)
LOG = open(os.path.join(os.environ["RUSH_LOG"], f"client-{os.getpid()}.jsonl"), "a")


def log(what: str, report_id: int) -> None:
    LOG.write(json.dumps({"what": what, "id": report_id}) + "\n")
    LOG.flush()


# Seconds between one person's actions (RUSH_THINK="low,high"): a reporter fills in a
# figure and a line of progress before the next report; rush.py sets the pace.
THINK = [float(x) for x in os.environ.get("RUSH_THINK", "0.2,1.0").split(",")]
# The pace of the words (rush.py --spread, --read), when set: a reporter spreads
# its reports over RUSH_SPREAD seconds (the first at a random moment of its first share),
# an approver reads each report for RUSH_READ="low,high" seconds before approving it.
SPREAD = float(os.environ.get("RUSH_SPREAD") or 0)
READ = [float(x) for x in (os.environ.get("RUSH_READ") or "0,0").split(",")]
# Create and submit in one request ("submit": true), as the web form does (rush.py --one-call).
ONE_CALL = bool(os.environ.get("RUSH_ONE_CALL"))


class Person(FastHttpUser):
    # geventhttpclient, not requests: the clients share the machine with the server they
    # time, and this client costs a fraction of the CPU per request (bench/rush.py prints
    # each process's share), so less of the server's CPU goes to playing its users.
    network_timeout = 10.0
    connection_timeout = 10.0

    def wait_time(self) -> float:
        if SPREAD and self.role == "reporter":
            return random.uniform(0.5, 1.5) * self.share
        return random.uniform(*THINK)

    def on_start(self):
        try:
            self.role, token, targets = next(PEOPLE)
        except StopIteration:
            raise StopUser() from None
        self.auth = {"Authorization": f"Bearer {token}"}
        self.todo = list(targets or [])
        self.share = SPREAD / max(1, len(self.todo))
        if SPREAD and self.role == "reporter":
            time.sleep(random.uniform(0, self.share))

    def post(self, path: str, body: dict, name: str, key: str | None = None, fine=()):
        """POST with up to three tries; a retry carries the same Idempotency-Key. Answers
        in `fine` are expected outcomes, not failures (two approvers of one report)."""
        headers = dict(self.auth, **({"Idempotency-Key": key} if key else {}))
        for attempt in range(3):
            with self.client.post(
                path, json=body, headers=headers, name=name, catch_response=True
            ) as answer:
                if answer.status_code < 500 and answer.status_code != 0:
                    if answer.status_code >= 400 and answer.status_code not in fine:
                        answer.failure(f"{answer.status_code} {(answer.text or '')[:200]}")
                    else:  # an expected answer, a 409 in `fine` included
                        answer.success()
                    return answer
                answer.failure(f"{answer.status_code}, try {attempt + 1}")
            time.sleep(0.5 * (attempt + 1))
        return None

    @task
    def work(self):
        if self.role == "reporter":
            self.report_next()
        else:
            self.approve_some()

    def report_next(self):
        if not self.todo:
            time.sleep(1)
            return
        target = self.todo.pop()
        body = {"target": target, "as_of": AS_OF, "value": 1.0, "narrative": "10月进展"}
        created = self.post(
            "/api/v1/reports",
            dict(body, submit=True) if ONE_CALL else body,
            "create and submit report" if ONE_CALL else "create report",
            key=f"rush-{target}-{AS_OF}-{self.auth['Authorization'][-12:]}",
        )
        if created is None or created.status_code not in (200, 201):
            return
        report = created.json()
        log("created", report["id"])
        if ONE_CALL:
            return
        self.post(
            f"/api/v1/reports/{report['id']}/submit",
            {"revision": report["revision"]},
            "submit report",
            key=f"rush-submit-{report['id']}",
        )

    def approve_some(self):
        queue = self.client.get(
            "/api/v1/reports?status=submitted&limit=20", name="approval queue", headers=self.auth
        )
        if queue.status_code != 200:
            return
        body = queue.json()
        items = body["items"] if isinstance(body, dict) else body
        if not items:
            time.sleep(1)
            return
        for report in items:
            if READ[1]:
                time.sleep(random.uniform(*READ))
            answer = self.post(
                f"/api/v1/reports/{report['id']}/approve",
                {"revision": report["revision"]},
                "approve report",
                fine=(409,),
            )
            if answer is not None and answer.status_code == 200:
                log("approved", report["id"])
