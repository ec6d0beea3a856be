"""The Jira emulator over real HTTP, driven by atlassian-python-api as StackLens drives Jira."""

import re
import selectors
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from atlassian import Jira
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from local_runner.jira_emulator import serve

pytestmark = pytest.mark.integration

USER, TOKEN = "demo@example.com", "demo-token"
JIRA_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$")
NOT_AUTHENTICATED = "You are not authenticated. Authentication required to perform this operation."
UNBOUNDED = (
    "Unbounded JQL queries are not allowed here. Please add a search restriction to your query."
)


def cannot_set(field: str) -> str:
    return f"Field '{field}' cannot be set. It is not on the appropriate screen, or unknown."


@pytest.fixture(scope="module")
def emulator():
    server = serve()
    yield server
    server.shutdown()


@pytest.fixture
def jira(emulator) -> Jira:
    requests.post(f"{emulator.url}/_emulator/reset", timeout=5).raise_for_status()
    return Jira(emulator.url, username=USER, password=TOKEN, cloud=True)


@pytest.fixture
def rest(emulator, jira):
    """Raw HTTP for what atlassian-python-api cannot send (v3 bodies, broken JSON)."""
    session = requests.Session()
    session.auth = (USER, TOKEN)

    def call(method: str, path: str, **kwargs) -> requests.Response:
        return session.request(method, emulator.url + path, timeout=10, **kwargs)

    yield call
    session.close()


def bug_fields(**overrides) -> dict:
    fields = {
        "project": {"key": "STACK"},
        "summary": "NullPointerException in TenderService.capture",
        "description": "Seen 12 times on store 0042.\nFirst at 10:02.",
        "issuetype": {"name": "Bug"},
        "priority": {"name": "High"},
        "labels": ["stacklens", "stacklens-fp-0123456789abcdef"],
    }
    fields.update(overrides)
    return {name: value for name, value in fields.items() if value is not None}


def adf(*paragraphs: str) -> dict:
    content = [{"type": "paragraph", "content": [{"type": "text", "text": p}]} for p in paragraphs]
    return {"type": "doc", "version": 1, "content": content}


def all_keys(jira: Jira, jql: str) -> list[str]:
    return [issue["key"] for issue in jira.enhanced_jql_get_list_of_tickets(jql, fields="key")]


# Identity


def test_myself_and_server_info_answer_like_jira_cloud(jira, rest):
    assert jira.myself()["emailAddress"] == USER
    assert rest("GET", "/rest/api/3/myself").json()["emailAddress"] == USER
    assert jira.get_server_info()["deploymentType"] == "Cloud"
    assert rest("GET", "/rest/api/3/serverInfo").json()["deploymentType"] == "Cloud"


@pytest.mark.parametrize(
    "auth",
    [(USER, "wrong-token"), ("someone@example.com", TOKEN), None],
    ids=["wrong token", "unknown user", "no credentials"],
)
def test_every_rest_route_wants_basic_auth(emulator, jira, auth):
    answer = requests.get(f"{emulator.url}/rest/api/2/issue/STACK-1", auth=auth, timeout=5)
    assert answer.status_code == 401
    assert answer.json() == {"errorMessages": [NOT_AUTHENTICATED], "errors": {}}
    if auth is not None:
        with pytest.raises(requests.HTTPError) as raised:
            Jira(emulator.url, username=auth[0], password=auth[1], cloud=True).myself()
        assert raised.value.response.status_code == 401


# Issues


def test_created_issue_reads_back_with_jira_cloud_fields(jira, emulator):
    first = jira.create_issue(fields=bug_fields())
    second = jira.create_issue(fields=bug_fields(summary="Second problem"))

    assert (first["key"], second["key"]) == ("STACK-1", "STACK-2")
    assert first["self"] == f"{emulator.url}/rest/api/2/issue/{first['id']}"
    issue = jira.get_issue("STACK-1")
    fields = issue["fields"]
    assert issue["key"] == "STACK-1" and issue["id"] == first["id"]
    assert fields["summary"] == "NullPointerException in TenderService.capture"
    assert fields["description"] == "Seen 12 times on store 0042.\nFirst at 10:02."
    assert fields["labels"] == ["stacklens", "stacklens-fp-0123456789abcdef"]
    assert fields["priority"]["name"] == "High"
    assert fields["issuetype"]["name"] == "Bug"
    assert fields["project"]["key"] == "STACK"
    assert fields["status"]["name"] == "To Do"
    assert fields["status"]["statusCategory"]["key"] == "new"
    assert fields["resolution"] is None
    assert JIRA_TIME.match(fields["created"]) and JIRA_TIME.match(fields["updated"])
    assert fields["comment"] == {
        "comments": [],
        "self": f"{emulator.url}/rest/api/2/issue/{first['id']}/comment",
        "maxResults": 0,
        "total": 0,
        "startAt": 0,
    }
    assert jira.get_issue(first["id"])["key"] == "STACK-1"  # by id as well as by key


