"""The Jira emulator's issues: Jira Cloud's catalogs, its checks on field values, and the state.

The checks answer with Jira's own messages, so the jira function meets locally the rejections it
would meet on a real site (DESIGN.md section 7).
"""

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from local_runner.jql import IssueValues, parse_jql

ISSUE_TYPES = {"Task": "10001", "Story": "10002", "Bug": "10003"}
PRIORITIES = {"Highest": "1", "High": "2", "Medium": "3", "Low": "4", "Lowest": "5"}
RESOLUTIONS = {
    "Done": "10000",
    "Won't Do": "10001",
    "Duplicate": "10002",
    "Cannot Reproduce": "10003",
}
STATUSES = {
    "To Do": ("10000", "new"),
    "In Progress": ("3", "indeterminate"),
    "Done": ("10001", "done"),
}
STATUS_CATEGORIES = {
    "new": ("2", "To Do", "blue-gray"),
    "indeterminate": ("4", "In Progress", "yellow"),
    "done": ("3", "Done", "green"),
}
TRANSITIONS = {"11": "To Do", "21": "In Progress", "31": "Done"}  # the simplified workflow
DONE = "Done"
_CANNOT_SET = "Field '{name}' cannot be set. It is not on the appropriate screen, or unknown."
UNBOUNDED_SEARCH = (
    "Unbounded JQL queries are not allowed here. Please add a search restriction to your query."
)

CREATE_FIELDS = frozenset(
    {"project", "summary", "description", "issuetype", "priority", "labels", "components"}
)
EDIT_FIELDS = CREATE_FIELDS - {"project"}
REQUIRED_TO_CREATE = {
    "project": "Specify a valid project ID or key",
    "summary": "You must specify a summary of the issue.",
    "issuetype": "Specify an issue type",
}
SUMMARY_LIMIT = 255
TEXT_LIMIT = 32767  # descriptions and comments


class JiraError(Exception):
    """An answer Jira gives instead of doing the work: status, errorMessages and errors."""

    def __init__(self, status: int, messages: list[str] | None = None, errors: dict | None = None):
        super().__init__(messages, errors)
        self.status, self.messages, self.errors = status, messages or [], errors or {}


class _Invalid(ValueError):
    """One field's value is refused; the message is Jira's text for that field."""


@dataclass(frozen=True)
class RichText:
    """A description or comment body in both forms: v2 sends and reads text, v3 ADF documents."""

    text: str
    adf: dict

    def render(self, version: int) -> str | dict:
        return self.text if version == 2 else self.adf


@dataclass
class Comment:
    id: str
    author: str
    body: RichText
    created: str


@dataclass
class Issue:
    id: str
    key: str
    project: str
    summary: str
    issuetype: str
    reporter: str
    created: str
    description: RichText | None = None
    priority: str = "Medium"
    labels: list[str] = field(default_factory=list)
    components: list[str] = field(default_factory=list)
    status: str = "To Do"
    resolution: str | None = None
    resolutiondate: str | None = None
    updated: str = ""
    comments: list[Comment] = field(default_factory=list)


@dataclass
class _Edit:
    values: dict
    label_changes: list[tuple[str, str]]  # ("add" | "remove", label)
    comments: list[RichText]


def _now() -> str:
    moment = datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}+0000"


# Documents (Atlassian Document Format)


def _text_to_adf(text: str) -> dict:
    paragraphs = [
        {"type": "paragraph", "content": [{"type": "text", "text": line}] if line else []}
        for line in text.split("\n")
    ]
    return {"type": "doc", "version": 1, "content": paragraphs}


def _adf_to_text(node: dict) -> str:
    if node["type"] == "text":
        return node["text"]
    if node["type"] == "hardBreak":
        return "\n"
    children = node.get("content", [])
    if not children:
        return str(node.get("attrs", {}).get("text", ""))
    inline = all(child["type"] in ("text", "hardBreak", "mention", "emoji") for child in children)
    return ("" if inline else "\n").join(_adf_to_text(child) for child in children)


