"""The local stack's defaults, each overridable by an environment variable."""

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


@dataclass(frozen=True)
class LocalConfig:
    host: str = field(default_factory=lambda: _env("STACKLENS_HOST", "127.0.0.1"))
    api_port: int = field(default_factory=lambda: int(_env("STACKLENS_API_PORT", "3000")))
    pos_port: int = field(default_factory=lambda: int(_env("STACKLENS_POS_PORT", "3001")))
    jira_port: int = field(default_factory=lambda: int(_env("STACKLENS_JIRA_PORT", "3002")))
    # The first function URL of the template (the ingest function's: the shippers' endpoint);
    # any further one on the ports after it.
    function_url_port: int = field(
        default_factory=lambda: int(_env("STACKLENS_FUNCTION_URL_PORT", "3003"))
    )
    # 0: any free port. The moto server is internal; nothing outside the runner needs its port.
    moto_port: int = field(default_factory=lambda: int(_env("STACKLENS_MOTO_PORT", "0")))
    admin_token: str = field(default_factory=lambda: _env("ADMIN_TOKEN", "demo-admin-token"))
    # A real Jira when JIRA_URL is set; else the emulator on jira_port.
    jira_url: str = field(default_factory=lambda: os.environ.get("JIRA_URL", ""))
    jira_user: str = field(default_factory=lambda: _env("JIRA_USER", "demo@example.com"))
    jira_api_token: str = field(default_factory=lambda: _env("JIRA_API_TOKEN", "demo-token"))
    jira_project: str = field(default_factory=lambda: _env("JIRA_PROJECT", "STACK"))
    state_dir: Path = field(default_factory=lambda: Path(_env("STACKLENS_STATE_DIR", "var")))
    demo_host_id: str = field(default_factory=lambda: _env("STACKLENS_DEMO_HOST", "pos-demo-01"))
    demo_store_id: str = field(default_factory=lambda: _env("STACKLENS_DEMO_STORE", "S001"))
    # "held": the live stream stays open (real push). "finite": each request is answered as the
    # status function answers it on AWS (the events, then `retry:`), to try the page as deployed.
    stream_mode: str = field(default_factory=lambda: _env("STACKLENS_STREAM", "held"))

    def __post_init__(self) -> None:
        if self.stream_mode not in ("held", "finite"):
            raise ValueError(f"STACKLENS_STREAM must be held or finite, not {self.stream_mode!r}")

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.api_port}"

    @property
    def pos_url(self) -> str:
        return f"http://{self.host}:{self.pos_port}"

    @property
    def emulated_jira_url(self) -> str:
        return f"http://{self.host}:{self.jira_port}"
