"""Settings from the environment, with local defaults that need no set-up.

Production chooses PostgreSQL/Redis by configuration: RASA_ENDPOINTS points at
endpoints.production.yml, whose values come from the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
# A local default so `make run` works out of the box; set RASA_AUTH_TOKEN in production.
LOCAL_AUTH_TOKEN = "local-dev-token"


@dataclass(frozen=True)
class Settings:
    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8000
    host: str = "127.0.0.1"
    auth_token: str = LOCAL_AUTH_TOKEN
    endpoints_file: Path = PROJECT_DIR / "endpoints.yml"
    credentials_file: Path = PROJECT_DIR / "credentials.yml"
    model_path: Path = PROJECT_DIR / "models" / "current.tar.gz"
    var_dir: Path = PROJECT_DIR / "var"
    database_url: str | None = None  # None: the SQLite file var_dir/app.db

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{self.var_dir / 'app.db'}"

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}"


def from_environment(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    defaults = Settings()
    return Settings(
        rasa_port=int(env.get("RASA_PORT", defaults.rasa_port)),
        action_port=int(env.get("ACTION_PORT", defaults.action_port)),
        web_port=int(env.get("WEB_PORT", defaults.web_port)),
        host=env.get("BIND_HOST", defaults.host),
        auth_token=env.get("RASA_AUTH_TOKEN", defaults.auth_token),
        endpoints_file=Path(env.get("RASA_ENDPOINTS", defaults.endpoints_file)),
        credentials_file=Path(env.get("RASA_CREDENTIALS", defaults.credentials_file)),
        model_path=Path(env.get("RASA_MODEL", defaults.model_path)),
        var_dir=Path(env.get("VAR_DIR", defaults.var_dir)),
        database_url=env.get("DATABASE_URL"),
    )