def test_fields_parameter_limits_what_comes_back(jira):
    jira.create_issue(fields=bug_fields())
    assert set(jira.get_issue("STACK-1", fields="summary,labels")["fields"]) == {
        "summary",
        "labels",
    }
    assert jira.get_issue_status("STACK-1") == "To Do"
    assert jira.get_issue_labels("STACK-1") == ["stacklens", "stacklens-fp-0123456789abcdef"]
    assert jira.issue_exists("STACK-1") is True


def test_v3_takes_documents_and_v2_reads_them_as_text(jira, rest):
    created = rest(
        "POST", "/rest/api/3/issue", json={"fields": bug_fields(description=adf("a", "b"))}
    )
    assert created.status_code == 201

    assert jira.get_issue(created.json()["key"])["fields"]["description"] == "a\nb"
    v3 = rest("GET", f"/rest/api/3/issue/{created.json()['key']}").json()
    assert v3["fields"]["description"] == adf("a", "b")


@pytest.mark.parametrize(
    ("version", "description", "message"),
    [
        (
            3,
            "plain text",
            "Operation value must be an Atlassian Document (see the Atlassian Document Format)",
        ),
        (
            3,
            {"type": "doc", "version": 1, "content": [{"type": "text", "text": ""}]},
            "INVALID_INPUT",
        ),
        (2, adf("a document"), "Operation value must be a string"),
    ],
    ids=["v3 text", "v3 empty text node", "v2 document"],
)
def test_description_must_match_the_api_version(rest, version, description, message):
    answer = rest(
        "POST", f"/rest/api/{version}/issue", json={"fields": bug_fields(description=description)}
    )
    assert answer.status_code == 400
    assert answer.json() == {"errorMessages": [], "errors": {"description": message}}


def test_update_replaces_fields_and_label_operations_add_and_remove(jira):
    jira.create_issue(fields=bug_fields())
    before = jira.get_issue("STACK-1")["fields"]["updated"]

    jira.update_issue_field("STACK-1", {"summary": "Renamed", "labels": ["stacklens", "a"]})
    jira.label_issue("STACK-1", ["b", "a"])
    jira.unlabel_issue("STACK-1", ["stacklens"])
    jira.issue_update("STACK-1", fields={"priority": {"name": "Lowest"}})

    fields = jira.get_issue("STACK-1")["fields"]
    assert fields["summary"] == "Renamed"
    assert fields["labels"] == ["a", "b"]
    assert fields["priority"]["name"] == "Lowest"
    assert fields["updated"] >= before


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"fields": {"status": {"name": "Done"}}},
            {"status": cannot_set("status")},
        ),
        (
            {"fields": {"project": {"key": "STACK"}}},
            {"project": cannot_set("project")},
        ),
        ({"fields": {"summary": ""}}, {"summary": "You must specify a summary of the issue."}),
        (
            {"update": {"labels": [{"add": "has space"}]}},
            {"labels": "The label 'has space' contains spaces which is invalid."},
        ),
    ],
    ids=["status", "project", "empty summary", "label with a space"],
)
def test_update_refuses_what_jira_refuses_and_changes_nothing(jira, rest, body, errors):
    jira.create_issue(fields=bug_fields())
    answer = rest("PUT", "/rest/api/2/issue/STACK-1", json=body)
    assert answer.status_code == 400
    assert answer.json() == {"errorMessages": [], "errors": errors}
    with pytest.raises(requests.HTTPError):
        jira.issue_update("STACK-1", fields=body.get("fields", {}), update=body.get("update"))
    assert jira.get_issue("STACK-1")["fields"]["summary"] == bug_fields()["summary"]


