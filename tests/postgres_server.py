"""A throwaway PostgreSQL server on loopback for tests that must run against
the production database engine, started from Debian's binaries as the
`postgres` user (PostgreSQL refuses to run as root). Skipped, with the reason,
only where it cannot start."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time

import pytest


def _binaries() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return os.path.dirname(found[-1]) if found else None


def _as_postgres(*command: str) -> list[str]:
    if os.geteuid() != 0:
        return list(command)
    return ["runuser", "-u", "postgres", "--", *command]


@pytest.fixture(scope="session")
def postgres_url():
    binaries = _binaries()
    if binaries is None:
        pytest.skip("PostgreSQL server binaries not installed (Debian package postgresql)")
    directory = tempfile.mkdtemp(prefix="pg-test-")
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = os.path.join(directory, "data")
    try:
        subprocess.run(_as_postgres(f"{binaries}/initdb", "-D", data, "--auth=trust", "-U", "postgres",
                                    "--encoding=UTF8", "--locale=C.UTF-8"),
                       check=True, capture_output=True, timeout=120)  # fmt: skip
        subprocess.run(
            _as_postgres(f"{binaries}/pg_ctl", "-D", data, "-w", "-l", os.path.join(directory, "log"),
                         "-o", f"-p {port} -k {directory} -c listen_addresses=127.0.0.1", "start"),
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        detail = getattr(error, "stderr", b"") or b""
        pytest.skip(f"PostgreSQL could not start: {error} {detail.decode(errors='replace')[-300:]}")
    try:
        deadline = time.monotonic() + 30
        while subprocess.run([f"{binaries}/pg_isready", "-h", "127.0.0.1", "-p", str(port)],
                             capture_output=True).returncode != 0:  # fmt: skip
            if time.monotonic() > deadline:
                pytest.skip("PostgreSQL did not become ready")
            time.sleep(0.3)
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres(f"{binaries}/pg_ctl", "-D", data, "-m", "immediate", "stop"),
                       capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(directory, ignore_errors=True)
