"""`make run`: the whole assistant on localhost until Ctrl-C."""

from __future__ import annotations

import signal
import sys

from bot.services import Services
from bot.settings import LOCAL_AUTH_TOKEN, from_environment


def main() -> int:
    settings = from_environment()
    services = Services(settings)
    print("Starting the action server, the web service and the Rasa server (about 30 s)...")
    try:
        services.start()
    except (RuntimeError, TimeoutError) as error:
        print(f"Could not start: {error}. Logs: {settings.var_dir / 'logs'}", file=sys.stderr)
        services.stop()
        return 1
    token_note = " (the local default; set RASA_AUTH_TOKEN)" if settings.auth_token == LOCAL_AUTH_TOKEN else ""
    print(
        f"\nReady.\n"
        f"  Chat in your browser:  {settings.web_url}/\n"
        f"  Counselors' console:   {settings.web_url}/console/  (accounts: python -m bot.console.cli create-account)\n"
        f"  REST channel:          POST {settings.rasa_url}/webhooks/rest/webhook\n"
        f"  Rasa HTTP API token:   {settings.auth_token}{token_note}\n"
        f"  Logs:                  {settings.var_dir / 'logs'}\n"
        f"Press Ctrl-C to stop."
    )
    try:
        signal.pause()
    except KeyboardInterrupt:
        pass
    print("\nStopping...")
    services.stop()
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _interrupt)
    sys.exit(main())
