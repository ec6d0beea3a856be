"""The Jira integration: an atlassian-python-api client built from settings.

The API token comes from Secrets Manager (JIRA_SECRET_ARN) and is read once per cold start;
JIRA_API_TOKEN overrides it (local runs, tests). The jira function keeps its client (and so its
HTTP connection to Jira) across invocations, as a Lambda container keeps what it made.
"""

from functools import lru_cache

import boto3
from atlassian import Jira

from functions.common.settings import Settings


@lru_cache(maxsize=4)
def _secret(secret_arn: str) -> str:
    return boto3.client("secretsmanager").get_secret_value(SecretId=secret_arn)["SecretString"]


def api_token(settings: Settings) -> str:
    if settings.jira_api_token:
        return settings.jira_api_token
    if settings.jira_secret_arn:
        return _secret(settings.jira_secret_arn)
    return ""


def connect(settings: Settings) -> Jira:
    """A Jira Cloud client that never retries or sleeps by itself: a resent create could open
    a second issue, and a sleep on 429 would hold the worker; the job goes back to the queue."""
    return _client(
        settings.jira_url, settings.jira_user, api_token(settings), settings.jira_timeout_seconds
    )


def kept_client(settings: Settings) -> Jira:
    """The container's client for this Jira, as connect makes it, made once (another URL,
    user, token or timeout gets its own): its kept-alive connection spares each job a new one."""
    return _kept_client(
        settings.jira_url, settings.jira_user, api_token(settings), settings.jira_timeout_seconds
    )


def _client(url: str, user: str, token: str, timeout: int) -> Jira:
    return Jira(
        url=url,
        username=user,
        password=token,
        cloud=True,
        timeout=timeout,
        backoff_and_retry=False,
        retry_with_header=False,
    )


_kept_client = lru_cache(maxsize=4)(_client)
