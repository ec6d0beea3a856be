"""The hourly budget of new issues (storm control), kept in the Settings table: a conditional
counter per hour with the groups it was booked for, the groups held back beyond it, and the
one digest issue that lists them."""

from dataclasses import dataclass
from datetime import datetime

from pynamodb.exceptions import DeleteError, PutError, UpdateError

from functions.common import clock
from functions.common.models import SettingModel


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def _name(hour: str) -> str:
    return f"ticket-budget#{hour}"


def _digest_name(hour: str) -> str:
    return f"ticket-digest#{hour}"


def current_hour() -> str:
    return clock.now().strftime("%Y-%m-%dT%H")


@dataclass(frozen=True)
class Booking:
    granted: bool  # the group may open its issue in this hour
    listed: bool = False  # held back and already listed on the hour's digest issue
    # granted to an earlier decision this hour: that one's job is opening the issue
    earlier: bool = False


def book(hour: str, fingerprint: str, limit: int) -> Booking:
    """Book one of the `limit` new issues of `hour` for the group. Booking twice for one group
    counts once, so every decision about a new group may ask (the stream replays changes)."""
    try:
        SettingModel(_name(hour)).update(
            actions=[
                SettingModel.count.add(1),
                SettingModel.booked.add({fingerprint}),
                SettingModel.updated_at.set(clock.iso()),
            ],
            condition=(SettingModel.count.does_not_exist() | (SettingModel.count < limit))
            & (SettingModel.booked.does_not_exist() | ~SettingModel.booked.contains(fingerprint)),
        )
    except UpdateError as error:
        if not _condition_failed(error):
            raise
        budget = SettingModel.get(_name(hour), consistent_read=True)
        booked = fingerprint in (budget.booked or set())
        return Booking(granted=booked, listed=fingerprint in (budget.held or set()), earlier=booked)
    return Booking(granted=True)


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


def unhold(hour: str, fingerprint: str) -> None:
    """Undo `hold_back` when listing the group on the digest issue failed, so a retry lists it."""
    SettingModel(_name(hour)).update(actions=[SettingModel.held.delete({fingerprint})])


@dataclass(frozen=True)
class DigestClaim:
    claimed_at: str
    jira_key: str | None

    def age_seconds(self) -> float:
        claimed = datetime.fromisoformat(self.claimed_at.replace("Z", "+00:00"))
        return (clock.now() - claimed).total_seconds()


def digest(hour: str) -> DigestClaim | None:
    """The hour's digest record: the claim to open it and, once opened, its key."""
    try:
        record = SettingModel.get(_digest_name(hour), consistent_read=True)
    except SettingModel.DoesNotExist:
        return None
    return DigestClaim(record.updated_at or "", record.jira_key)


def claim_digest(hour: str) -> str | None:
    """The right to open the hour's digest issue: the claim time, None if another job has it."""
    claimed_at = clock.iso()
    try:
        SettingModel(_digest_name(hour), updated_at=claimed_at).save(
            condition=SettingModel.name.does_not_exist()
        )
    except PutError as error:
        if _condition_failed(error):
            return None
        raise
    return claimed_at


def take_over_digest(hour: str, stale: DigestClaim) -> str | None:
    """Take over a claim whose job died before recording the issue; None if another job did."""
    claimed_at = clock.iso()
    try:
        SettingModel(_digest_name(hour)).update(
            actions=[SettingModel.updated_at.set(claimed_at)],
            condition=SettingModel.jira_key.does_not_exist()
            & (SettingModel.updated_at == stale.claimed_at),
        )
    except UpdateError as error:
        if _condition_failed(error):
            return None
        raise
    return claimed_at


def record_digest(hour: str, jira_key: str) -> None:
    SettingModel(_digest_name(hour)).update(actions=[SettingModel.jira_key.set(jira_key)])


def release_digest(hour: str, claimed_at: str) -> None:
    """Drop our claim when no digest issue was created, so a retry can claim again at once."""
    try:
        SettingModel(_digest_name(hour)).delete(
            condition=SettingModel.jira_key.does_not_exist()
            & (SettingModel.updated_at == claimed_at)
        )
    except DeleteError as error:
        if not _condition_failed(error):
            raise
