"""Severity rules (rules.yaml): which events are errors, how severe, and of what kind.

The first matching rule wins; with none, the log level decides (CRITICAL -> CRITICAL,
ERROR -> HIGH, WARNING -> LOW) and anything below WARNING is no error at all.
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from functions.common.settings import SEVERITIES

RULES_PATH = Path(__file__).with_name("rules.yaml")

SEVERITY_OF_LEVEL = {"CRITICAL": "CRITICAL", "ERROR": "HIGH", "WARNING": "LOW"}
# Rules read this much of an event; a rule is about what a line says, not its 200 KiB dump.
MAX_TEXT_MATCHED = 64 * 1024


class RulesError(ValueError):
    """rules.yaml is malformed; the message says where."""


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    severity: str
    category: str


@dataclass(frozen=True)
class Classification:
    """What an error is: its severity, its category and the rule that said so (None: its level)."""

    severity: str
    category: str | None
    rule: str | None
    rules_version: str


@dataclass(frozen=True)
class RuleSet:
    version: str
    rules: tuple[Rule, ...]

    def classify(self, text: str, level: str) -> Classification | None:
        """The classification of an event, or None when it is not an error."""
        matched = text[:MAX_TEXT_MATCHED]
        for rule in self.rules:
            if rule.pattern.search(matched):
                return Classification(rule.severity, rule.category, rule.name, self.version)
        severity = SEVERITY_OF_LEVEL.get(level)
        return Classification(severity, None, None, self.version) if severity else None

    def to_document(self) -> dict:
        """The rule set as rules.yaml writes it (for the status page)."""
        return {
            "version": self.version,
            "rules": [
                {
                    "name": rule.name,
                    "pattern": rule.pattern.pattern,
                    "severity": rule.severity,
                    "category": rule.category,
                }
                for rule in self.rules
            ],
        }


def _rule(entry, index: int) -> Rule:
    where = f"rules[{index}]"
    if not isinstance(entry, dict):
        raise RulesError(f"{where} must be a mapping")
    for key in ("name", "pattern", "severity", "category"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise RulesError(f"{where}.{key} must be a non-empty string")
    if entry["severity"] not in SEVERITIES:
        raise RulesError(f"{where}.severity must be one of {', '.join(SEVERITIES)}")
    try:
        pattern = re.compile(entry["pattern"], re.IGNORECASE)
    except re.error as error:
        raise RulesError(f"{where}.pattern is not a valid regex: {error}") from None
    return Rule(entry["name"], pattern, entry["severity"], entry["category"])


def parse_rules(document) -> RuleSet:
    """A RuleSet from the loaded YAML document, or RulesError naming what is wrong."""
    if not isinstance(document, dict):
        raise RulesError("the rules document must be a mapping with version and rules")
    version = document.get("version")
    if not isinstance(version, str | int | float) or isinstance(version, bool) or version == "":
        raise RulesError("version must be a non-empty string")
    entries = document.get("rules")
    if not isinstance(entries, list):
        raise RulesError("rules must be a list")
    rules = tuple(_rule(entry, index) for index, entry in enumerate(entries))
    names = [rule.name for rule in rules]
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        raise RulesError(f"rule names must be unique: {', '.join(duplicated)}")
    return RuleSet(str(version), rules)


def load_rules(path: Path = RULES_PATH) -> RuleSet:
    with open(path, encoding="utf-8") as handle:
        return parse_rules(yaml.safe_load(handle))


@functools.cache
def default_rules() -> RuleSet:
    """The shipped rules.yaml, read once per process."""
    return load_rules()
