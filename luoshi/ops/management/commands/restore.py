"""`luoshi restore FILE`: put back what `luoshi backup` wrote (luoshi/ops/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from luoshi.ops.backup import BackupError, check, restore


class Command(BaseCommand):
    help = (
        "Restore the database and the media files from a `luoshi backup` archive. Refuses a "
        "file that is not a luoshi backup, a damaged one, one of the other database vendor "
        "or of a newer luoshi, and a database that holds data unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="an archive written by `luoshi backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already holds data",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="only read the archive and verify every checksum; change nothing",
        )

    def handle(self, *args, **options):
        try:
            if options["check"]:
                manifest = check(Path(options["file"]))
                verb = "Checked"
            else:
                manifest = restore(Path(options["file"]), force=options["force"]).manifest
                verb = "Restored"
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} a {manifest['vendor']} backup of {manifest['created_at']} "
                f"({rows} rows, {manifest['media_files']} files)."
            )
        )
