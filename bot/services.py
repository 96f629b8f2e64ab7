"""Starts and stops the three processes of the assistant: the Rasa server, the
action server and our web service. Used by `make run`, the integration tests
and the benchmark, so all three run the assistant the same way."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.settings import PROJECT_DIR, Settings

BIN = Path(sys.executable).parent


def environment(settings: Settings) -> dict[str, str]:
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(PROJECT_DIR))
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        ACTION_ENDPOINT_URL=env.get("ACTION_ENDPOINT_URL", f"http://{settings.host}:{settings.action_port}/webhook"),
        NLG_ENDPOINT_URL=env.get("NLG_ENDPOINT_URL", f"{settings.web_url}/nlg"),
        TRACKER_DB_PATH=env.get("TRACKER_DB_PATH", str(settings.var_dir / "tracker.db")),
        DATABASE_URL=settings.database,
        VAR_DIR=str(settings.var_dir),
        RASA_AUTH_TOKEN=settings.auth_token,  # the console calls Rasa's HTTP API; the browser never sees it
        BIND_HOST=settings.host,
        RASA_PORT=str(settings.rasa_port),
        ACTION_PORT=str(settings.action_port),
        WEB_PORT=str(settings.web_port),
    )
    return env


def commands(settings: Settings) -> dict[str, list[str]]:
    return {
        "actions": [str(BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "--port", str(settings.action_port)],
        "web": [str(BIN / "python"), "-m", "bot.web.app"],
        "rasa": [
            str(BIN / "rasa"),
            "run",
            "--model",
            str(settings.model_path),
            "--endpoints",
            str(settings.endpoints_file),
            "--credentials",
            str(settings.credentials_file),
            "--interface",
            settings.host,
            "--port",
            str(settings.rasa_port),
            "--enable-api",
            "--auth-token",
            settings.auth_token,
            "--cors",
            settings.web_url,
            f"http://localhost:{settings.web_port}",
        ],
    }


def health_urls(settings: Settings) -> dict[str, str]:
    return {
        "actions": f"http://{settings.host}:{settings.action_port}/health",
        "web": f"{settings.web_url}/health",
        "rasa": f"{settings.rasa_url}/status?token={settings.auth_token}",
    }


@dataclass
class Services:
    settings: Settings
    log_dir: Path | None = None
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def start(self, timeout: float = 180.0) -> None:
        from bot.booking.store import BookingStore
        from bot.handoff.messages import MessageStore
        from bot.kb.loader import prepare_database

        env = environment(self.settings)
        prepare_database(self.settings.database)  # schema and catalog before anyone reads them
        bookings = BookingStore(self.settings.database)
        now = dt.datetime.now(dt.timezone.utc)
        bookings.sync_staff(now)  # counselors and their slots
        bookings.purge_expired(now)
        MessageStore(self.settings.database).purge_expired(now)  # messages left for counselors
        log_dir = self.log_dir or self.settings.var_dir / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        for name, command in commands(self.settings).items():
            log = open(log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
            self.processes[name] = subprocess.Popen(
                command,
                cwd=PROJECT_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.wait_until_ready(timeout)

    def wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pending = dict(health_urls(self.settings))
        while pending:
            for name in list(pending):
                if self.processes[name].poll() is not None:
                    raise RuntimeError(f"{name} exited with {self.processes[name].returncode}; see its log")
                if _responds(pending[name]):
                    del pending[name]
            if time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {timeout:.0f} s: {', '.join(pending)}")
            time.sleep(0.5)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.processes.clear()

    def pids(self) -> dict[str, int]:
        return {name: process.pid for name, process in self.processes.items()}


def _responds(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False
