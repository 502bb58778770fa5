"""Background work of the bulletins (django-tasks; database backend by default)."""

from django_tasks import task

from . import actions


@task()
def build_files(bulletin_id: int) -> int:
    """Build the .docx, .pdf and .xlsx of an issued bulletin (about a second or two)."""
    return actions.build_files(bulletin_id)
