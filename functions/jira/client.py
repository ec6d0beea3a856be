"""The Jira integration: an atlassian-python-api client built from settings.

The API token comes from Secrets Manager (JIRA_SECRET_ARN) and is read once per cold start;
JIRA_API_TOKEN overrides it (local runs, tests).
"""

from functools import lru_cache

import boto3
from atlassian import Jira

from functions.common.settings import Settings

REQUEST_TIMEOUT_SECONDS = 10


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
    """A Jira Cloud client. No blind retries: a resent create would open a second issue."""
    return Jira(
        url=settings.jira_url,
        username=settings.jira_user,
        password=api_token(settings),
        cloud=True,
        timeout=REQUEST_TIMEOUT_SECONDS,
    )