# Comments


def test_comments_round_trip_in_jira_paged_shape(jira, rest):
    jira.create_issue(fields=bug_fields())
    added = jira.issue_add_comment("STACK-1", "Seen again: 3 more times")
    jira.issue_add_comment("STACK-1", "And again")

    assert added["body"] == "Seen again: 3 more times"
    assert added["author"]["emailAddress"] == USER
    page = jira.issue_get_comments("STACK-1")
    assert [c["body"] for c in page["comments"]] == ["Seen again: 3 more times", "And again"]
    assert (page["total"], page["startAt"], page["maxResults"]) == (2, 0, 2)
    second_page = rest("GET", "/rest/api/2/issue/STACK-1/comment?startAt=1&maxResults=1").json()
    assert [c["body"] for c in second_page["comments"]] == ["And again"]
    assert jira.get_issue("STACK-1")["fields"]["comment"]["total"] == 2
    v3 = rest("GET", "/rest/api/3/issue/STACK-1/comment").json()
    assert v3["comments"][0]["body"] == adf("Seen again: 3 more times")


def test_empty_comment_is_refused(jira, rest):
    jira.create_issue(fields=bug_fields())
    answer = rest("POST", "/rest/api/2/issue/STACK-1/comment", json={"body": "  "})
    assert answer.status_code == 400
    assert answer.json() == {
        "errorMessages": [],
        "errors": {"comment": "Comment body can not be empty!"},
    }
    with pytest.raises(requests.HTTPError):
        jira.issue_add_comment("STACK-1", "")


# Transitions


def test_transitions_follow_the_simplified_workflow_and_resolution(jira):
    jira.create_issue(fields=bug_fields())
    assert jira.get_issue_transitions("STACK-1") == [
        {"name": "In Progress", "id": 21, "to": "In Progress"},
        {"name": "Done", "id": 31, "to": "Done"},
    ]

    jira.set_issue_status("STACK-1", "In Progress")
    fields = jira.get_issue("STACK-1")["fields"]
    assert (fields["status"]["name"], fields["status"]["statusCategory"]["key"]) == (
        "In Progress",
        "indeterminate",
    )

    jira.set_issue_status("STACK-1", "Done", fields={"resolution": {"name": "Won't Do"}})
    fields = jira.get_issue("STACK-1")["fields"]
    assert fields["status"]["statusCategory"]["key"] == "done"
    assert fields["resolution"]["name"] == "Won't Do"
    assert JIRA_TIME.match(fields["resolutiondate"])

    jira.set_issue_status_by_transition_id("STACK-1", 11)  # reopened
    fields = jira.get_issue("STACK-1")["fields"]
    assert (fields["status"]["name"], fields["resolution"], fields["resolutiondate"]) == (
        "To Do",
        None,
        None,
    )

    jira.set_issue_status_by_transition_id("STACK-1", "31")
    assert jira.get_issue("STACK-1")["fields"]["resolution"]["name"] == "Done"  # the default


def test_transition_can_carry_a_comment(jira):
    jira.create_issue(fields=bug_fields())
    jira.set_issue_status(
        "STACK-1", "Done", update={"comment": [{"add": {"body": "Fixed in 4.2"}}]}
    )
    assert jira.issue_get_comments("STACK-1")["comments"][0]["body"] == "Fixed in 4.2"


@pytest.mark.parametrize(
    ("body", "messages", "errors"),
    [
        ({"transition": {"id": "99"}}, ["Transition id '99' is not valid for this issue."], {}),
        ({"transition": {"id": "11"}}, ["Transition id '11' is not valid for this issue."], {}),
        ({}, ["Missing 'transition' identifier"], {}),
        (
            {"transition": {"id": "21"}, "fields": {"resolution": {"name": "Done"}}},
            [],
            {"resolution": cannot_set("resolution")},
        ),
        (
            {"transition": {"id": "31"}, "fields": {"resolution": {"name": "Fixed Maybe"}}},
            [],
            {"resolution": "Specify a valid 'id' or 'name' for Resolution"},
        ),
    ],
    ids=[
        "unknown id",
        "to where it already is",
        "no transition",
        "resolution off Done",
        "unknown resolution",
    ],
)
def test_bad_transitions_are_refused(jira, rest, body, messages, errors):
    jira.create_issue(fields=bug_fields())
    answer = rest("POST", "/rest/api/2/issue/STACK-1/transitions", json=body)
    assert answer.status_code == 400
    assert answer.json() == {"errorMessages": messages, "errors": errors}
    assert jira.get_issue_status("STACK-1") == "To Do"


