"""The labelled corpus the confidence model learns from: templates written for StackLens and
the generator that turns them into `corpus.csv` (never loghub: that is for evaluation only)."""
