"""One backup file holds the database and the evidence files, with a manifest.

The file is a tar archive:

    manifest.json        what this is: format, versions, database vendor, time, counts,
                         applied migrations, and the SHA-256 of every other member
    database.sqlite3     SQLite: a copy made with sqlite3's online backup API
    database.pgdump      PostgreSQL: `pg_dump -Fc` (custom format, for pg_restore)
    media/...            every file under MEDIA_ROOT (evidence, hazard photos, plan sources)

A backup is taken while the app runs: SQLite's backup API copies a consistent
snapshot page by page, and pg_dump reads inside one transaction. Restoring refuses a
file that is not a luoshi backup, a backup of the other database vendor, a backup made
by a newer luoshi (migrations this code does not know), a member whose checksum does not
match, and a database that already holds data unless `force` is given. The media files
are written only after the database is restored, and never outside MEDIA_ROOT.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "luoshi-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
PG_MEMBER = "database.pgdump"
MEDIA_PREFIX = "media/"
# The manifest is small; anything larger under that name is not ours.
MAX_MANIFEST_BYTES = 1_000_000


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the administrator."""


def _contents(tar: tarfile.TarFile, member: tarfile.TarInfo | str) -> IO[bytes]:
    """The bytes of a member of the backup; a member that is not a file is no backup's."""
    source = tar.extractfile(member)
    if source is None:
        name = member if isinstance(member, str) else member.name
        raise BackupError(f"The backup's member {name} is not a file.")
    return source


@dataclass
class Result:
    path: Path
    manifest: dict


def counts() -> dict[str, int]:
    """Rows per model of luoshi's apps (people included): what a restore must give back.

    Models whose table is not there yet (an older backup, before `luoshi migrate`) are left
    out, so an old backup can be restored and then upgraded."""
    tables = set(connection.introspection.table_names())
    result = {}
    for model in apps.get_models():
        if (
            model.__module__.startswith("luoshi.")
            and not model._meta.proxy
            and model._meta.db_table in tables
        ):
            result[model._meta.label] = model._default_manager.count()
    return dict(sorted(result.items()))


def holds_data() -> bool:
    """True when the database has any row of luoshi's own (a migrated, empty one has none)."""
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        if model.__module__.startswith("luoshi.") and model._meta.db_table in tables:
            if model._default_manager.exists():
                return True
    return False


def applied_migrations() -> dict[str, list[str]]:
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    applied: dict[str, list[str]] = {}
    for app, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- backup -----------------------------------------------------------------------------


