"""Run the load test: a database and Redis of its own, the data set, gunicorn and a Celery worker started as in
production, then locust's users in steps (10, 20, 40, 80, 160 by default) and 50 editors autosaving alone.

Prints, per step and kind of request, p50/p95/p99 and errors; then the number of users at which the p95 of all
requests passes 500 ms, the first step with an error, and autosave's p99 at 50 editors. Exit status 0 when the run
worked (whatever the figures), 1 when the portal could not be started or measured.

Locust patches the standard library for gevent when it is imported: time.sleep here lets the users' greenlets run.
"""

import argparse
import os
import time

from locust.env import Environment

from . import report, services, users

DAY = [users.Secretary, users.Signer, users.Chair, users.Public]


def parse(argv=None):
    parser = argparse.ArgumentParser(prog="python -m loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", default="10,20,40,80,160", help="numbers of simulated users, one step each")
    parser.add_argument("--step-seconds", type=float, default=30, help="measured seconds of each step")
    parser.add_argument("--spawn-rate", type=float, default=4, help="users started a second (each logs in)")
    parser.add_argument("--settle-seconds", type=float, default=3, help="after the last login, before measuring")
    parser.add_argument("--autosave-editors", type=int, default=50)
    parser.add_argument("--autosave-seconds", type=float, default=30)
    parser.add_argument("--port", type=int, default=8200, help="gunicorn's port (0: any free one)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (the Dockerfile's 3)")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("LOADTEST_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        help="the PostgreSQL server (no database name): the test makes its own database there and drops it",
    )
    parser.add_argument("--database", default="h_load", help="the load test's own database (made anew)")
    parser.add_argument(
        "--redis", default=os.environ.get("LOADTEST_REDIS", "redis://127.0.0.1:6379/4"), help="its own Redis db"
    )
    parser.add_argument("--flush-redis", action="store_true", help="empty the Redis db first (only if it is yours)")
    parser.add_argument("--small", action="store_true", help="a small data set (the smoke test's)")
    parser.add_argument("--keep", action="store_true", help="keep the database and the logs in var/loadtest/")
    return parser.parse_args(argv)


def main(argv=None):
    options = parse(argv)
    steps = [int(n) for n in options.steps.split(",") if n.strip()]
    portal = services.Portal(
        postgres=options.postgres,
        database=options.database,
        redis=options.redis,
        port=options.port,
        workers=options.workers,
    )
    print(f"Load before the run: {report.load()} (2 cores shared; figures above ~2 were taken beside other work)")
    try:
        manifest = portal.prepare(small=options.small, flush_redis=options.flush_redis)
        portal.start()
        print(f"Portal on {portal.base}: gunicorn {options.workers} workers, a Celery worker, {portal.database_url}")
        users.configure(manifest)
        day = run_day(portal.base, steps, options)
        users.configure(manifest)
        autosave = run_autosave(portal.base, options)
        checks = portal.check()
    except services.StartError as error:
        print(f"The load test could not run: {error}")
        portal.stop(keep=True)
        return 1
    finally:
        portal.stop(keep=options.keep)
    print(report.summary(day, autosave, checks, options.autosave_editors))
    print(f"Load after the run: {report.load()}")
    return 0


class Collector:
    """Every request's time and outcome, by kind, for the phase being measured (nothing while users start)."""

    def __init__(self, environment):
        self.samples = None
        self.reasons = {}  # kind: {why it failed: how often}, over the whole run
        environment.events.request.add_listener(self.on_request)

    def on_request(self, request_type, name, response_time, response_length, exception=None, **kwargs):
        if self.samples is not None:
            self.samples.setdefault(name, []).append((response_time, exception is not None))
        if exception is not None:
            why = str(exception)[:120]
            self.reasons.setdefault(name, {}).setdefault(why, 0)
            self.reasons[name][why] += 1

    def measure(self, seconds):
        self.samples = {}
        time.sleep(seconds)
        samples, self.samples = self.samples, None
        return samples


def ramp(runner, count, options):
    """Start (or stop) users until `count` run, and wait until all have logged in, then a little more."""
    runner.start(count, spawn_rate=options.spawn_rate)
    if runner.spawning_greenlet is not None:
        runner.spawning_greenlet.join()
    deadline = time.monotonic() + 120
    while users.ready() < count and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(options.settle_seconds)


def run_day(base, steps, options):
    """The day's mix at each step; returns [(users, {kind: [(ms, failed)]})]."""
    environment = Environment(user_classes=DAY, host=base)
    runner = environment.create_local_runner()
    collector = Collector(environment)
    results = []
    try:
        for count in steps:
            ramp(runner, count, options)
            samples = collector.measure(options.step_seconds)
            results.append((count, samples))
            title = f"{count} users, {options.step_seconds:g} s (load {os.getloadavg()[0]:.1f} at its end)"
            print(report.step(title, samples), flush=True)
            print(report.reasons(collector.reasons), end="", flush=True)
            collector.reasons = {}
    finally:
        runner.quit()
    return results


def run_autosave(base, options):
    """Only editors, all typing: autosave's p99 at this many at once."""
    environment = Environment(user_classes=[users.Editor], host=base)
    runner = environment.create_local_runner()
    collector = Collector(environment)
    try:
        ramp(runner, options.autosave_editors, options)
        samples = collector.measure(options.autosave_seconds)
    finally:
        runner.quit()
    title = f"{options.autosave_editors} editors, {options.autosave_seconds:g} s (load {os.getloadavg()[0]:.1f})"
    print(report.step(title, samples), flush=True)
    print(report.reasons(collector.reasons), end="", flush=True)
    return samples
