"""Background work of the bulletins (django-tasks; database backend by default)."""

from django_tasks import task

from . import building


@task()
def build_files(bulletin_id: int) -> int:
    """Build the .docx, .pdf and .xlsx of an issued bulletin (about a second or two)."""
    return building.build_files(bulletin_id)
