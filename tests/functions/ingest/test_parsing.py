"""Log lines of every layout the POS hosts write -> level, logger, message."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.ingest.parsing import LEVELS, normalise_level, parse

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("line", "level", "logger", "message", "timestamp"),
    [
        (
            "2026-11-26 12:00:00,123 CRITICAL [pos.pricing] Pricing error | "
            "Missing price for product 999 (order 7f3a, store S001)",
            "CRITICAL",
            "pos.pricing",
            "Pricing error | Missing price for product 999 (order 7f3a, store S001)",
            "2026-11-26 12:00:00,123",
        ),
        (
            "2026-11-26 12:00:00.123 ERROR [main] com.pos.PaymentService - Gateway said no",
            "ERROR",
            "com.pos.PaymentService",
            "Gateway said no",
            "2026-11-26 12:00:00.123",
        ),
        (
            "2026-11-26 12:00:00.123 [http-nio-8080-exec-1] WARN  com.pos.Drawer - Drawer open",
            "WARNING",
            "com.pos.Drawer",
            "Drawer open",
            "2026-11-26 12:00:00.123",
        ),
        (
            "2026-11-26 12:00:00,123 - pos.api - ERROR - upstream closed",
            "ERROR",
            "pos.api",
            "upstream closed",
            "2026-11-26 12:00:00,123",
        ),
        ("ERROR:pos.api:upstream closed", "ERROR", "pos.api", "upstream closed", None),
        (
            "17/06/09 20:10:40 INFO executor.Backend: Registered signal handlers",
            "INFO",
            "executor.Backend",
            "Registered signal handlers",
            "17/06/09 20:10:40",
        ),
        (
            "2026-11-26T12:00:00Z [FATAL] scanner disconnected",
            "CRITICAL",
            None,
            "scanner disconnected",
            "2026-11-26T12:00:00Z",
        ),
    ],
)
def test_text_layouts(line, level, logger, message, timestamp):
    parsed = parse(line)

    assert (parsed.level, parsed.logger, parsed.message) == (level, logger, message)
    assert parsed.timestamp == timestamp
    assert parsed.trace is None


def test_json_lines_with_level_and_msg_or_message():
    parsed = parse(
        json.dumps(
            {
                "time": "2026-11-26T12:00:00Z",
                "level": "warn",
                "msg": "disk low",
                "logger": "pos.disk",
            }
        )
    )
    assert (parsed.level, parsed.message, parsed.logger) == ("WARNING", "disk low", "pos.disk")
    assert parsed.timestamp == "2026-11-26T12:00:00Z"

    other = parse(json.dumps({"levelname": "ERROR", "message": "boom", "name": "pos"}))
    assert (other.level, other.message, other.logger) == ("ERROR", "boom", "pos")


def test_a_json_line_keeps_its_exception_as_the_trace():
    trace = 'Traceback (most recent call last):\n  File "/a.py", line 1, in f\nKeyError: 1'
    parsed = parse(json.dumps({"level": "error", "message": "failed", "exc_info": trace}))

    assert parsed.trace == trace


def test_a_json_line_with_a_numeric_python_level():
    assert parse(json.dumps({"levelno": 1, "level": 40, "msg": "x"})).level == "ERROR"


def test_a_json_line_without_level_guesses_from_its_words():
    parsed = parse(json.dumps({"msg": "payment failed"}))

    assert (parsed.level, parsed.message) == ("ERROR", "payment failed")


@pytest.mark.parametrize(
    ("line", "level", "logger", "message"),
    [
        (
            "<11>Nov 26 12:00:00 pos01 posd[123]: printer offline",
            "ERROR",
            "posd",
            "printer offline",
        ),
        ("<14>Nov  6 12:00:00 pos01 posd: started", "INFO", "posd", "started"),
        ("Nov 26 12:00:00 pos01 posd[9]: WARNING paper low", "WARNING", "posd", "paper low"),
        (
            "<165>1 2026-11-26T12:00:00.003Z pos01 posd 123 ID47 - CRITICAL drawer jammed",
            "CRITICAL",
            "posd",
            "drawer jammed",
        ),
        (
            '<131>1 2026-11-26T12:00:00Z pos01 posd - - [meta a="1"] disk gone',
            "ERROR",
            "posd",
            "disk gone",
        ),
    ],
)
def test_syslog(line, level, logger, message):
    parsed = parse(line)

    assert (parsed.level, parsed.logger, parsed.message) == (level, logger, message)


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("kernel panic on till 3", "CRITICAL"),
        ("connection refused by 10.0.0.1", "ERROR"),
        ("receipt printer failed to cut", "ERROR"),
        ("deprecated API called", "WARNING"),
        ("customer 12 checked out", "INFO"),
    ],
)
def test_an_unknown_layout_keeps_the_text_and_guesses_a_level(line, level):
    parsed = parse(line)

    assert parsed.message == line
    assert parsed.level == level


@pytest.mark.parametrize(
    ("line", "level"),
    [
        # Keywords count as whole words only, in any case, wherever they stand.
        ("read-error on disk 2", "ERROR"),
        ("Errors: 3", "ERROR"),
        ("request TIMED OUT", "ERROR"),
        ("error_count=0", "INFO"),
        ("mirror synced", "INFO"),
        ("slowly draining", "INFO"),
        ("lifetime 00:17, stderr closed", "INFO"),
        # The strongest level wins, wherever its keyword stands.
        ("retrying after error, then fatal", "CRITICAL"),
        ("slow disk, warning", "WARNING"),
        ("deprecated call failed", "ERROR"),
        ("unreachable", "ERROR"),
    ],
)
def test_the_level_guess_reads_keywords_as_whole_words(line, level):
    assert parse(line).level == level


def test_a_multiline_event_parses_its_first_line_and_keeps_the_trace():
    trace = (
        "Traceback (most recent call last):\n"
        '  File "/opt/pos/checkout.py", line 3, in pay\n'
        "    charge()\n"
        "ValueError: card declined"
    )
    parsed = parse(f"2026-11-26 12:00:00,000 ERROR [pos.checkout] Checkout crashed\n{trace}\n")

    assert (parsed.level, parsed.logger, parsed.message) == (
        "ERROR",
        "pos.checkout",
        "Checkout crashed",
    )
    assert parsed.trace == trace


def test_a_bare_traceback_is_an_error_named_by_its_exception():
    text = (
        "Traceback (most recent call last):\n"
        '  File "/opt/pos/main.py", line 9, in <module>\n'
        "    run()\n"
        "RuntimeError: till locked"
    )
    parsed = parse(text)

    assert (parsed.level, parsed.message) == ("ERROR", "RuntimeError: till locked")
    assert parsed.trace == text


@pytest.mark.parametrize(
    ("word", "level"),
    [
        ("warn", "WARNING"),
        ("Warning", "WARNING"),
        ("FATAL", "CRITICAL"),
        ("crit", "CRITICAL"),
        ("err", "ERROR"),
        ("SEVERE", "ERROR"),
        ("notice", "INFO"),
        ("finest", "TRACE"),
        ("debug", "DEBUG"),
        ("nonsense", None),
        (50, "CRITICAL"),
        (30, "WARNING"),
        (True, None),
    ],
)
def test_levels_are_normalised(word, level):
    assert normalise_level(word) == level


@given(st.text(max_size=400))
def test_any_text_parses_to_a_known_level(text):
    parsed = parse(text)

    assert parsed.level in LEVELS
    assert isinstance(parsed.message, str)


@pytest.mark.parametrize(
    ("line", "level", "logger", "message", "timestamp"),
    [
        (
            "2026/11/26 12:00:01 [error] 1234#1234: *5678 connect() failed (111: Connection "
            "refused) while connecting to upstream, client: 10.0.0.5, server: pos.example.com",
            "ERROR",
            None,
            "connect() failed (111: Connection refused) while connecting to upstream, "
            "client: 10.0.0.5, server: pos.example.com",
            "2026/11/26 12:00:01",
        ),
        (
            "2026/11/26 12:00:02 [crit] 99#99: *1 SSL_do_handshake() failed",
            "CRITICAL",
            None,
            "SSL_do_handshake() failed",
            "2026/11/26 12:00:02",
        ),
        (
            "2026/11/26 12:00:02 [warn] 7#7: upstream server temporarily disabled",
            "WARNING",
            None,
            "upstream server temporarily disabled",
            "2026/11/26 12:00:02",
        ),
        (
            "[Thu Nov 26 12:00:03.123456 2026] [proxy:error] [pid 4321:tid 140000] "
            "(111)Connection refused: AH00957: attempt to connect to 127.0.0.1:8080 failed",
            "ERROR",
            "proxy",
            "(111)Connection refused: AH00957: attempt to connect to 127.0.0.1:8080 failed",
            "Thu Nov 26 12:00:03.123456 2026",
        ),
        (
            "[Thu Nov 26 12:00:03 2026] [error] [client 10.0.0.9] File does not exist: /var/www/x",
            "ERROR",
            None,
            "File does not exist: /var/www/x",
            "Thu Nov 26 12:00:03 2026",
        ),
        (
            "[Thu Nov 26 12:00:04.000001 2026] [ssl:warn] [pid 12] AH01909: certificate mismatch",
            "WARNING",
            "ssl",
            "AH01909: certificate mismatch",
            "Thu Nov 26 12:00:04.000001 2026",
        ),
    ],
)
def test_nginx_and_apache_error_logs(line, level, logger, message, timestamp):
    parsed = parse(line)

    assert (parsed.level, parsed.logger, parsed.message, parsed.timestamp) == (
        level,
        logger,
        message,
        timestamp,
    )


@pytest.mark.parametrize(
    ("line", "level", "logger", "message"),
    [
        # pino: numeric levels one step above Python's, with pid and hostname always there
        (
            '{"level":50,"time":1764158400000,"pid":42,"hostname":"till-3","name":"pos-api",'
            '"msg":"payment declined for order 77"}',
            "ERROR",
            "pos-api",
            "payment declined for order 77",
        ),
        (
            '{"level":60,"time":1764158400000,"pid":42,"hostname":"till-3","msg":"out of memory"}',
            "CRITICAL",
            None,
            "out of memory",
        ),
        (
            '{"level":30,"time":1764158400000,"pid":42,"hostname":"till-3","msg":"order paid"}',
            "INFO",
            None,
            "order paid",
        ),
        # winston's default JSON format
        (
            '{"level":"error","message":"Inventory sync failed: timeout","timestamp":'
            '"2026-11-26T12:00:00.000Z","service":"inventory"}',
            "ERROR",
            None,
            "Inventory sync failed: timeout",
        ),
        (
            '{"message":"slow query 1200ms","level":"warn","timestamp":"2026-11-26T12:00:00Z"}',
            "WARNING",
            None,
            "slow query 1200ms",
        ),
    ],
)
def test_pino_and_winston_json(line, level, logger, message):
    parsed = parse(line)

    assert (parsed.level, parsed.logger, parsed.message, parsed.layout) == (
        level,
        logger,
        message,
        "json",
    )
