"""schemathesis against the real local runner, as CI runs it: at least 2,000 generated requests
from openapi.yaml (as GET /api/openapi.json serves it) find no 5xx and no answer the description
does not allow. tests/api/schemathesis.toml says which checks run where."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"
MIN_CASES = 2000
# Cases per operation in the fuzzing phase; the coverage phase adds its own. About 2,600 in all.
MAX_EXAMPLES = 70


@pytest.mark.e2e
@pytest.mark.timeout(900)
def test_schemathesis_finds_no_error_and_no_answer_outside_the_description(secret_stack, tmp_path):
    schemathesis = Path(sys.executable).parent / "schemathesis"
    command = [
        str(schemathesis),
        "--config-file",
        str(CONFIG),
        "run",
        f"{secret_stack.api_url}/api/openapi.json",
        "--header",
        f"Authorization: Bearer {secret_stack.admin_token}",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--no-color",
    ]
    if os.environ.get("STACKLENS_SCHEMATHESIS_SEED"):
        command += ["--seed", os.environ["STACKLENS_SCHEMATHESIS_SEED"]]
    # Its cache directory goes to tmp_path, not the work tree.
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=840)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-12000:]
    generated = re.search(r"(\d+) generated", output)
    assert generated, output[-4000:]
    assert int(generated.group(1)) >= MIN_CASES, output[-4000:]
    assert re.search(r"Tested: (\d+)", output), output[-4000:]
    print(output[-1500:])  # the summary, for `pytest -s`
