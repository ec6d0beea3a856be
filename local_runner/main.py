"""`stacklens local`: the whole stack on this machine; with --with-demo also the demo POS and a
shipper tailing its log, so an order for product 999 becomes a Jira ticket."""

import argparse
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import urllib.request

from local_runner.config import LocalConfig
from local_runner.stack import LocalStack

log = logging.getLogger("stacklens.local")


def register_host(config: LocalConfig, host_id: str, store: str) -> str:
    """Register a shipper through the API, as an admin would; returns its key."""
    request = urllib.request.Request(
        f"{config.api_url}/api/hosts",
        data=json.dumps({"host_id": host_id, "store": store}).encode(),
        headers={
            "Authorization": f"Bearer {config.admin_token}",
            "Content-Type": "application/json",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())["key"]


def start_demo(config: LocalConfig, shipper_url: str) -> list[subprocess.Popen]:
    demo_dir = (config.state_dir / "demo").resolve()
    demo_dir.mkdir(parents=True, exist_ok=True)
    log_path = demo_dir / "pos.log"
    log_path.touch()
    key_file = demo_dir / f"{config.demo_host_id}.key"
    key_file.write_text(register_host(config, config.demo_host_id, config.demo_store_id) + "\n")
    key_file.chmod(0o600)
    pos = subprocess.Popen(
        [
            sys.executable, "-m", "demo_pos",
            "--host", config.host,
            "--port", str(config.pos_port),
            "--log", str(log_path),
            "--store-id", config.demo_store_id,
        ]
    )  # fmt: skip
    shipper = subprocess.Popen(
        [
            sys.executable, "-m", "shipper",
            "--watch", str(demo_dir / "*.log*"),
            "--endpoint", shipper_url,
            "--host-id", config.demo_host_id,
            "--store-id", config.demo_store_id,
            "--key-file", str(key_file),
            "--state-dir", str(demo_dir / "shipper-state"),
        ]
    )  # fmt: skip
    return [pos, shipper]


def banner(config: LocalConfig, stack: LocalStack, with_demo: bool) -> str:
    jira = "real Jira" if config.jira_url else "Jira emulator"
    # The demo's token is shown to help; a token of one's own is a secret and stays out of logs.
    token = "as ADMIN_TOKEN says" if os.environ.get("ADMIN_TOKEN") else config.admin_token
    lines = [
        "StackLens local is ready.",
        f"  Status page and API  {config.api_url}/   (admin token: {token})",
        f"  {jira:<20} {stack.jira_url}   (user {config.jira_user}, project {config.jira_project})",
        f"  Shippers post to     {stack.shipper_url}   (the ingest function's URL)",
        f"  AWS (moto)           {stack.aws_url}",
    ]
    if with_demo:
        lines += [
            f"  Demo POS             {config.pos_url}   (log: {config.state_dir}/demo/pos.log)",
            f"  Shipper              host {config.demo_host_id}, store {config.demo_store_id}",
            "",
            "Try it: curl -X POST "
            f"{config.pos_url}/orders -H 'Content-Type: application/json' "
            """-d '{"items":[{"productId":999,"quantity":1}]}'""",
            f"then watch {config.api_url}/ and the issue at {stack.jira_url}/_emulator/issues",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stacklens local", description=__doc__)
    parser.add_argument(
        "--with-demo", action="store_true", help="also run the demo POS and a shipper on its log"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # The functions' own logs (JSON, as CloudWatch would hold them) stay; the libraries'
    # chatter about credentials and endpoints does not.
    for chatty in ("werkzeug", "botocore", "pynamodb"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    config = LocalConfig()
    stack = LocalStack(config).start()
    children: list[subprocess.Popen] = []
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        if args.with_demo:
            children = start_demo(config, stack.shipper_url)
        print(banner(config, stack, args.with_demo), flush=True)
        while not stopping.wait(0.5):
            for child in children:
                if child.poll() is not None:
                    log.error("%s exited with %s", child.args[2], child.returncode)
                    stopping.set()
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            child.terminate()
        for child in children:
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                child.kill()
        stack.stop()
    return 0
