"""Real parallelism against the test database: threads with their own connections.

`shared_database` makes the test database reachable from other threads, and
`in_parallel` starts the threads together (a barrier) and collects what each
returned. Tests that use them need `transaction=True` data: a thread sees only
what has been committed.

On PostgreSQL every thread opens its own connection to the test database as it
is. SQLite's test database lives in memory, where other threads would share one
cache with table locks and none of the busy-timeout queueing that the settings
configure; so for the length of the test it is copied into a file, and every
connection (this thread's too) opens that file with the real OPTIONS of
settings.py (WAL, IMMEDIATE transactions, timeout).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

import pytest
from django.db import connections


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    connection = connections["default"]
    if connection.vendor != "sqlite":
        yield connection.vendor
        return
    connection.ensure_connection()
    memory, memory_name = connection.connection, connection.settings_dict["NAME"]
    path = tmp_path / "parallel.sqlite3"
    copy = sqlite3.connect(path)
    memory.backup(copy)  # the migrated schema (and what migrations inserted)
    copy.close()
    # Forget the in-memory connection without closing it (closing would drop that
    # database for the rest of the session) and point every new connection at the file.
    connection.settings_dict["NAME"] = str(path)
    connection.connection = None
    try:
        yield connection.vendor
    finally:
        connection.close()
        connection.settings_dict["NAME"] = memory_name
        connection.connection = memory


def in_parallel(count: int, work: Callable[[int], object]) -> list[object]:
    """Runs work(0) … work(count - 1), each in its own thread, released at the same moment.

    Returns what each returned (or the exception it raised), in the order of the argument.
    """
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # reported to the test, which asserts on it
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    return results
