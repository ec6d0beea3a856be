"""Grouping beyond masking (values with no digit, one value masked as different kinds) and
the `stacklens group` command, which prints the fingerprints ingest would give."""

import io
import sys

import pytest

from functions.ingest.fingerprint import signature_of
from functions.ingest.group_cli import main as group_main
from functions.ingest.grouping import LineGrouper, group_ids
from functions.ingest.masking import group_key, is_value_like, template_of
from functions.ingest.parsing import parse

pytestmark = pytest.mark.unit


def _key(message: str) -> str:
    return group_key(template_of(message))


@pytest.mark.parametrize(
    "variants",
    [
        # values with no digit that no mask knows
        [
            "Processing the event EventType: CONTAINER_REMOTE_LAUNCH for container c_1",
            "Processing the event EventType: CONTAINER_REMOTE_CLEANUP for container c_2",
        ],
        ["domain root_domain is no longer served", "domain cluster_usr_backup is no longer served"],
        ["Registering class org.pos.Foo for x.y", "Registering class org.pos.Bar$Baz for x.z"],
        # one value masked as different kinds on different lines
        ["chdir(/home/pos/run) failed: No such file", "chdir(pwd) failed: No such file"],
        ["a.example.com:80 closed, lifetime 00:17", "b.example.org:443 closed, lifetime 01:02:03"],
    ],
)
def test_lines_that_differ_only_in_values_share_a_group(variants):
    assert len({_key(line) for line in variants}) == 1


@pytest.mark.parametrize(
    "variants",
    [
        ["Inventory lock held by till 3", "Inventory lock released by till 3"],
        ["printer offline", "scanner offline"],
        ["Missing price for product 9", "Missing tax for product 9"],
        ["cash drawer open", "cash drawer open too long"],
        ['"GET /v2/servers HTTP/1.1" status: 200', '"DELETE /v2/servers HTTP/1.1" status: 200'],
    ],
)
def test_lines_that_differ_in_words_stay_apart(variants):
    assert len({_key(line) for line in variants}) == len(variants)


def test_value_like_tokens():
    assert all(map(is_value_like, ["<*>", "(HWID=<*>)", "root_domain", "org.pos.Foo", "k:v"]))
    assert not any(map(is_value_like, ["held", "offline", "Error:", "(localhost)", "CASH"]))


@pytest.mark.parametrize(
    "token",
    ["a_b", "AB_", "x.y", "$a$b", "k=v", "a\\b", "a/b", "f(x)", "a[", "<host>", "x<*>", "é.é"],
)
def test_identifier_forms_are_value_like(token):
    assert is_value_like(token)


@pytest.mark.parametrize(
    "token", ["A_", "_x", "a_", "(x", "x(", "[a", ".x", "<>", "<a b>", "a.", "-"]
)
def test_punctuation_alone_is_not_value_like(token):
    assert not is_value_like(token)


def test_the_template_shows_masks_by_kind_and_values_as_wildcards():
    assert template_of("Event CONTAINER_LAUNCH on 10.0.0.1 after 30s") == (
        "Event <*> on <host> after <duration>"
    )


def test_the_grouper_gives_ingest_fingerprints():
    line = "2026-11-26 12:00:00,000 ERROR [pos] Payment timeout after 30s for order 7"
    grouper = LineGrouper()

    assert grouper.group_of(line) == signature_of(parse(line)).fingerprint
    # The second time the shape is known: the same answer without parsing again.
    again = line.replace("order 7", "order 8")
    assert grouper.group_of(again) == signature_of(parse(again)).fingerprint


@pytest.mark.parametrize("indent", ["", " ", "\t "])
def test_a_level_given_by_a_number_is_not_taken_from_the_lines_shape(indent):
    error = indent + '{"level": 50, "pid": 1, "hostname": "t", "msg": "drawer jammed"}'
    info = indent + '{"level": 30, "pid": 1, "hostname": "t", "msg": "drawer jammed"}'
    grouper = LineGrouper()

    assert grouper.group_of(error) != grouper.group_of(info)


def test_a_digit_kept_in_the_template_keeps_lines_of_one_shape_apart():
    grouper = LineGrouper()
    lines = ["retry 5- of 7", "retry 6- of 7", "retry 5- of 9"]

    ids = [grouper.group_of(line) for line in lines]

    assert ids == [signature_of(parse(line)).fingerprint for line in lines]
    assert ids[0] == ids[2] != ids[1]


def test_an_error_never_shares_a_group_with_the_same_text_as_a_warning():
    grouper = LineGrouper()

    error = grouper.group_of("2026-11-26 12:00:00,000 ERROR [pos] drawer jammed")
    warning = grouper.group_of("2026-11-26 12:00:00,000 WARNING [pos] drawer jammed")

    assert error != warning


def test_group_ids_follow_the_lines():
    lines = [
        "2026-11-26 12:00:00,000 ERROR [pos] Payment timeout after 30s for order 7",
        "2026-11-26 12:00:01,000 INFO [pos] order 8 paid",
        "2026-11-26 12:00:02,000 ERROR [pos] Payment timeout after 1500ms for order 9",
    ]

    ids = list(group_ids(lines))

    assert ids[0] == ids[2] != ids[1]


def test_the_group_command_reads_a_file(tmp_path, capsys):
    log = tmp_path / "app.log"
    log.write_text("printer offline 3\nscanner offline\nprinter offline 12\n", encoding="utf-8")

    assert group_main([str(log)]) == 0

    ids = capsys.readouterr().out.splitlines()
    assert len(ids) == 3
    assert ids[0] == ids[2] != ids[1]


def test_the_group_command_reads_stdin_and_can_show_templates(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("EventType: JOB_START 1\nEventType: JOB_END 2\n"))

    assert group_main(["--templates"]) == 0

    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows[0] == rows[1]
    assert rows[0][1] == "EventType: <*> <*>"


def test_the_group_command_names_a_missing_file(tmp_path, capsys):
    assert group_main([str(tmp_path / "missing.log")]) == 1
    assert "missing.log" in capsys.readouterr().err
