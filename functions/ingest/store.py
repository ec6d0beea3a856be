"""Ingest's DynamoDB writes (pynamodb): event ledgers, group totals, occurrences, hosts.

A batch's new error events are claimed, counted and sampled in one transaction: a conditional
update of each file ledger touched (it holds the offsets of the file's error events; the
condition refuses an offset already there), one UpdateItem per group and a put of each kept
occurrence. All happen or none, so a crash or a concurrent copy can neither count an event
twice nor lose it, and a group is never counted without its kept lines. Never a read followed
by a plain write: a read only tells which offsets to leave out of the next try.
"""

import random
import time
from datetime import datetime, timedelta

from pynamodb.exceptions import PutError, TransactWriteError, UpdateError
from pynamodb.expressions.condition import size
from pynamodb.transactions import TransactWrite

from functions.common import clock
from functions.common.models import GroupModel, HostModel, OccurrenceModel, SeenModel
from functions.ingest.batch import (
    HOSTS_KEPT,
    STORES_KEPT,
    AnalysedError,
    EventId,
    GroupAggregate,
    aggregate,
    stored_line,
)
from functions.ingest.hosts import Heartbeat, Host
from functions.ingest.known_groups import KnownGroup, KnownGroups
from functions.ingest.pipeline import Commit

CONDITION_FAILED = "ConditionalCheckFailedException"
# A transaction holds at most 100 items and 4 MB, a condition expression 4 KB: errors are
# committed in chunks of this many (each chunk atomic on its own); one chunk per batch
# in the common case.
ERRORS_PER_COMMIT = 33  # at most 33 ledgers + 33 groups + 33 occurrences: within 100 items
# One ledger item per 256 KiB of a file: even if every line were an 8-byte error, its
# offsets would take some 160 KB, within DynamoDB's 400 KB item.
LEDGER_SPAN_BYTES = 1 << 18
# Transactions on the same items at the same time cancel each other: try again this often.
MAX_COMMIT_ATTEMPTS = 12
# What this container knows of the groups it writes (one per Lambda container, as the code is).
KNOWN_GROUPS = KnownGroups()


def _condition_failed(error: PutError | UpdateError) -> bool:
    return error.cause_response_code == CONDITION_FAILED


def _unix_seconds(moment: str | None) -> float | None:
    return datetime.fromisoformat(moment).timestamp() if moment else None


def occurrence_key(observed_at: str, host: str, file_id: str, offset: int) -> str:
    return f"{observed_at}#{host}#{file_id}#{offset}"


