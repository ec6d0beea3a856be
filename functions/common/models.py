"""pynamodb models of every StackLens table (DESIGN.md section 3).

`template.yaml` describes the same tables; tests/test_models_match_template.py holds them equal.
Table names come from the environment through `bind()`, called before first use.
"""

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    NumberSetAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from functions.common.settings import Settings


class GroupModel(Model):
    """One group = one problem = at most one open Jira issue. Its stream drives decide."""

    class Meta:
        table_name = "stacklens-groups"
        template_resource = "GroupsTable"
        stream_view_type = "NEW_AND_OLD_IMAGES"

    fingerprint = UnicodeAttribute(hash_key=True)
    template = UnicodeAttribute()
    message = UnicodeAttribute()  # the first message seen, unmasked
    level = UnicodeAttribute()
    severity = UnicodeAttribute()
    category = UnicodeAttribute(null=True)
    rule = UnicodeAttribute(null=True)
    rules_version = UnicodeAttribute(null=True)
    count = NumberAttribute(default=0)
    first_seen = UnicodeAttribute()
    last_seen = UnicodeAttribute()
    hosts = UnicodeSetAttribute(default=set)  # the first HOSTS_KEPT (functions/ingest/batch)
    stores = UnicodeSetAttribute(default=set)  # the first STORES_KEPT
    more_hosts = BooleanAttribute(null=True)  # seen on hosts beyond those listed
    more_stores = BooleanAttribute(null=True)
    sources = UnicodeSetAttribute(default=set)
    # The host, store and file of the group's latest batch.
    last_host = UnicodeAttribute(null=True)
    last_store = UnicodeAttribute(null=True)
    last_source = UnicodeAttribute(null=True)


class OccurrenceModel(Model):
    """Each stored event of a group, once: the sort key holds the event's identity."""

    class Meta:
        table_name = "stacklens-occurrences"
        template_resource = "OccurrencesTable"

    fingerprint = UnicodeAttribute(hash_key=True)
    occurrence_key = UnicodeAttribute(range_key=True)  # time#host#file_id#offset
    host = UnicodeAttribute()
    store = UnicodeAttribute(null=True)
    source = UnicodeAttribute()
    file_id = UnicodeAttribute()
    offset = NumberAttribute()
    line = UnicodeAttribute()
    observed_at = UnicodeAttribute()
    expires_at = TTLAttribute(null=True)


class SeenModel(Model):
    """Idempotency keys: `batch#<id>`, `event#<host>#<file_id>#<offset>`, and ingest's
    ledgers `ledger#<host>#<file_id>#<256 KiB span>` holding the error events' offsets."""

    class Meta:
        table_name = "stacklens-seen"
        template_resource = "SeenTable"

    seen_key = UnicodeAttribute(hash_key=True)
    offsets = NumberSetAttribute(null=True)
    expires_at = TTLAttribute(null=True)


class DecisionsByAction(GlobalSecondaryIndex):
    """Decisions of one action, newest first by decision_key (`<decided_at>#<uuid>`)."""

    class Meta:
        index_name = "by-action"
        projection = AllProjection()

    action = UnicodeAttribute(hash_key=True)
    decision_key = UnicodeAttribute(range_key=True)


class DecisionModel(Model):
    """The automation log: every decision with its reason and the numbers behind it."""

    class Meta:
        table_name = "stacklens-decisions"
        template_resource = "DecisionsTable"

    fingerprint = UnicodeAttribute(hash_key=True)
    decision_key = UnicodeAttribute(range_key=True)  # <decided_at>#<uuid>
    action = UnicodeAttribute()  # create | update | reopen | skip | suppress
    reason = UnicodeAttribute()
    severity = UnicodeAttribute()
    confidence = NumberAttribute()
    threshold = NumberAttribute()
    rules_version = UnicodeAttribute(null=True)
    model_version = UnicodeAttribute(null=True)
    # confidence = model_probability + feedback_adjustment (clipped to 0..1), see issue 5.
    model_probability = NumberAttribute(null=True)
    feedback_adjustment = NumberAttribute(null=True)
    count = NumberAttribute(default=0)
    decided_at = UnicodeAttribute()
    by_action = DecisionsByAction()


class TicketModel(Model):
    """The record of a group's Jira issue. Written with conditions: one issue per fingerprint."""

    class Meta:
        table_name = "stacklens-tickets"
        template_resource = "TicketsTable"

    fingerprint = UnicodeAttribute(hash_key=True)
    jira_key = UnicodeAttribute(null=True)  # null while the creation is claimed but not done
    status = UnicodeAttribute()  # claimed | open | resolved
    claimed_at = UnicodeAttribute()
    created_at = UnicodeAttribute(null=True)
    last_comment_at = UnicodeAttribute(null=True)
    commented_count = NumberAttribute(default=0)  # the group's count at the last comment
    comment_due_at = UnicodeAttribute(null=True)  # a throttled comment is scheduled for then


