"""Ingest's DynamoDB writes (pynamodb): seen keys, occurrences, group totals, hosts.

Seen keys are conditional puts, groups one UpdateItem of update actions per batch, never a
read followed by a write: concurrent invocations cannot lose each other's counts.
Occurrences are plain batched puts (their keys are the claimed events, unique).
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from pynamodb.exceptions import PutError, UpdateError
from pynamodb.expressions.condition import size

from functions.common import clock, live_feed
from functions.common.models import GroupModel, HostModel, OccurrenceModel, SeenModel
from functions.ingest.batch import SAMPLES_KEPT, AnalysedError, GroupAggregate, stored_line
from functions.ingest.hosts import Heartbeat, Host
from functions.ingest.pipeline import GroupState

CONDITION_FAILED = "ConditionalCheckFailedException"
CLAIM_WORKERS = 8
# How many samples each group held after this container's last update of it: the sample
# append is sized from it, so the one UpdateItem keeps the list within SAMPLES_KEPT.
_SAMPLE_COUNTS: dict[str, int] = {}
_SAMPLE_COUNTS_LIMIT = 50_000


def _condition_failed(error: PutError | UpdateError) -> bool:
    return error.cause_response_code == CONDITION_FAILED


def batch_key(batch_id: str) -> str:
    return f"batch#{batch_id}"


def event_key(host: str, file_id: str, offset: int) -> str:
    return f"event#{host}#{file_id}#{offset}"


def occurrence_key(observed_at: str, host: str, file_id: str, offset: int) -> str:
    return f"{observed_at}#{host}#{file_id}#{offset}"


class DynamoIngestStore:
    """The IngestStore of pipeline.ingest on the StackLens tables."""

    def __init__(self, retention_days: int):
        self.retention_days = retention_days

    def _expires_at(self):
        return clock.now() + timedelta(days=self.retention_days)

    def batch_seen(self, batch_id: str) -> bool:
        try:
            SeenModel.get(batch_key(batch_id), consistent_read=True)
        except SeenModel.DoesNotExist:
            return False
        return True

    def _put_once(self, key: str) -> bool:
        try:
            SeenModel(key, expires_at=self._expires_at()).save(
                condition=SeenModel.seen_key.does_not_exist()
            )
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def claim_events(self, host: str, identities: list[tuple[str, int]]) -> list[bool]:
        keys = [event_key(host, file_id, offset) for file_id, offset in identities]
        if len(keys) <= 1:
            return [self._put_once(key) for key in keys]
        # Conditional puts cannot be batched; in parallel a 500-event batch takes ~60 round
        # trips, not 500. The client is shared (thread-safe) and was made by batch_seen.
        with ThreadPoolExecutor(max_workers=min(CLAIM_WORKERS, len(keys))) as pool:
            return list(pool.map(self._put_once, keys))

    def mark_batch(self, batch_id: str) -> None:
        # False means a concurrent delivery of the same batch finished first: nothing to do.
        self._put_once(batch_key(batch_id))

    def save_occurrences(self, errors: list[AnalysedError], host: str, store: str | None) -> None:
        expires_at = self._expires_at()
        with OccurrenceModel.batch_write() as writer:  # 25 puts a request
            for error in errors:
                event = error.event
                writer.save(
                    OccurrenceModel(
                        error.fingerprint,
                        occurrence_key(event.observed_at, host, event.file_id, event.offset),
                        host=host,
                        store=store,
                        source=event.source,
                        file_id=event.file_id,
                        offset=event.offset,
                        line=stored_line(event.line),
                        observed_at=event.observed_at,
                        expires_at=expires_at,
                    )
                )

    def update_group(self, group: GroupAggregate) -> GroupState:
        """Add the batch's totals to the group: one UpdateItem, unless what this container
        believed about the group's samples was wrong."""
        item = GroupModel(group.fingerprint)
        actions = _group_actions(group)
        for samples, condition in _sample_attempts(group):
            if _try_update(item, [*actions, *samples], condition):
                break
        else:
            # The samples changed under us: leave them, add the rest.
            item.update(actions)
        _remember_samples(group.fingerprint, len(item.samples or []))
        return _state(group, item)

    def append_feed(self, kind: str, data: dict) -> None:
        live_feed.append(kind, data, retention_days=self.retention_days)


