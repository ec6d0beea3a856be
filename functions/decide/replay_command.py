"""`stacklens replay LOGFILE [--thresholds HIGH=0.7,...]`: run a log through parse, group, score
and decide, with no Jira and no AWS, and print what would have been created, updated, reopened
and suppressed, so thresholds can be tuned before automation is switched on.

Storm control is played as decide and the jira function play it: at most one comment per ticket
per comment interval and at most MAX_NEW_TICKETS_PER_HOUR new issues an hour, timed by the
events' own timestamps (events without one count as the moment before).
"""

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from functions.common.settings import DEFAULT_THRESHOLDS, SEVERITIES, load
from functions.decide import confidence, policy
from functions.ingest.fingerprint import signature_of
from functions.ingest.parsing import parse
from functions.ingest.rules import default_rules
from functions.jira import issue
from shipper.multiline import MultilineJoiner
from shipper.reader import Line

PROGRESS_EVERY = 2000


@dataclass
class ReplayedGroup:
    group: dict
    confidence: float
    ticket: dict | None = None
    actions: Counter = field(default_factory=Counter)
    last_comment_at: datetime | None = None


def read_events(stream, progress=None):
    """The log's events, multiline joined as the shipper joins them."""
    joiner = MultilineJoiner()
    offset = 0
    for number, raw in enumerate(stream, start=1):
        text = raw.rstrip("\r\n")
        end = offset + len(raw.encode("utf-8", errors="replace"))
        yield from (event.text for event in joiner.push([Line(offset, end, text)], 0.0))
        offset = end
        if progress and number % PROGRESS_EVERY == 0:
            progress(number)
    yield from (event.text for event in joiner.flush())


def _moment(timestamp: str | None, previous: datetime) -> datetime:
    if timestamp:
        for candidate in (timestamp.replace(",", ".").replace("Z", "+00:00"), timestamp):
            try:
                return datetime.fromisoformat(candidate)
            except ValueError:
                continue
    return previous


def replay(stream, thresholds: dict, progress=None) -> dict:
    settings = load()
    rules = default_rules()
    groups: dict[str, ReplayedGroup] = {}
    created_per_hour: Counter = Counter()
    totals: Counter = Counter()
    moment = datetime(1970, 1, 1)
    events = 0
    for text in read_events(stream, progress):
        events += 1
        parsed = parse(text)
        moment = _moment(parsed.timestamp, moment)
        classification = rules.classify(text, parsed.level)
        if classification is None:
            continue  # not an error: ingest accepts it and stores nothing
        signature = signature_of(parsed)
        replayed = groups.get(signature.fingerprint)
        if replayed is None:
            group = {
                "fingerprint": signature.fingerprint,
                "template": signature.template,
                "message": parsed.message or text,
                "level": parsed.level,
                "severity": classification.severity,
                "category": classification.category,
                "rule": classification.rule,
                "count": 0,
            }
            score = confidence.score(parsed.level, parsed.message or text)
            replayed = groups[signature.fingerprint] = ReplayedGroup(group, score)
        previous = replayed.group["count"]
        replayed.group["count"] = previous + 1
        decision = policy.decide(
            replayed.group,
            replayed.ticket,
            True,
            thresholds,
            replayed.confidence,
            previous_count=previous,
        )
        action = decision.action
        if action == policy.CREATE:
            hour = moment.strftime("%Y-%m-%dT%H")
            if created_per_hour[hour] >= settings.max_new_tickets_per_hour:
                action = policy.SUPPRESS
            else:
                created_per_hour[hour] += 1
                replayed.ticket = {"status": "open", "commented_count": replayed.group["count"]}
                replayed.last_comment_at = moment
        elif action == policy.UPDATE:
            interval = timedelta(seconds=settings.comment_interval_seconds)
            if replayed.last_comment_at and moment - replayed.last_comment_at < interval:
                action = "update (held for the next comment)"
            else:
                replayed.last_comment_at = moment
                replayed.ticket["commented_count"] = replayed.group["count"]
                action = "update (comment)"
        replayed.actions[action] += 1
        totals[action] += 1
    return _report(events, groups, totals, thresholds)


def _report(events: int, groups: dict[str, ReplayedGroup], totals: Counter, thresholds) -> dict:
    def listed(action: str) -> list[dict]:
        return [
            {
                "summary": issue.summary(r.group),
                "count": r.group["count"],
                "confidence": r.confidence,
                "fingerprint": fingerprint,
            }
            for fingerprint, r in groups.items()
            if r.actions[action]
        ]

    return {
        "events": events,
        "groups": len(groups),
        "thresholds": {**DEFAULT_THRESHOLDS, **thresholds},
        "decisions": dict(totals),
        "would_create": listed(policy.CREATE),
        "would_suppress": listed(policy.SUPPRESS),
        "would_skip": listed(policy.SKIP),
    }


def parse_thresholds(text: str) -> dict:
    """ "HIGH=0.7,LOW=0.95" -> {"HIGH": 0.7, "LOW": 0.95}; ValueError naming the problem."""
    thresholds = {}
    for part in filter(None, (item.strip() for item in text.split(","))):
        severity, _, value = part.partition("=")
        severity = severity.strip().upper()
        if severity not in SEVERITIES:
            raise ValueError(f"{severity!r} is not one of {', '.join(SEVERITIES)}")
        number = float(value)
        if not 0 <= number <= 1:
            raise ValueError(f"the threshold of {severity} must be from 0 to 1")
        thresholds[severity] = number
    return thresholds


def _print_text(report: dict) -> None:
    print(f"{report['events']:,} events, {report['groups']:,} groups of errors")
    print("thresholds: " + ", ".join(f"{k} {v}" for k, v in report["thresholds"].items()))
    for action, count in sorted(report["decisions"].items()):
        print(f"  {action}: {count:,}")
    for title, key in (("would create", "would_create"), ("would suppress", "would_suppress")):
        print(f"\n{title} ({len(report[key])}):")
        for item in report[key]:
            print(f"  {item['summary']}  (seen {item['count']:,}, confidence {item['confidence']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stacklens replay", description=__doc__.split("\n")[0])
    parser.add_argument("logfile")
    parser.add_argument("--thresholds", default="", help="e.g. HIGH=0.7,LOW=0.95")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        thresholds = parse_thresholds(args.thresholds)
    except ValueError as error:
        parser.error(f"--thresholds: {error}")

    def progress(lines: int) -> None:
        sys.stderr.write(f"\rreplaying... {lines:,} lines")
        sys.stderr.flush()

    try:
        with open(args.logfile, encoding="utf-8", errors="replace") as stream:
            report = replay(stream, thresholds, progress)
    except OSError as error:
        print(f"stacklens replay: {error}", file=sys.stderr)
        return 1
    sys.stderr.write("\r" + " " * 40 + "\r")
    if args.json:
        print(json.dumps(report))
    else:
        _print_text(report)
    return 0
