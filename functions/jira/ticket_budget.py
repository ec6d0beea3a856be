"""The hourly budget of new issues (storm control), kept in the Settings table: a conditional
counter per hour, the groups held back beyond it, and the one digest issue that lists them."""

from pynamodb.exceptions import PutError, UpdateError

from functions.common import clock
from functions.common.models import SettingModel


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def _name(hour: str) -> str:
    return f"ticket-budget#{hour}"


def current_hour() -> str:
    return clock.now().strftime("%Y-%m-%dT%H")


def take(hour: str, limit: int) -> bool:
    """Count one new issue in `hour`; False when `limit` issues were opened already."""
    try:
        SettingModel(_name(hour)).update(
            actions=[SettingModel.count.add(1), SettingModel.updated_at.set(clock.iso())],
            condition=SettingModel.count.does_not_exist() | (SettingModel.count < limit),
        )
    except UpdateError as error:
        if _condition_failed(error):
            return False
        raise
    return True


def hold_back(hour: str, fingerprint: str) -> bool:
    """Note the group as held back in `hour`; False when it was noted already."""
    try:
        SettingModel(_name(hour)).update(
            actions=[SettingModel.held.add({fingerprint})],
            condition=SettingModel.held.does_not_exist() | ~SettingModel.held.contains(fingerprint),
        )
    except UpdateError as error:
        if _condition_failed(error):
            return False
        raise
    return True


def digest_key(hour: str) -> str | None:
    try:
        return SettingModel.get(f"ticket-digest#{hour}", consistent_read=True).jira_key
    except SettingModel.DoesNotExist:
        return None


def claim_digest(hour: str) -> bool:
    """The right to open the hour's digest issue; False if another job has it."""
    try:
        SettingModel(f"ticket-digest#{hour}", updated_at=clock.iso()).save(
            condition=SettingModel.name.does_not_exist()
        )
    except PutError as error:
        if _condition_failed(error):
            return False
        raise
    return True


def record_digest(hour: str, jira_key: str) -> None:
    SettingModel(f"ticket-digest#{hour}").update(actions=[SettingModel.jira_key.set(jira_key)])


def release_digest(hour: str) -> None:
    SettingModel(f"ticket-digest#{hour}").delete(condition=SettingModel.jira_key.does_not_exist())