def test_atlassian_raises_on_a_refused_transition(jira):
    jira.create_issue(fields=bug_fields())
    # No transition leads to where the issue already is, so atlassian sends {"id": null}.
    with pytest.raises(requests.HTTPError, match="Missing 'transition' identifier") as raised:
        jira.set_issue_status("STACK-1", "To Do")
    assert raised.value.response.status_code == 400


# Rejections on create


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"summary": None}, "summary", "You must specify a summary of the issue."),
        ({"summary": "x" * 256}, "summary", "Summary must be less than 255 characters."),
        (
            {"summary": "first line\nsecond line"},
            "summary",
            "The summary is invalid because it contains newline characters.",
        ),
        (
            {"labels": ["stacklens", "two words"]},
            "labels",
            "The label 'two words' contains spaces which is invalid.",
        ),
        ({"project": {"key": "NOPE"}}, "project", "Specify a valid project ID or key"),
        ({"project": None}, "project", "Specify a valid project ID or key"),
        ({"issuetype": {"name": "Epic"}}, "issuetype", "The issue type selected is invalid."),
        ({"issuetype": None}, "issuetype", "Specify an issue type"),
        (
            {"priority": {"name": "Blocker"}},
            "priority",
            "Specify a valid 'id' or 'name' for Priority",
        ),
        ({"bogus": 1}, "bogus", cannot_set("bogus")),
    ],
    ids=[
        "no summary",
        "summary of 256",
        "summary with newline",
        "label with space",
        "unknown project",
        "no project",
        "unknown issue type",
        "no issue type",
        "unknown priority",
        "unknown field",
    ],
)
def test_create_rejections_come_back_as_jira_sends_them(jira, rest, overrides, field, message):
    answer = rest("POST", "/rest/api/2/issue", json={"fields": bug_fields(**overrides)})
    assert answer.status_code == 400
    assert answer.headers["Content-Type"] == "application/json;charset=UTF-8"
    assert answer.json() == {"errorMessages": [], "errors": {field: message}}

    with pytest.raises(requests.HTTPError, match=re.escape(message)) as raised:
        jira.create_issue(fields=bug_fields(**overrides))
    assert raised.value.response.status_code == 400
    assert rest("GET", "/_emulator/issues").json()["total"] == 0


def test_create_names_every_bad_field_at_once(rest):
    fields = bug_fields(summary="a\nb", priority={"name": "Blocker"}, labels=["a b"])
    errors = rest("POST", "/rest/api/2/issue", json={"fields": fields}).json()["errors"]
    assert set(errors) == {"summary", "priority", "labels"}


def test_descriptions_and_comments_stop_at_32767_characters(jira, rest):
    too_long = "The entered text is too long. It exceeds the allowed limit of 32,767 characters."
    jira.create_issue(fields=bug_fields(description="x" * 32767))
    answer = rest("POST", "/rest/api/2/issue", json={"fields": bug_fields(description="x" * 32768)})
    assert answer.json() == {"errorMessages": [], "errors": {"description": too_long}}
    answer = rest("POST", "/rest/api/2/issue/STACK-1/comment", json={"body": "y" * 32768})
    assert answer.json() == {"errorMessages": [], "errors": {"comment": too_long}}


def test_summary_of_exactly_255_characters_is_taken(jira):
    created = jira.create_issue(fields=bug_fields(summary="x" * 255))
    assert len(jira.get_issue(created["key"])["fields"]["summary"]) == 255


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"fields": {"summary": ', "application/json", 400),
        (b"", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b"summary=x", "application/x-www-form-urlencoded", 415),
    ],
    ids=["truncated JSON", "no body", "not an object", "not JSON at all"],
)
def test_unreadable_bodies_get_a_jira_error_body(rest, body, content_type, status):
    answer = rest("POST", "/rest/api/2/issue", data=body, headers={"Content-Type": content_type})
    assert answer.status_code == status
    assert answer.json()["errors"] == {}
    assert answer.json()["errorMessages"] and all(answer.json()["errorMessages"])


