"""Jira Cloud's JSON for the emulator's issues, comments, users and transitions (v2 and v3)."""

import hashlib
from collections.abc import Callable

from flask import request

from local_runner.jira_issues import (
    DONE,
    ISSUE_TYPES,
    PRIORITIES,
    RESOLUTIONS,
    STATUS_CATEGORIES,
    STATUSES,
    TRANSITIONS,
    Comment,
    Issue,
    JiraState,
)

ISSUE_FIELDS = tuple(
    "summary description issuetype project priority labels components status resolution"
    " resolutiondate reporter creator created updated comment".split()
)
COMMENT_PAGE_MAX = 5000


def wanted_fields(spec: str) -> Callable[[str], bool]:
    """Jira's `fields` parameter: names, *all, *navigable (all but comments), -name, *none."""
    names = {part.strip() for part in spec.split(",") if part.strip()}
    excluded = {name[1:] for name in names if name.startswith("-")}
    every = "*all" in names
    navigable = every or "*navigable" in names
    return lambda name: (
        name not in excluded and (name in names or every or (navigable and name != "comment"))
    )


class Views:
    """Renders for one request: links carry this server's address and the API version asked."""

    def __init__(self, state: JiraState, version: int):
        self.state, self.version = state, version
        self.api = f"{request.host_url.rstrip('/')}/rest/api/{version}"

    def user(self, email: str) -> dict:
        account_id = hashlib.sha256(email.encode()).hexdigest()[:24]
        return {
            "self": f"{self.api}/user?accountId={account_id}",
            "accountId": account_id,
            "accountType": "atlassian",
            "emailAddress": email,
            "displayName": email.split("@")[0].replace(".", " ").title(),
            "active": True,
            "timeZone": "Etc/UTC",
        }

    def named(self, kind: str, name: str, ident: str, **extra) -> dict:
        return {"self": f"{self.api}/{kind}/{ident}", "id": ident, "name": name, **extra}

    def status(self, name: str) -> dict:
        ident, category = STATUSES[name]
        category_id, category_name, colour = STATUS_CATEGORIES[category]
        return self.named(
            "status",
            name,
            ident,
            description="",
            statusCategory={
                "self": f"{self.api}/statuscategory/{category_id}",
                "id": int(category_id),
                "key": category,
                "colorName": colour,
                "name": category_name,
            },
        )

    def project(self, key: str) -> dict:
        project_id = self.state.projects[key]
        return self.named("project", key, project_id, key=key, projectTypeKey="software")

    def comment(self, issue: Issue, comment: Comment) -> dict:
        author = self.user(comment.author)
        return {
            "self": f"{self.api}/issue/{issue.id}/comment/{comment.id}",
            "id": comment.id,
            "author": author,
            "body": comment.body.render(self.version),
            "updateAuthor": author,
            "created": comment.created,
            "updated": comment.created,
            "jsdPublic": True,
        }

    def comments(self, issue: Issue, start: int = 0, limit: int = COMMENT_PAGE_MAX) -> dict:
        page = issue.comments[start : start + limit]
        return {
            "comments": [self.comment(issue, comment) for comment in page],
            "self": f"{self.api}/issue/{issue.id}/comment",
            "maxResults": len(page),
            "total": len(issue.comments),
            "startAt": start,
        }

    def issue(self, issue: Issue, wanted: Callable[[str], bool]) -> dict:
        def resolution():
            if issue.resolution is None:
                return None
            return self.named("resolution", issue.resolution, RESOLUTIONS[issue.resolution])

        values = {
            "summary": lambda: issue.summary,
            "description": lambda: issue.description and issue.description.render(self.version),
            "issuetype": lambda: self.named(
                "issuetype", issue.issuetype, ISSUE_TYPES[issue.issuetype], subtask=False
            ),
            "project": lambda: self.project(issue.project),
            "priority": lambda: self.named("priority", issue.priority, PRIORITIES[issue.priority]),
            "labels": lambda: list(issue.labels),
            "components": lambda: [{"name": name} for name in issue.components],
            "status": lambda: self.status(issue.status),
            "resolution": resolution,
            "resolutiondate": lambda: issue.resolutiondate,
            "reporter": lambda: self.user(issue.reporter),
            "creator": lambda: self.user(issue.reporter),
            "created": lambda: issue.created,
            "updated": lambda: issue.updated,
            "comment": lambda: self.comments(issue),
        }
        return {
            "expand": "renderedFields,names,schema,operations,editmeta,changelog",
            "id": issue.id,
            "self": f"{self.api}/issue/{issue.id}",
            "key": issue.key,
            "fields": {name: values[name]() for name in ISSUE_FIELDS if wanted(name)},
        }

    def transitions(self, issue: Issue, with_fields: bool) -> dict:
        # Global transitions of the simplified workflow; none leads where the issue already is.
        transitions = []
        for transition_id, target in TRANSITIONS.items():
            if target == issue.status:
                continue
            transition = {
                "id": transition_id,
                "name": target,
                "to": self.status(target),
                "hasScreen": False,
                "isGlobal": True,
                "isInitial": False,
                "isAvailable": True,
                "isConditional": False,
                "isLooped": False,
            }
            if with_fields and target == DONE:
                transition["fields"] = {"resolution": self.resolution_field()}
            transitions.append(transition)
        return {"expand": "transitions", "transitions": transitions}

    def resolution_field(self) -> dict:
        allowed = [self.named("resolution", name, ident) for name, ident in RESOLUTIONS.items()]
        return {
            "required": False,
            "schema": {"type": "resolution", "system": "resolution"},
            "name": "Resolution",
            "key": "resolution",
            "operations": ["set"],
            "allowedValues": allowed,
        }
