"""Serve the advisor from several processes behind HAProxy: one command.

Run (from the repository, with its virtual environment)::

    .venv/bin/python scripts/serve_replicas.py --replicas 2            # proxy on 127.0.0.1:8500
    .venv/bin/python scripts/serve_replicas.py --upstream 10.0.0.5:8501 --upstream 10.0.0.6:8501 \\
        --listen 0.0.0.0:8500                                          # replicas on other hosts

It starts ``--replicas`` ``streamlit run serve.py`` processes on 127.0.0.1 (ports from
``--first-port``), waits until each answers on Streamlit's health endpoint
(``/_stcore/health``), writes a HAProxy configuration into a temporary folder and runs Debian's
``haproxy`` in front of them (``apt-get install haproxy``); Ctrl-C (or SIGTERM) stops the proxy
and every replica. ``--upstream HOST:PORT`` (repeatable) puts replicas already running elsewhere
behind the proxy instead: the configuration is the same, only the server lines differ.
``--config-only DIR`` writes the configuration and exits (``haproxy -c -f DIR/haproxy.cfg``
checks it).

Why this works for the advisor: nothing about a learner is kept on the server, and every
journey's answers are in the page address, so any replica can serve any request; a session
whose replica goes away reconnects through the proxy to another one and the page is rebuilt
from its address. The proxy only has to carry Streamlit's websocket (HAProxy passes the
``Upgrade`` through in HTTP mode; ``timeout tunnel`` keeps an idle session's socket open), keep
each websocket on the replica it opened on (automatic: one connection, one server), send new
sessions to the replica with the fewest (``balance leastconn``), and stop sending them to a
replica whose health check fails (``option httpchk`` on ``/_stcore/health`` every 2 s), and
retry a connection a stopped replica refuses on another one (``option redispatch``).
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: tests.support is beside it

from tests.support.server import (  # noqa: E402 - after the path is set
    LOOPBACK,
    free_port,
    stop,
    streamlit_command,
    wait_until_serving,
)

HAPROXY = "haproxy"
CONFIG_NAME = "haproxy.cfg"


def haproxy_config(upstreams: Sequence[str], *, listen: str, max_sessions: int = 8000) -> str:
    """The proxy's configuration: ``listen`` (``host:port``) in front of ``upstreams``."""
    servers = "\n".join(
        f"    server replica{n} {address} check inter 2s fall 2 rise 1"
        for n, address in enumerate(upstreams, start=1))
    return f"""\
# Written by scripts/serve_replicas.py: the advisor's replicas behind one address.
global
    # Two file descriptors a session (browser side and replica side) must fit the usual limit.
    maxconn {max_sessions}

defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # A Streamlit session is one long-lived websocket: once upgraded, this bounds its idleness.
    timeout tunnel 1h
    option http-server-close
    # A page's run is many small websocket messages: pass each on at once, not gathered.
    option http-no-delay
    # A replica that has just stopped refuses connections before its health check fails: try
    # again, each time on another replica, so a reconnecting session lands at once.
    retries 3
    option redispatch 1

frontend advisor
    bind {listen}
    default_backend replicas

backend replicas
    # New sessions go to the replica with the fewest open; a websocket stays where it opened.
    balance leastconn
    option httpchk
    http-check send meth GET uri /_stcore/health
    http-check expect status 200
{servers}
"""


def write_config(directory: Path, upstreams: Sequence[str], *, listen: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / CONFIG_NAME
    path.write_text(haproxy_config(upstreams, listen=listen))
    return path


def parse_options(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/serve_replicas.py",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2,
                        help="app processes to start on this machine (default 2)")
    parser.add_argument("--first-port", type=int, default=0,
                        help="the first replica's port, the others following (default: free "
                             "ports)")
    parser.add_argument("--listen", default=f"{LOOPBACK}:8500",
                        help="the proxy's address (default 127.0.0.1:8500)")
    parser.add_argument("--upstream", action="append", default=[], metavar="HOST:PORT",
                        help="a replica already running (repeatable); none are started then")
    parser.add_argument("--config-only", type=Path, metavar="DIR",
                        help="write DIR/haproxy.cfg and exit")
    parser.add_argument("--pids", type=Path, metavar="FILE",
                        help="write the replicas' process ids here, one a line (for "
                             "benchmarks/load.py --pid)")
    args = parser.parse_args(argv)
    if not args.upstream and not 1 <= args.replicas <= 32:
        parser.error("--replicas: from 1 to 32")
    return args


def replica_ports(args: argparse.Namespace) -> list[int]:
    if args.first_port:
        return [args.first_port + n for n in range(args.replicas)]
    return [free_port() for _ in range(args.replicas)]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_options(argv)
    ports = [] if args.upstream else replica_ports(args)
    upstreams = args.upstream or [f"{LOOPBACK}:{port}" for port in ports]
    if args.config_only:
        print(write_config(args.config_only, upstreams, listen=args.listen))
        return 0
    if shutil.which(HAPROXY) is None:
        print("haproxy is not installed (Debian: apt-get install haproxy)", file=sys.stderr)
        return 1

    stopping = False

    def on_signal(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    replicas: list[subprocess.Popen[bytes]] = []
    proxy: subprocess.Popen[bytes] | None = None
    with tempfile.TemporaryDirectory(prefix="advisor-replicas-") as folder:
        try:
            for port in ports:
                log = (Path(folder) / f"replica-{port}.log").open("wb")
                replicas.append(subprocess.Popen(streamlit_command(port), cwd=REPO,
                                                 stdout=log, stderr=subprocess.STDOUT))
                log.close()
            for port, replica in zip(ports, replicas, strict=True):
                failure = wait_until_serving(f"http://{LOOPBACK}:{port}", replica, 90)
                if failure is not None:
                    print(failure, file=sys.stderr)
                    return 1
            if args.pids:
                args.pids.write_text("".join(f"{r.pid}\n" for r in replicas))
            config = write_config(Path(folder), upstreams, listen=args.listen)
            check = subprocess.run([HAPROXY, "-c", "-q", "-f", str(config)],
                                   capture_output=True, text=True, check=False)
            if check.returncode != 0:
                print(check.stdout + check.stderr, file=sys.stderr)
                return 1
            proxy = subprocess.Popen([HAPROXY, "-W", "-db", "-f", str(config)])
            print(f"serving on http://{args.listen} from {len(upstreams)} replica"
                  f"{'s' if len(upstreams) != 1 else ''}: {', '.join(upstreams)}; "
                  "Ctrl-C stops them", flush=True)
            while not stopping and proxy.poll() is None:
                if any(r.poll() is not None for r in replicas):
                    print("a replica stopped; the proxy sends new sessions to the others",
                          file=sys.stderr)
                    replicas = [r for r in replicas if r.poll() is None]
                time.sleep(0.5)
            return 0 if stopping else 1
        finally:
            if proxy is not None:
                proxy.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proxy.wait(timeout=10)
            for replica in replicas:
                stop(replica)


if __name__ == "__main__":
    raise SystemExit(main())