class DynamoIngestStore:
    """The IngestStore of pipeline.ingest on the StackLens tables."""

    def __init__(self, retention_days: int):
        self.retention_days = retention_days

    def _expires_at(self):
        return clock.now() + timedelta(days=self.retention_days)

    def commit(
        self, errors: list[AnalysedError], kept: set[EventId], host: str, store: str | None
    ) -> list[Commit]:
        commits: list[Commit] = []
        for start in range(0, len(errors), ERRORS_PER_COMMIT):
            chunk = errors[start : start + ERRORS_PER_COMMIT]
            commits += self._commit_chunk(chunk, kept, host, store)
        return _merged(commits, host, store)

    def _commit_chunk(
        self, errors: list[AnalysedError], kept: set[EventId], host: str, store: str | None
    ) -> list[Commit]:
        taken: dict[str, set[int]] = {}  # offsets a cancelled try found already in a ledger
        for attempt in range(MAX_COMMIT_ATTEMPTS):
            new = [e for e in errors if e.event.offset not in taken.get(_ledger_of(host, e), ())]
            if not new:
                return []
            groups = aggregate(new, host, store)
            ledgers = _ledger_offsets(host, new)
            occurrences = [e for e in new if e.event_id in kept]
            try:
                self._transact(ledgers, groups, occurrences, host, store)
            except TransactWriteError as error:
                reasons = [reason.code if reason else None for reason in error.cancellation_reasons]
                if "TransactionConflict" in reasons:  # a concurrent copy: try again shortly
                    time.sleep(random.uniform(0, 0.01 * 2**attempt))  # noqa: S311 - jitter
                    continue
                if "ConditionalCheckFailed" not in reasons:
                    raise
                # pynamodb sends the puts (occurrences, unconditional) before the updates
                # (ledgers, then groups): a reason answers the item at its place.
                reasons = reasons[len(occurrences) :]
                for key, code in zip(ledgers, reasons, strict=False):
                    if code == "ConditionalCheckFailed":
                        taken[key] = _ledger_content(key)
                refused = [
                    group.fingerprint
                    for group, code in zip(groups, reasons[len(ledgers) :], strict=False)
                    if code == "ConditionalCheckFailed"
                ]
                if refused:  # a list filled up, or a known group is gone: read them again
                    self._learn(refused)
                continue
            for group in groups:
                KNOWN_GROUPS.committed(group.fingerprint)
            return [
                Commit(group, [e for e in new if e.fingerprint == group.fingerprint])
                for group in groups
            ]
        raise RuntimeError(f"no commit after {MAX_COMMIT_ATTEMPTS} tries")

    def _learn(self, fingerprints: list[str]) -> None:
        """Read the groups' lists (one request) and remember what they hold."""
        items = {
            item.fingerprint: item
            for item in GroupModel.batch_get(
                fingerprints,
                consistent_read=True,
                attributes_to_get=["fingerprint", "hosts", "stores"],
            )
        }
        for fingerprint in fingerprints:
            item = items.get(fingerprint)
            if item is None:
                KNOWN_GROUPS.forget(fingerprint)
            else:
                KNOWN_GROUPS.learn(fingerprint, item.hosts, item.stores)

    def _transact(
        self,
        ledgers: dict[str, set[int]],
        groups: list[GroupAggregate],
        occurrences: list[AnalysedError],
        host: str,
        store: str | None,
    ) -> None:
        """One transaction: every ledger takes its new offsets (refused if one is there
        already), every group adds its totals (refused if it would list a host or store beyond
        what a group keeps; see known_groups), every occurrence is stored. A refusal cancels
        the whole transaction: a ledger's means a duplicate, a group's a list that filled up,
        never a race on a count."""
        expires_at = self._expires_at()
        connection = GroupModel._get_connection().connection
        with TransactWrite(connection=connection) as transaction:
            for key, offsets in ledgers.items():
                condition = None
                for offset in sorted(offsets):
                    fresh = ~SeenModel.offsets.contains(offset)
                    condition = fresh if condition is None else condition & fresh
                transaction.update(
                    SeenModel(key),
                    [SeenModel.offsets.add(offsets), SeenModel.expires_at.set(expires_at)],
                    condition=condition,
                )
            for group in groups:
                actions, condition = _group_update(group, KNOWN_GROUPS.get(group.fingerprint))
                transaction.update(GroupModel(group.fingerprint), actions, condition=condition)
            for error in occurrences:
                event = error.event
                transaction.save(
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


def _merged(commits: list[Commit], host: str, store: str | None) -> list[Commit]:
    """One commit per group (a batch's chunks may each have committed part of a group)."""
    by_group: dict[str, list[Commit]] = {}
    for commit in commits:
        by_group.setdefault(commit.group.fingerprint, []).append(commit)
    merged = []
    for parts in by_group.values():
        if len(parts) == 1:
            merged.append(parts[0])
            continue
        new_errors = [error for part in parts for error in part.new_errors]
        (group,) = aggregate(new_errors, host, store)
        merged.append(Commit(group, new_errors))
    return merged


def ledger_key(host: str, file_id: str, offset: int) -> str:
    return f"ledger#{host}#{file_id}#{offset // LEDGER_SPAN_BYTES}"


def _ledger_of(host: str, error: AnalysedError) -> str:
    return ledger_key(host, error.event.file_id, error.event.offset)


def _ledger_offsets(host: str, errors: list[AnalysedError]) -> dict[str, set[int]]:
    ledgers: dict[str, set[int]] = {}
    for error in errors:
        ledgers.setdefault(_ledger_of(host, error), set()).add(error.event.offset)
    return ledgers


def _ledger_content(key: str) -> set[int]:
    try:
        return set(SeenModel.get(key, consistent_read=True).offsets or ())
    except SeenModel.DoesNotExist:
        return set()


def _group_update(group: GroupAggregate, known: KnownGroup | None) -> tuple[list, object]:
    """The group's update for this batch and its condition (None: none)."""
    # The group keeps what its first event said; later batches only add counts and sets. A
    # group this container read lately exists, and groups are never deleted: its update
    # leaves the first values out (half the update's size), and the condition that it still
    # exists sends the whole update again if it was deleted after all (the commit forgets it).
    if known is not None:
        actions = []
        condition = GroupModel.first_seen.exists()
    else:
        actions = _first_values(group)
        condition = None
    actions += [
        GroupModel.count.add(group.count),
        GroupModel.last_seen.set(group.last_seen),
        # Where the group was seen last: the live feed's error event names it (decide).
        GroupModel.last_host.set(group.host),
        GroupModel.last_source.set(group.source),
        GroupModel.last_store.set(group.store) if group.store else GroupModel.last_store.remove(),
        GroupModel.sources.add(group.sources),
    ]
    full_hosts, full_stores = (known.hosts, known.stores) if known else (None, None)
    lists = (
        (GroupModel.hosts, GroupModel.more_hosts, group.host, full_hosts, HOSTS_KEPT),
        (GroupModel.stores, GroupModel.more_stores, group.store, full_stores, STORES_KEPT),
    )
    for attribute, more, value, full_list, kept in lists:
        if value is None:
            continue
        if full_list is None:
            # Listed unless the list is full; a full list refuses the whole update, and the
            # commit learns the list and tries again (known_groups).
            actions.append(attribute.add({value}))
            room = attribute.does_not_exist() | (size(attribute) < kept) | attribute.contains(value)
            condition = room if condition is None else condition & room
        elif value not in full_list:
            actions.append(more.set(True))
    return actions, condition


def _first_values(group: GroupAggregate) -> list:
    """SETs of what a group keeps from its first event, each only if not there yet."""
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
    return [
        attribute.set(attribute | value)
        for attribute, value in first_value_wins
        if value is not None
    ]


class DynamoHostRegistry:
    """Registered shippers (Hosts table)."""

    # What a Host is made of: every batch reads its host, and only this (not the heartbeat's
    # files and stats: a host's list of watched files grows with it).
    SIGNING_FIELDS = [
        attribute.attr_name
        for attribute in (
            HostModel.host_id,
            HostModel.key,
            HostModel.previous_key,
            HostModel.previous_key_until,
            HostModel.store,
            HostModel.desired_state,
        )
    ]

    def find(self, host_id: str) -> Host | None:
        try:
            row = HostModel.get(
                host_id, consistent_read=True, attributes_to_get=self.SIGNING_FIELDS
            )
        except HostModel.DoesNotExist:
            return None
        return Host(
            row.host_id,
            row.key,
            row.store,
            row.desired_state or "running",
            row.previous_key,
            _unix_seconds(row.previous_key_until),
        )

    def rotate(self, host_id: str, new_key: str, grace_seconds: int) -> bool:
        """Make `new_key` the host's key; the replaced one signs for `grace_seconds` more.
        False when the host is unknown. Conditional on the key read, so two rotations at
        once cannot both keep their own replaced key."""
        while True:
            current = self.find(host_id)
            if current is None:
                return False
            until = clock.now() + timedelta(seconds=grace_seconds)
            try:
                HostModel(host_id).update(
                    actions=[
                        HostModel.key.set(new_key),
                        HostModel.previous_key.set(current.key),
                        HostModel.previous_key_until.set(clock.iso(until)),
                    ],
                    condition=HostModel.key == current.key,
                )
            except UpdateError as error:
                if _condition_failed(error):
                    continue  # rotated or deleted meanwhile: read again
                raise
            return True

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