def _adf_is_valid(node, depth: int = 0) -> bool:
    # Jira refuses malformed documents; empty text nodes are the classic mistake.
    if depth > 64 or not isinstance(node, dict) or not isinstance(node.get("type"), str):
        return False
    if node["type"] == "text" and not (isinstance(node.get("text"), str) and node["text"]):
        return False
    content = node.get("content", [])
    return isinstance(content, list) and all(_adf_is_valid(child, depth + 1) for child in content)


# Reading requests


class FieldReader:
    """Jira's checks on field values; each method returns what to store or raises _Invalid."""

    def __init__(self, version: int, projects: dict[str, str]):
        self.version, self.projects = version, projects

    def read_all(self, fields: dict, allowed: frozenset) -> tuple[dict, dict]:
        values, errors = {}, {}
        for name, value in fields.items():
            try:
                if name not in allowed:
                    raise _Invalid(_CANNOT_SET.format(name=name))
                values[name] = getattr(self, name)(value)
            except _Invalid as problem:
                errors[name] = str(problem)
        return values, errors

    def project(self, value) -> str:
        ref = value if isinstance(value, dict) else {}
        for key, project_id in self.projects.items():
            if str(ref.get("key", "")).upper() == key or str(ref.get("id", "")) == project_id:
                return key
        raise _Invalid("Specify a valid project ID or key")

    def summary(self, value) -> str:
        if not isinstance(value, str) or not value.strip():
            raise _Invalid("You must specify a summary of the issue.")
        if len(value) > SUMMARY_LIMIT:
            raise _Invalid("Summary must be less than 255 characters.")
        if "\n" in value or "\r" in value:
            raise _Invalid("The summary is invalid because it contains newline characters.")
        return value

    def description(self, value) -> RichText | None:
        return None if value in (None, "") else self.rich_text(value)

    def rich_text(self, value) -> RichText:
        if self.version == 2:
            if not isinstance(value, str):
                raise _Invalid("Operation value must be a string")
            text = RichText(value, _text_to_adf(value))
        elif isinstance(value, dict) and value.get("type") == "doc" and value.get("version") == 1:
            if not _adf_is_valid(value):
                raise _Invalid("INVALID_INPUT")
            text = RichText(_adf_to_text(value), value)
        else:
            raise _Invalid(
                "Operation value must be an Atlassian Document (see the Atlassian Document Format)"
            )
        if len(text.text) > TEXT_LIMIT:
            raise _Invalid(
                "The entered text is too long. It exceeds the allowed limit of 32,767 characters."
            )
        return text

    def comment(self, value) -> RichText:
        body = value.get("body") if isinstance(value, dict) else None
        text = None if body is None else self.rich_text(body)
        if text is None or not text.text.strip():
            raise _Invalid("Comment body can not be empty!")
        return text

    def issuetype(self, value) -> str:
        return self._named(value, ISSUE_TYPES, "issuetype", "The issue type selected is invalid.")

    def priority(self, value) -> str:
        return self._named(
            value, PRIORITIES, "priority", "Specify a valid 'id' or 'name' for Priority"
        )

    def resolution(self, value) -> str:
        return self._named(
            value, RESOLUTIONS, "resolution", "Specify a valid 'id' or 'name' for Resolution"
        )

    def labels(self, value) -> list[str]:
        if not isinstance(value, list):
            raise _Invalid("Labels must be a list of strings.")
        return sorted({self.label(label) for label in value})

    def label(self, value) -> str:
        if not isinstance(value, str) or not value:
            raise _Invalid("Labels must be non-empty strings.")
        if any(character.isspace() for character in value):
            raise _Invalid(f"The label '{value}' contains spaces which is invalid.")
        if len(value) > SUMMARY_LIMIT:
            raise _Invalid(f"The label '{value}' exceeds the 255 character limit.")
        return value

    def components(self, value) -> list[str]:
        # The emulator keeps no component list per project, so any named component is taken.
        if not isinstance(value, list) or not all(
            isinstance(c, dict) and isinstance(c.get("name"), str) for c in value
        ):
            raise _Invalid("Components must be a list of objects with a name.")
        return [component["name"] for component in value]

    @staticmethod
    def _named(value, catalog: dict[str, str], label: str, unknown: str) -> str:
        name, ident = (
            (value.get("name"), value.get("id")) if isinstance(value, dict) else (None, None)
        )
        if not isinstance(name, str) and not isinstance(ident, str | int):
            raise _Invalid(f"Could not find valid 'id' or 'name' in {label} object.")
        for known, known_id in catalog.items():
            if (isinstance(name, str) and name.lower() == known.lower()) or str(ident) == known_id:
                return known
        raise _Invalid(unknown)


