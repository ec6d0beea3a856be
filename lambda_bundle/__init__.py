"""Packs one Lambda function for `sam build`: its code, its data files and its requirements,
built for the template's runtime and architecture (template.yaml, lambda_bundle/Makefile)."""
