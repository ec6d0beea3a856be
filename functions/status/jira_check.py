"""`?test=1` of the Jira status: can StackLens reach Jira with its settings, and as whom?

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
    """{"reachable": bool, "account": the Jira user's display name, or why not}."""
    secrets = [settings.jira_api_token]
    try:
        secrets.append(client.api_token(settings))
        if not settings.jira_url:
            return {"reachable": False, "account": "JIRA_URL is not set"}
        me = connect(settings).myself()
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable", shown to the user
        return {"reachable": False, "account": _redacted(_reason(error), secrets)}
    if not isinstance(me, dict):
        return {"reachable": False, "account": "Jira answered /myself without a user"}
    account = me.get("displayName") or me.get("emailAddress") or me.get("accountId") or ""
    return {"reachable": True, "account": _redacted(str(account), secrets)}