def read_edit(
    body: dict,
    reader: FieldReader,
    field_names: frozenset,
    update_names: frozenset,
    required: dict[str, str] | None = None,
) -> _Edit:
    """The `fields` and `update` of a create, edit or transition body, checked as Jira does:
    every refused field is named in one answer."""
    fields, update = body.get("fields") or {}, body.get("update") or {}
    if not isinstance(fields, dict) or not isinstance(update, dict):
        raise JiraError(400, ["'fields' and 'update' must be JSON objects."])
    values, errors = reader.read_all(fields, field_names)
    label_changes, comments = [], []
    for name, operations in update.items():
        try:
            if name not in update_names:
                raise _Invalid(_CANNOT_SET.format(name=name))
            if not isinstance(operations, list) or not all(
                isinstance(op, dict) and len(op) == 1 for op in operations
            ):
                raise _Invalid('Expected a list of operations such as [{"add": "value"}].')
            for verb, argument in (next(iter(op.items())) for op in operations):
                if name == "comment" and verb == "add":
                    comments.append(reader.comment(argument))
                elif name == "labels" and verb in ("add", "remove"):
                    label_changes.append((verb, reader.label(argument)))
                elif name != "comment" and verb == "set":
                    values[name] = getattr(reader, name)(argument)
                else:
                    raise _Invalid(f"Operation '{verb}' is not supported for field '{name}'.")
        except _Invalid as problem:
            errors[name] = str(problem)
    for name, message in (required or {}).items():
        if name not in values and name not in errors:
            errors[name] = message
    if errors:
        raise JiraError(400, [], errors)
    return _Edit(values, label_changes, comments)


# State


