"""The blind held-out set: templates written by hand after the corpus, for evaluation only
(see README.md). Training must never read it."""
