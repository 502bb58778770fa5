"""Background work of the Excel pages (django-tasks; `luoshi db_worker` runs the queue)."""

from django_tasks import task

from . import background


@task()
def ledger_job(job_id: int) -> str:
    """Run a queued ledger import or check, or a 一表通 upload (luoshi.excel.background)."""
    job = background.run_stored(job_id)
    return job.state if job is not None else "taken"


@task()
def export_job(job_id: int) -> str:
    """Write a queued ledger export (luoshi.excel.background)."""
    job = background.run_export(job_id)
    return job.state if job is not None else "taken"