def backup(path: Path) -> Result:
    """Write a backup of the database and MEDIA_ROOT to `path` (a new .tar file)."""
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} exists already: choose a new name.")
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups of {vendor} databases are not supported.")
    with tempfile.TemporaryDirectory(prefix="luoshi-backup-") as scratch:
        scratch_dir = Path(scratch)
        if vendor == "sqlite":
            member, database = SQLITE_MEMBER, scratch_dir / SQLITE_MEMBER
            _sqlite_copy(database)
        else:
            member, database = PG_MEMBER, scratch_dir / PG_MEMBER
            _pg_dump(database)
        media = _media_files()
        checksums = {member: _sha256(database)}
        for name, file in media:
            checksums[name] = _sha256(file)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "luoshi_version": _version(),
            "vendor": vendor,
            "created_at": timezone.now().isoformat(),
            "counts": counts(),
            "media_files": len(media),
            "migrations": applied_migrations(),
            "sha256": checksums,
        }
        partial = path.with_name(path.name + ".partial")
        try:
            with tarfile.open(partial, "w") as tar:
                _add_bytes(tar, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
                tar.add(database, arcname=member)
                for name, file in media:
                    tar.add(file, arcname=name, recursive=False)
            # A backup that stopped half-way never carries the final name.
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
    return Result(path, manifest)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("luoshi")
    except PackageNotFoundError:  # run from a checkout that was not installed
        return "unknown"


def _add_bytes(tar: tarfile.TarFile, name: str, text: str) -> None:
    data = text.encode()
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def _media_files() -> list[tuple[str, Path]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    files = []
    for file in sorted(root.rglob("*")):
        # Regular files only: a link could point anywhere on the server.
        if file.is_file() and not file.is_symlink():
            files.append((MEDIA_PREFIX + file.relative_to(root).as_posix(), file))
    return files


def _sqlite_copy(destination: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(destination)
    try:
        with target:
            connection.connection.backup(target)
    finally:
        target.close()


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump and pg_restore; the password goes in the environment."""
    params = connection.settings_dict
    args = []
    if params.get("HOST"):
        args += ["--host", str(params["HOST"])]
    if params.get("PORT"):
        args += ["--port", str(params["PORT"])]
    if params.get("USER"):
        args += ["--username", str(params["USER"])]
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    program = shutil.which(command[0])
    if program is None:
        raise BackupError(f"{command[0]} is not installed: it is needed to {what}.")
    # A fixed program and our own arguments (no shell); the database name is the setting's.
    done = subprocess.run(  # noqa: S603 - see above
        [program, *command[1:]], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed ({what}): {done.stderr.strip()[:2000]}")


def _pg_dump(destination: Path) -> None:
    args, env = _pg_environment()
    name = str(connection.settings_dict["NAME"])
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(destination), *args, name],
        env,
        "back up PostgreSQL",
    )


# --- restore ----------------------------------------------------------------------------


def read_manifest(tar: tarfile.TarFile) -> dict:
    """The manifest, or BackupError when the archive is not a luoshi backup."""
    try:
        info = tar.getmember(MANIFEST)
    except KeyError:
        raise BackupError("This file is not a luoshi backup (it has no manifest).") from None
    if not info.isfile() or info.size > MAX_MANIFEST_BYTES:
        raise BackupError("This file is not a luoshi backup (its manifest is not one).")
    try:
        manifest = json.loads(_contents(tar, info).read())
    except ValueError:
        raise BackupError("This file is not a luoshi backup (its manifest is not JSON).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("This file is not a luoshi backup (its manifest is another format's).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"This backup is of format version {manifest.get('format_version')}; "
            f"this luoshi reads version {FORMAT_VERSION}."
        )
    return manifest


def _open(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:*")
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist.") from None
    except (tarfile.TarError, OSError):
        raise BackupError("This file is not a luoshi backup (it is not a tar archive).") from None


def _unknown_migrations(manifest: dict) -> list[str]:
    """Migrations the backup's database has and this code does not: a newer luoshi made it."""
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(
        f"{app}.{name}"
        for app, names in (manifest.get("migrations") or {}).items()
        for name in names
        if (app, name) not in known
    )


def _safe_media_name(name: str) -> PurePosixPath | None:
    """The path below MEDIA_ROOT that a member names, or None if it would leave it."""
    relative = PurePosixPath(name[len(MEDIA_PREFIX) :])
    if relative.is_absolute() or not relative.parts or ".." in relative.parts:
        return None
    return relative


def check(path: Path) -> dict:
    """Read and verify a backup without restoring it: its manifest, every checksum."""
    with _open(Path(path)) as tar:
        manifest = read_manifest(tar)
        _verify(tar, manifest)
    return manifest


def _verify(tar: tarfile.TarFile, manifest: dict) -> None:
    expected = manifest.get("sha256") or {}
    members = {m.name: m for m in tar.getmembers() if m.name != MANIFEST}
    if set(members) != set(expected):
        extra = sorted(set(members) - set(expected))[:5]
        missing = sorted(set(expected) - set(members))[:5]
        raise BackupError(
            f"The backup does not hold what its manifest lists (extra: {extra}, missing: {missing})."
        )
    for name, member in members.items():
        if not member.isfile():
            raise BackupError(f"The backup's member {name} is not a plain file.")
        if name.startswith(MEDIA_PREFIX) and _safe_media_name(name) is None:
            raise BackupError(f"The backup's member {name} points outside the media folder.")
        digest = hashlib.sha256()
        source = _contents(tar, member)
        for block in iter(partial(source.read, 1 << 20), b""):
            digest.update(block)
        if digest.hexdigest() != expected[name]:
            raise BackupError(f"The backup's member {name} is damaged (its checksum differs).")


def restore(path: Path, force: bool = False) -> Result:
    """Restore the database and the media files from the backup at `path`."""
    path = Path(path)
    with _open(path) as tar:
        manifest = read_manifest(tar)
        vendor = connection.vendor
        if manifest.get("vendor") != vendor:
            raise BackupError(
                f"This is a backup of a {manifest.get('vendor')} database; "
                f"this luoshi uses {vendor}. Restore it into a {manifest.get('vendor')} database."
            )
        unknown = _unknown_migrations(manifest)
        if unknown:
            raise BackupError(
                "This backup was made by a newer luoshi (migrations unknown here: "
                + ", ".join(unknown[:5])
                + "). Upgrade luoshi first."
            )
        _verify(tar, manifest)
        if not force and holds_data():
            raise BackupError(
                "The database already holds data: restoring would replace it. "
                "Give --force to replace it."
            )
        with tempfile.TemporaryDirectory(prefix="luoshi-restore-") as scratch:
            member = SQLITE_MEMBER if vendor == "sqlite" else PG_MEMBER
            database = Path(scratch) / member
            with _contents(tar, member) as source, database.open("wb") as target:
                shutil.copyfileobj(source, target)
            if vendor == "sqlite":
                _sqlite_restore(database)
            else:
                _pg_restore(database)
        _restore_media(tar)
    restored = counts()
    expected = manifest.get("counts") or {}
    different = {
        label: (expected.get(label), restored.get(label))
        for label in set(expected) | set(restored)
        if restored.get(label) != expected.get(label)
    }
    if different:
        raise BackupError(f"The restored database differs from the backup's counts: {different}")
    return Result(path, manifest)


def _sqlite_restore(source_file: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(source_file)
    try:
        # The backup API replaces every page of the live database in one step.
        source.backup(connection.connection)
    finally:
        source.close()


def _pg_restore(dump: Path) -> None:
    args, env = _pg_environment()
    name = str(connection.settings_dict["NAME"])
    # Django's own connection must not hold locks on the tables being replaced.
    connection.close()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            *args,
            "--dbname",
            name,
            str(dump),
        ],
        env,
        "restore PostgreSQL",
    )


def _restore_media(tar: tarfile.TarFile) -> None:
    root = Path(settings.MEDIA_ROOT)
    for member in tar.getmembers():
        if not member.name.startswith(MEDIA_PREFIX):
            continue
        relative = _safe_media_name(member.name)
        if relative is None:  # checked in _verify; kept here as the last guard
            raise BackupError(f"The backup's member {member.name} points outside the media folder.")
        target = root.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with _contents(tar, member) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