def test_unknown_issue_is_404_with_jira_message(jira, rest):
    body = {
        "errorMessages": ["Issue does not exist or you do not have permission to see it."],
        "errors": {},
    }
    for method, path in [
        ("GET", "/rest/api/2/issue/STACK-404"),
        ("GET", "/rest/api/3/issue/STACK-404/transitions"),
        ("POST", "/rest/api/2/issue/STACK-404/comment"),
    ]:
        answer = rest(method, path, json={"body": "x"} if method == "POST" else None)
        assert (answer.status_code, answer.json()) == (404, body)
    with pytest.raises(requests.HTTPError, match="Issue does not exist") as raised:
        jira.get_issue("STACK-404")
    assert raised.value.response.status_code == 404
    assert jira.issue_exists("STACK-404") is False


# Search


@pytest.fixture
def workload(jira) -> Jira:
    """Four issues: STACK-1 open bug, STACK-2 in progress, STACK-3 done, STACK-4 won't do."""
    jira.create_issue(fields=bug_fields(labels=["stacklens", "stacklens-fp-abc"]))
    jira.create_issue(
        fields=bug_fields(labels=["stacklens", "stacklens-fp-def"], priority={"name": "Low"})
    )
    jira.create_issue(fields=bug_fields(labels=["stacklens-fp-ghi"], issuetype={"name": "Task"}))
    jira.create_issue(fields=bug_fields(labels=[], issuetype={"name": "Story"}))
    jira.set_issue_status("STACK-2", "In Progress")
    jira.set_issue_status("STACK-3", "Done")
    jira.set_issue_status("STACK-4", "Done", fields={"resolution": {"name": "Won't Do"}})
    return jira


@pytest.mark.parametrize(
    ("jql", "keys"),
    [
        ('labels = "stacklens-fp-abc"', ["STACK-1"]),
        ("project = STACK AND labels = stacklens-fp-def", ["STACK-2"]),
        ('labels in ("stacklens-fp-abc", "stacklens-fp-ghi")', ["STACK-3", "STACK-1"]),
        ('labels != "stacklens"', ["STACK-3"]),  # as in Jira, issues with no labels never match !=
        ("labels not in (stacklens, stacklens-fp-ghi)", []),
        ("labels is EMPTY", ["STACK-4"]),
        ("resolution = Unresolved", ["STACK-2", "STACK-1"]),
        ("resolution is not EMPTY", ["STACK-4", "STACK-3"]),
        ('resolution = "Won\'t Do"', ["STACK-4"]),
        ("statusCategory != done", ["STACK-2", "STACK-1"]),
        ('statusCategory = "To Do"', ["STACK-1"]),
        ("statusCategory in (new, indeterminate)", ["STACK-2", "STACK-1"]),
        ('status = "In Progress"', ["STACK-2"]),
        ("status not in (Done)", ["STACK-2", "STACK-1"]),
        ("issuetype = Bug", ["STACK-2", "STACK-1"]),
        ("type in (Task, Story)", ["STACK-4", "STACK-3"]),
        ("priority = Low", ["STACK-2"]),
        ("key = STACK-3", ["STACK-3"]),
        ("key in (stack-1, STACK-4)", ["STACK-4", "STACK-1"]),
        ("labels = stacklens-fp-abc OR issuetype = Story", ["STACK-4", "STACK-1"]),
        (
            "project = STACK AND (status = Done OR priority = Low)",
            ["STACK-4", "STACK-3", "STACK-2"],
        ),
        ("project = STACK AND NOT status = Done", ["STACK-2", "STACK-1"]),
        ("project = STACK ORDER BY created ASC", ["STACK-1", "STACK-2", "STACK-3", "STACK-4"]),
        ("project = STACK ORDER BY created DESC", ["STACK-4", "STACK-3", "STACK-2", "STACK-1"]),
        ("project = STACK ORDER BY key DESC", ["STACK-4", "STACK-3", "STACK-2", "STACK-1"]),
        ("PROJECT = stack and LABELS = STACKLENS-FP-ABC", ["STACK-1"]),
    ],
)
def test_jql_finds_the_issues_jira_would(workload, jql, keys):
    assert all_keys(workload, jql) == keys


