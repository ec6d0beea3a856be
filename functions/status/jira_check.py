"""`?test=1` of the Jira status: can StackLens reach Jira with its settings, as whom, and can it
open issues in its project? Each step is reported, so the answer says what to fix.

Every failure is an answer (reachable false and the reason), never an error of the status API;
the token never appears in it.
"""

from collections.abc import Callable

from functions.common.settings import Settings
from functions.jira import client

MAX_REASON_CHARS = 300


def _redacted(text: str, secrets: list[str]) -> str:
    for secret in filter(None, secrets):
        text = text.replace(secret, "***")
    return text[:MAX_REASON_CHARS]


def _reason(error: Exception) -> str:
    status = getattr(getattr(error, "response", None), "status_code", None)
    prefix = f"HTTP {status}" if status else type(error).__name__
    return f"{prefix}: {error}"


def check(settings: Settings, connect: Callable = client.connect) -> dict:
    """{"reachable": bool, "account": the Jira user's display name or why not, "checks": [...]}:
    credentials (myself), the server (serverInfo), the project, and the create permission."""
    secrets = [settings.jira_api_token]
    checks: list[dict] = []

    def failed(step: str, reason: str) -> dict:
        checks.append({"check": step, "ok": False, "detail": _redacted(reason, secrets)})
        reachable = step != "credentials"
        account = checks[0]["detail"] if checks and checks[0]["ok"] else _redacted(reason, secrets)
        return {"reachable": reachable, "account": account, "can_create": False, "checks": checks}

    try:
        secrets.append(client.api_token(settings))
    except Exception as error:  # noqa: BLE001 - a secret we cannot read is an answer, not a 500
        return failed("credentials", _reason(error))
    if not settings.jira_url:
        return failed("credentials", "JIRA_URL is not set")
    jira = connect(settings)
    try:
        me = jira.myself()
    except Exception as error:  # noqa: BLE001
        return failed("credentials", _reason(error))
    if not isinstance(me, dict):
        return failed("credentials", "Jira answered /myself without a user")
    account = me.get("displayName") or me.get("emailAddress") or me.get("accountId") or ""
    checks.append({"check": "credentials", "ok": True, "detail": _redacted(str(account), secrets)})
    try:
        server = jira.get_server_info() or {}
        detail = f"{server.get('deploymentType', 'Jira')} {server.get('version', '')}".strip()
        checks.append({"check": "server", "ok": True, "detail": detail})
        project = jira.project(settings.jira_project) or {}
        checks.append({"check": "project", "ok": True, "detail": project.get("name", "")})
        granted = jira.get_permissions("CREATE_ISSUES", project_key=settings.jira_project) or {}
    except Exception as error:  # noqa: BLE001
        step = ("server", "project", "create permission")[len(checks) - 1]
        return failed(step, _reason(error))
    can_create = bool(granted.get("permissions", {}).get("CREATE_ISSUES", {}).get("havePermission"))
    checks.append(
        {
            "check": "create permission",
            "ok": can_create,
            "detail": f"may create issues in {settings.jira_project}"
            if can_create
            else f"{account} may not create issues in {settings.jira_project}",
        }
    )
    return {
        "reachable": True,
        "account": _redacted(str(account), secrets),
        "can_create": can_create,
        "checks": checks,
    }