class JiraState:
    """Every issue and comment. Flask serves each request on its own thread, so callers hold
    `lock` while they read or change anything here."""

    def __init__(self, users: dict[str, str], projects: tuple[str, ...]):
        self.lock = threading.RLock()
        self.users = dict(users)
        self.projects = {key: str(10000 + index) for index, key in enumerate(projects)}
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.issues: dict[str, Issue] = {}
            self.next_number = dict.fromkeys(self.projects, 1)
            self.next_id = 10000

    def _new_id(self) -> str:
        self.next_id += 1
        return str(self.next_id - 1)

    def find(self, key_or_id: str) -> Issue:
        issue = self.issues.get(key_or_id.upper()) or next(
            (issue for issue in self.issues.values() if issue.id == key_or_id), None
        )
        if issue is None:
            raise JiraError(404, ["Issue does not exist or you do not have permission to see it."])
        return issue

    def create(self, body: dict, version: int, reporter: str) -> Issue:
        reader = FieldReader(version, self.projects)
        edit = read_edit(body, reader, CREATE_FIELDS, frozenset({"labels"}), REQUIRED_TO_CREATE)
        project = edit.values.pop("project")
        key = f"{project}-{self.next_number[project]}"
        self.next_number[project] += 1
        now = _now()
        issue = Issue(self._new_id(), key, project, reporter=reporter, created=now, **edit.values)
        self.issues[key] = issue
        self.apply(issue, _Edit({}, edit.label_changes, edit.comments), reporter)
        return issue

    def edit(self, issue: Issue, body: dict, version: int, author: str) -> None:
        reader = FieldReader(version, self.projects)
        self.apply(issue, read_edit(body, reader, EDIT_FIELDS, EDIT_FIELDS | {"comment"}), author)

    def apply(self, issue: Issue, edit: _Edit, author: str) -> None:
        for name, value in edit.values.items():
            setattr(issue, name, value)
        labels = set(issue.labels)
        for verb, label in edit.label_changes:
            (labels.add if verb == "add" else labels.discard)(label)
        issue.labels = sorted(labels)
        for body in edit.comments:
            self.add_comment(issue, author, body)
        issue.updated = _now()

    def comment_on(self, issue: Issue, body: dict, version: int, author: str) -> Comment:
        """Add the comment a POST .../comment body asks for, or answer Jira's 400."""
        try:
            text = FieldReader(version, self.projects).comment(body)
        except _Invalid as problem:
            raise JiraError(400, [], {"comment": str(problem)}) from None
        return self.add_comment(issue, author, text)

    def add_comment(self, issue: Issue, author: str, body: RichText) -> Comment:
        comment = Comment(self._new_id(), author, body, _now())
        issue.comments.append(comment)
        return comment

    def transition(self, issue: Issue, body: dict, version: int, author: str) -> None:
        transition = body.get("transition")
        transition_id = transition.get("id") if isinstance(transition, dict) else None
        if transition_id is None:
            raise JiraError(400, ["Missing 'transition' identifier"])
        target = TRANSITIONS.get(str(transition_id))
        if target is None or target == issue.status:
            raise JiraError(400, [f"Transition id '{transition_id}' is not valid for this issue."])
        fields = frozenset({"resolution"}) if target == DONE else frozenset()
        edit = read_edit(body, FieldReader(version, self.projects), fields, frozenset({"comment"}))
        issue.status = target
        # Jira's simplified workflow: Done sets a resolution, leaving Done clears it.
        issue.resolution = edit.values.pop("resolution", DONE) if target == DONE else None
        issue.resolutiondate = _now() if target == DONE else None
        self.apply(issue, edit, author)

    def search(self, jql: str) -> list[Issue]:
        """The issues `jql` finds, in its order (newest first when it names none)."""
        query = parse_jql(jql, self._search_catalog())
        if query.condition is None:
            raise JiraError(400, [UNBOUNDED_SEARCH])
        found = [
            issue for issue in self.issues.values() if query.matches(self._search_values(issue))
        ]
        order_by = query.order_by or (("created", True),)
        # Ties (same millisecond) fall back to creation order, in the first key's direction.
        found.sort(key=lambda issue: int(issue.id), reverse=order_by[0][1])
        for name, descending in reversed(order_by):
            found.sort(key=lambda issue: _sort_value(issue, name), reverse=descending)
        return found

    def _search_values(self, issue: Issue) -> IssueValues:
        status_id, category = STATUSES[issue.status]
        resolution = (
            [_names(issue.resolution, RESOLUTIONS[issue.resolution])] if issue.resolution else []
        )
        return {
            "project": [_names(issue.project, self.projects[issue.project])],
            "key": [_names(issue.key, issue.id)],
            "status": [_names(issue.status, status_id)],
            "statusCategory": [_names(category, *STATUS_CATEGORIES[category][:2])],
            "issuetype": [_names(issue.issuetype, ISSUE_TYPES[issue.issuetype])],
            "priority": [_names(issue.priority, PRIORITIES[issue.priority])],
            "resolution": resolution,
            "labels": [_names(label) for label in issue.labels],
        }

    def _search_catalog(self) -> dict[str, frozenset[str] | None]:
        # Jira refuses a query naming a project, status... that the site does not have.
        return {
            "project": _names(*self.projects, *self.projects.values()),
            "key": _names(*self.issues, *(issue.id for issue in self.issues.values())),
            "status": _names(*STATUSES, *(ident for ident, _ in STATUSES.values())),
            "statusCategory": _names(
                *STATUS_CATEGORIES, *(part for v in STATUS_CATEGORIES.values() for part in v[:2])
            ),
            "issuetype": _names(*ISSUE_TYPES, *ISSUE_TYPES.values()),
            "priority": _names(*PRIORITIES, *PRIORITIES.values()),
            "resolution": _names(*RESOLUTIONS, *RESOLUTIONS.values()),
            "labels": None,
        }


def _names(*names: str) -> frozenset[str]:
    return frozenset(name.lower() for name in names)


def _sort_value(issue: Issue, name: str):
    if name == "key":
        return issue.project, int(issue.key.rsplit("-", 1)[1])
    return getattr(issue, name)  # created / updated: fixed-width UTC times sort as text