def test_jql_answers_v3_shapes_with_the_fields_asked(workload):
    answer = workload.jql('labels = "stacklens-fp-abc"', fields=["summary", "description"])
    (issue,) = answer["issues"]
    assert issue["key"] == "STACK-1"
    assert set(issue["fields"]) == {"summary", "description"}
    assert issue["fields"]["description"]["type"] == "doc"  # search is v3: descriptions are ADF
    assert answer["isLast"] is True and "nextPageToken" not in answer


def test_search_pages_with_next_page_token(jira, rest):
    for number in range(120):
        jira.create_issue(fields=bug_fields(summary=f"Problem {number}"))
    jira.create_issue(fields=bug_fields(labels=["elsewhere"]))

    first = jira.jql("labels = stacklens", fields="summary")
    assert len(first["issues"]) == 50 and first["isLast"] is False
    second = rest(
        "GET",
        "/rest/api/3/search/jql",
        params={
            "jql": "labels = stacklens",
            "fields": "summary",
            "nextPageToken": first["nextPageToken"],
        },
    ).json()
    assert len(second["issues"]) == 50
    posted = rest(
        "POST",
        "/rest/api/3/search/jql",
        json={
            "jql": "labels = stacklens",
            "maxResults": 100,
            "nextPageToken": second["nextPageToken"],
        },
    ).json()
    # The token carries the place, not the page size: this page starts after issue 100.
    assert len(posted["issues"]) == 20 and posted["isLast"] is True
    assert "nextPageToken" not in posted

    keys = all_keys(jira, "labels = stacklens ORDER BY created ASC")
    assert len(keys) == len(set(keys)) == 120
    assert sorted(int(key.split("-")[1]) for key in keys) == list(range(1, 121))


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"jql": ""},
            UNBOUNDED,
        ),
        (
            {"jql": "ORDER BY created DESC"},
            UNBOUNDED,
        ),
        (
            {"jql": "project = STACK", "nextPageToken": "not-a-token"},
            "The provided next page token is invalid or expired.",
        ),
        (
            {"jql": "project = STACK", "maxResults": "-1"},
            "'maxResults' must be a whole number of at least 1: '-1'",
        ),
    ],
    ids=["empty", "only an order", "forged token", "negative page"],
)
def test_search_refuses_unbounded_queries_and_bad_paging(rest, params, message):
    answer = rest("GET", "/rest/api/3/search/jql", params=params)
    assert (answer.status_code, answer.json()) == (400, {"errorMessages": [message], "errors": {}})


def test_a_page_token_only_works_for_its_own_query(jira, rest):
    for _ in range(3):
        jira.create_issue(fields=bug_fields())
    token = jira.enhanced_jql("project = STACK", limit=1)["nextPageToken"]
    answer = rest(
        "GET", "/rest/api/3/search/jql", params={"jql": "labels = x", "nextPageToken": token}
    )
    assert answer.status_code == 400


@pytest.mark.parametrize(
    ("jql", "message"),
    [
        (
            "labels = a b",
            "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'b'."
            " (line 1, character 12)",
        ),
        (
            'labels = "open',
            "Error in the JQL Query: The quoted string 'open' has not been completed."
            " (line 1, character 15)",
        ),
        ("summary ~ crash", None),
        ("labels ~ crash", None),
        ("labels in stacklens", None),
        ("labels is stacklens", None),
        ("project = NOPE", "The value 'NOPE' does not exist for the field 'project'."),
        ("status = Closed", "The value 'Closed' does not exist for the field 'status'."),
        ("key = STACK-999", "An issue with key 'STACK-999' does not exist for field 'key'."),
        ("(" * 500 + "project = STACK" + ")" * 500, None),
        ("not " * 500 + "project = STACK", None),
    ],
    ids=[
        "two values",
        "open quote",
        "unsupported field",
        "unsupported operator",
        "in without a list",
        "is without empty",
        "unknown project",
        "unknown status",
        "unknown key",
        "deep parentheses",
        "deep nots",
    ],
)
def test_bad_jql_is_refused_like_jira(jira, rest, jql, message):
    answer = rest("GET", "/rest/api/3/search/jql", params={"jql": jql})
    assert answer.status_code == 400
    (got,) = answer.json()["errorMessages"]
    if message is None:
        assert got.startswith("Error in the JQL Query: ")
    else:
        assert got == message
    with pytest.raises(requests.HTTPError):
        jira.jql(jql)


