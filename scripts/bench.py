"""`make bench`: latency and throughput over the REST channel, with the action
server (language slot every turn) and the NLG endpoint in the loop.

Starts the three real processes on free loopback ports with a fresh SQLite
tracker store, sends a fixed mix of ja/en/vi messages at concurrency 1 and 20
(each simulated user holds conversations of twelve turns, one after another), and prints p50/p95 latency,
messages per second, and the resident memory of each process.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import tempfile
import time
import warnings
from pathlib import Path

import aiohttp

from bot.services import Services
from bot.settings import PROJECT_DIR, Settings

MESSAGES = [
    "こんにちは",
    "特定技能の分野を教えてください",
    "外国人を採用する手順は？",
    "相談は無料ですか",
    "hello",
    "what is the specified skilled worker visa",
    "how can I find a job in Tokyo",
    "thanks",
    "xin chào",
    "visa tokutei cần thi những gì",
    "lam sao de tim viec o tokyo",
    "cảm ơn ad",
]


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


async def user(session, url: str, sender: str, count: int, latencies: list[float], errors: list[str]) -> None:
    """Conversations of len(MESSAGES) turns, each under a new sender id, as real users have."""
    for turn, text in enumerate(itertools.islice(itertools.cycle(MESSAGES), count)):
        conversation = f"{sender}-{turn // len(MESSAGES)}"
        start = time.perf_counter()
        async with session.post(url, json={"sender": conversation, "message": text}) as reply:
            body = await reply.json()
            if reply.status != 200 or not body:
                errors.append(f"{reply.status}: {body}")
        latencies.append((time.perf_counter() - start) * 1000)


async def run_load(url: str, concurrency: int, per_user: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        start = time.perf_counter()
        await asyncio.gather(
            *(
                user(session, url, f"bench-{concurrency}-{index}", per_user, latencies, errors)
                for index in range(concurrency)
            )
        )
        elapsed = time.perf_counter() - start
    return {
        "n": len(latencies),
        "errors": len(errors),
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "rate": len(latencies) / elapsed,
    }


def main() -> None:
    warnings.simplefilter("ignore", DeprecationWarning)  # TensorFlow's and pyparsing's, not ours
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=PROJECT_DIR / "models" / "current.tar.gz")
    parser.add_argument("--messages", type=int, default=240, help="messages per concurrency level")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as var_dir:
        settings = Settings(
            rasa_port=free_port(),
            action_port=free_port(),
            web_port=free_port(),
            auth_token="bench",
            model_path=args.model,
            var_dir=Path(var_dir),
        )
        services = Services(settings)
        started = time.perf_counter()
        services.start(timeout=300)
        print(f"Servers ready in {time.perf_counter() - started:.1f} s")
        url = f"{settings.rasa_url}/webhooks/rest/webhook"
        try:
            asyncio.run(run_load(url, 1, 24))  # warm-up: first parses load lazily
            print("| concurrency | messages | errors | p50 ms | p95 ms | messages/s |")
            print("|---|---|---|---|---|---|")
            for concurrency in (1, 20):
                result = asyncio.run(run_load(url, concurrency, max(1, args.messages // concurrency)))
                print(
                    f"| {concurrency} | {result['n']} | {result['errors']} | {result['p50']:.0f} | "
                    f"{result['p95']:.0f} | {result['rate']:.1f} |"
                )
            print(
                "\nResident memory: "
                + ", ".join(f"{name} {rss_mb(pid):.0f} MB" for name, pid in services.pids().items())
            )
        finally:
            services.stop()


if __name__ == "__main__":
    main()