def _state(group: GroupAggregate, item: GroupModel) -> GroupState:
    """The group after the update (ALL_NEW): it is new when this batch's count is all it has."""
    count = int(item.count)
    return GroupState(
        count=count,
        is_new=count == group.count,
        template=item.template,
        message=item.message,
        level=item.level,
        severity=item.severity,
        category=item.category,
        last_seen=item.last_seen,
    )


def _sample_attempts(group: GroupAggregate) -> list[tuple[list, object]]:
    """(actions, condition) pairs to try in turn: append this batch's samples only while the
    list stays within SAMPLES_KEPT. A failed condition writes nothing, so no read is needed:
    first the guess from this container's last look, then one that assumes nothing."""
    append = GroupModel.samples.set((GroupModel.samples | []).append(group.samples))
    assume_nothing = (
        [append],
        GroupModel.samples.does_not_exist()
        | (size(GroupModel.samples) <= SAMPLES_KEPT - len(group.samples)),
    )
    known = _SAMPLE_COUNTS.get(group.fingerprint)
    if known is None:
        return [assume_nothing]
    # size() of a missing attribute: DynamoDB fails the condition, moto raises; both are
    # spared by testing existence first.
    if known >= SAMPLES_KEPT:
        full = GroupModel.samples.exists() & (size(GroupModel.samples) >= SAMPLES_KEPT)
        return [([], full), assume_nothing]
    fitting = group.samples[: SAMPLES_KEPT - known]
    exactly_known = GroupModel.samples.exists() & (size(GroupModel.samples) == known)
    if known == 0:
        exactly_known = GroupModel.samples.does_not_exist() | exactly_known
    return [
        ([GroupModel.samples.set((GroupModel.samples | []).append(fitting))], exactly_known),
        assume_nothing,
    ]


def _remember_samples(fingerprint: str, count: int) -> None:
    if len(_SAMPLE_COUNTS) >= _SAMPLE_COUNTS_LIMIT:
        _SAMPLE_COUNTS.clear()
    _SAMPLE_COUNTS[fingerprint] = count


def _try_update(item: GroupModel, actions: list, condition) -> bool:
    """The update, or False when its condition failed (nothing written)."""
    try:
        item.update(actions, condition=condition)
    except UpdateError as error:
        if _condition_failed(error):
            return False
        raise
    return True


def _group_actions(group: GroupAggregate) -> list:
    # The group keeps what its first event said; later batches only add counts and sets.
    first_value_wins = (
        (GroupModel.template, group.template),
        (GroupModel.message, group.message),
        (GroupModel.level, group.level),
        (GroupModel.severity, group.severity),
        (GroupModel.category, group.category),
        (GroupModel.rule, group.rule),
        (GroupModel.rules_version, group.rules_version),
        (GroupModel.first_seen, group.first_seen),
    )
    actions = [
        attribute.set(attribute | value)
        for attribute, value in first_value_wins
        if value is not None
    ]
    actions += [GroupModel.count.add(group.count), GroupModel.last_seen.set(group.last_seen)]
    for attribute, values in (
        (GroupModel.hosts, group.hosts),
        (GroupModel.stores, group.stores),
        (GroupModel.sources, group.sources),
    ):
        if values:
            actions.append(attribute.add(values))
    return actions


class DynamoHostRegistry:
    """Registered shippers (Hosts table)."""

    def find(self, host_id: str) -> Host | None:
        try:
            row = HostModel.get(host_id, consistent_read=True)
        except HostModel.DoesNotExist:
            return None
        return Host(row.host_id, row.key, row.store, row.desired_state or "running")

    def register(self, host_id: str, key: str, store: str | None) -> bool:
        """False when the host id is taken (its key is never replaced here)."""
        try:
            HostModel(
                host_id, key=key, store=store, registered_at=clock.iso(), desired_state="running"
            ).save(condition=HostModel.host_id.does_not_exist())
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def record_heartbeat(self, heartbeat: Heartbeat) -> str:
        """Store the heartbeat; answer the host's desired state (running | paused)."""
        row = HostModel(heartbeat.host)
        actions = [
            HostModel.last_heartbeat.set(clock.iso()),
            HostModel.files.set(heartbeat.files),
            HostModel.stats.set(heartbeat.stats),
        ]
        if heartbeat.store:
            actions.append(HostModel.store.set(heartbeat.store))
        row.update(actions, condition=HostModel.host_id.exists())
        return row.desired_state or "running"
