"""Training data and training: the corpus (plus optional feedback examples) as model inputs."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from functions.decide.corpus.generate import CORPUS_PATH
from functions.decide.model import SEED, ConfidenceModel


@dataclass
class Examples:
    """Labelled events, column-wise, with the template each comes from."""

    messages: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    severities: list[str] = field(default_factory=list)
    actionable: list[int] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)

    def add(self, message: str, level: str, severity: str, actionable: int, template: str):
        self.messages.append(message)
        self.levels.append(level)
        self.severities.append(severity)
        self.actionable.append(int(actionable))
        self.templates.append(template)

    def extend(self, other: "Examples") -> "Examples":
        for name in ("messages", "levels", "severities", "actionable", "templates"):
            getattr(self, name).extend(getattr(other, name))
        return self

    def subset(self, indices) -> "Examples":
        chosen = Examples()
        for index in indices:
            chosen.add(
                self.messages[index],
                self.levels[index],
                self.severities[index],
                self.actionable[index],
                self.templates[index],
            )
        return chosen

    def __len__(self) -> int:
        return len(self.messages)


def load_corpus(path: Path = CORPUS_PATH) -> Examples:
    """The generated corpus CSV as examples."""
    examples = Examples()
    with path.open(newline="", encoding="utf-8") as corpus:
        for row in csv.DictReader(corpus):
            examples.add(
                row["text"],
                row["level"],
                row["severity"],
                int(row["actionable"]),
                row["template_id"],
            )
    return examples


def train(examples: Examples, seed: int = SEED) -> ConfidenceModel:
    """A model fitted on `examples`; the same examples and seed give the same model."""
    return ConfidenceModel(seed=seed).fit(
        examples.messages,
        examples.levels,
        examples.severities,
        examples.actionable,
        examples.templates,
    )