class EventModel(Model):
    """The live feed: a partition per day, `seq` strictly increasing across all writers."""

    class Meta:
        table_name = "stacklens-events"
        template_resource = "EventsTable"

    partition = UnicodeAttribute(hash_key=True)
    seq = NumberAttribute(range_key=True)
    kind = UnicodeAttribute()  # error | ticket | decision | counter
    last_seq = NumberAttribute(null=True)  # on the counter item only
    created_at = UnicodeAttribute(null=True)
    data = JSONAttribute(null=True)  # a list when the row holds a run of events
    first_seq = NumberAttribute(null=True)  # the run's first number (seq is its last)
    expires_at = TTLAttribute(null=True)


class HostModel(Model):
    """A registered shipper: its signing key, last heartbeat and desired state."""

    class Meta:
        table_name = "stacklens-hosts"
        template_resource = "HostsTable"

    host_id = UnicodeAttribute(hash_key=True)
    key = UnicodeAttribute()
    # During a key rotation the replaced key still signs until previous_key_until (RFC 3339).
    previous_key = UnicodeAttribute(null=True)
    previous_key_until = UnicodeAttribute(null=True)
    store = UnicodeAttribute(null=True)
    registered_at = UnicodeAttribute()
    last_heartbeat = UnicodeAttribute(null=True)
    desired_state = UnicodeAttribute(default="running")  # running | paused
    files = ListAttribute(default=list)
    stats = MapAttribute(default=dict)


class SettingModel(Model):
    """Runtime settings an admin changes: automation on/off, thresholds."""

    class Meta:
        table_name = "stacklens-settings"
        template_resource = "SettingsTable"

    name = UnicodeAttribute(hash_key=True)
    enabled = BooleanAttribute(null=True)
    value = JSONAttribute(null=True)
    updated_at = UnicodeAttribute(null=True)
    # The hourly ticket budget ("ticket-budget#<hour>"): issues opened, the groups they were
    # booked for, the groups held back, and the digest issue that lists them.
    count = NumberAttribute(null=True)
    booked = UnicodeSetAttribute(null=True)
    held = UnicodeSetAttribute(null=True)
    jira_key = UnicodeAttribute(null=True)
    # A fingerprint's feedback tally ("feedback#<fingerprint>"), kept with each Feedback row so
    # decide reads it with the settings in one request: labels "actionable" and "not".
    actionable_labels = NumberAttribute(null=True)
    not_actionable_labels = NumberAttribute(null=True)


def feedback_tally_name(fingerprint: str) -> str:
    """The Settings item that tallies a fingerprint's feedback labels."""
    return f"feedback#{fingerprint}"


class FeedbackModel(Model):
    """What people said of a fingerprint's tickets: labelled examples for the model and an
    adjustment of that fingerprint's confidence in decide."""

    class Meta:
        table_name = "stacklens-feedback"
        template_resource = "FeedbackTable"

    fingerprint = UnicodeAttribute(hash_key=True)
    feedback_key = UnicodeAttribute(range_key=True)  # <created_at>#<uuid>
    actionable = NumberAttribute()  # the label: 0 = should not have been a ticket
    source = UnicodeAttribute()  # jira-webhook | status-page
    reason = UnicodeAttribute()
    message = UnicodeAttribute()
    level = UnicodeAttribute(null=True)
    severity = UnicodeAttribute(null=True)
    jira_key = UnicodeAttribute(null=True)
    decision_key = UnicodeAttribute(null=True)
    created_at = UnicodeAttribute()


class AuditModel(Model):
    """Every change an admin made to the automation (switch, thresholds), kept for good."""

    class Meta:
        table_name = "stacklens-audit"
        template_resource = "AuditTable"

    day = UnicodeAttribute(hash_key=True)  # YYYY-MM-DD, so a day's changes are one query
    audit_key = UnicodeAttribute(range_key=True)  # <iso time>#<uuid>
    what = UnicodeAttribute()
    before = JSONAttribute(null=True)
    after = JSONAttribute(null=True)
    who = UnicodeAttribute()
    at = UnicodeAttribute()


ALL_MODELS = (
    AuditModel,
    GroupModel,
    OccurrenceModel,
    SeenModel,
    DecisionModel,
    TicketModel,
    EventModel,
    HostModel,
    SettingModel,
    FeedbackModel,
)

TABLE_SETTING = {
    GroupModel: "groups_table",
    OccurrenceModel: "occurrences_table",
    SeenModel: "seen_table",
    DecisionModel: "decisions_table",
    TicketModel: "tickets_table",
    EventModel: "events_table",
    HostModel: "hosts_table",
    SettingModel: "settings_table",
    FeedbackModel: "feedback_table",
    AuditModel: "audit_table",
}


def bind(settings: Settings) -> None:
    """Point every model at the tables `settings` names, dropping cached connections."""
    for model, setting in TABLE_SETTING.items():
        model.Meta.table_name = getattr(settings, setting)
        model._connection = None


def as_dict(item: Model) -> dict:
    """The item's attributes as plain values for domain code: sets become sorted lists, maps
    dicts, times RFC 3339 strings; attributes that are not set are left out."""
    plain: dict = {}
    for name in item.get_attributes():
        value = getattr(item, name)
        if value is None:
            continue
        if isinstance(value, set):
            value = sorted(value)
        elif isinstance(value, MapAttribute):
            value = value.as_dict()
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        plain[name] = value
    return plain
