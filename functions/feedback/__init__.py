"""The feedback function: Jira resolutions and decisions marked wrong become labelled examples."""