def jql_quote(value: str) -> str:
    """How a caller must quote a JQL value (DESIGN.md section 7)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")
    return '"' + re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    label=st.text(min_size=1, max_size=30).filter(
        lambda s: not any(c.isspace() for c in s) and s.lower() != "other"
    )
)
def test_any_label_quoted_properly_is_found(emulator, label):
    jira = Jira(emulator.url, username=USER, password=TOKEN, cloud=True)
    requests.post(f"{emulator.url}/_emulator/reset", timeout=5).raise_for_status()
    jira.create_issue(fields=bug_fields(labels=["other"]))
    created = jira.create_issue(fields=bug_fields(labels=[label]))
    assert all_keys(jira, f"labels = {jql_quote(label)}") == [created["key"]]


def test_old_search_api_is_gone(emulator, rest):
    for version in (2, 3):
        answer = rest("GET", f"/rest/api/{version}/search", params={"jql": "project = STACK"})
        assert answer.status_code == 410
        assert "/rest/api/3/search/jql" in answer.json()["errorMessages"][0]
    server_client = Jira(emulator.url, username=USER, password=TOKEN, cloud=False)
    with pytest.raises(requests.HTTPError) as raised:
        server_client.jql("project = STACK")  # the Server path, /rest/api/2/search
    assert raised.value.response.status_code == 410


# The emulator itself


def test_issue_listing_needs_no_auth_and_reset_clears_it(jira, emulator):
    jira.create_issue(fields=bug_fields())
    listing = requests.get(f"{emulator.url}/_emulator/issues", timeout=5).json()
    assert listing["total"] == 1 and listing["issues"][0]["key"] == "STACK-1"

    requests.post(f"{emulator.url}/_emulator/reset", timeout=5).raise_for_status()
    assert requests.get(f"{emulator.url}/_emulator/issues", timeout=5).json()["total"] == 0
    assert jira.create_issue(fields=bug_fields())["key"] == "STACK-1"  # numbering starts again


def test_concurrent_creates_get_distinct_keys(emulator, jira, rest):
    def create(_) -> str:
        client = Jira(emulator.url, username=USER, password=TOKEN, cloud=True)
        return client.create_issue(fields=bug_fields())["key"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = list(pool.map(create, range(40)))
    assert sorted(keys, key=lambda key: int(key.split("-")[1])) == [
        f"STACK-{n}" for n in range(1, 41)
    ]
    assert rest("GET", "/_emulator/issues").json()["total"] == 40


def test_users_and_projects_are_configurable():
    with serve(users={"ops@example.com": "s3cret"}, projects=("POS", "OPS")) as server:
        jira = Jira(server.url, username="ops@example.com", password="s3cret", cloud=True)
        assert jira.create_issue(fields=bug_fields(project={"key": "OPS"}))["key"] == "OPS-1"
        assert jira.create_issue(fields=bug_fields(project={"key": "POS"}))["key"] == "POS-1"
        with pytest.raises(requests.HTTPError):
            Jira(server.url, username=USER, password=TOKEN, cloud=True).myself()


def test_command_line_runs_the_emulator_in_the_foreground():
    command = [
        sys.executable,
        "-m",
        "local_runner.jira_emulator",
        "--port",
        "0",
        "--user",
        "me@example.com:tok",
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + 30
        line = ""
        while not line and time.monotonic() < deadline and process.poll() is None:
            if selector.select(timeout=0.5):
                line = process.stdout.readline()
        url = re.search(r"http://\S+", line).group()
        jira = Jira(url, username="me@example.com", password="tok", cloud=True)
        assert jira.myself()["emailAddress"] == "me@example.com"
    finally:
        process.terminate()
        process.wait(timeout=10)
