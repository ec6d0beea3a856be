"""Training's BLAS kernels are pinned on x86 unless the environment already chose them."""

import subprocess
import sys

import pytest

from functions.decide import blas

pytestmark = pytest.mark.unit


def test_the_kernels_are_pinned_on_x86_and_a_choice_made_stands(monkeypatch):
    monkeypatch.setattr(blas.platform, "machine", lambda: "x86_64")
    monkeypatch.delenv("OPENBLAS_CORETYPE", raising=False)
    blas.pin_kernels()
    assert blas.os.environ["OPENBLAS_CORETYPE"] == "Haswell"
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Zen")
    blas.pin_kernels()
    assert blas.os.environ["OPENBLAS_CORETYPE"] == "Zen"


def test_other_cpus_are_left_alone(monkeypatch):
    monkeypatch.setattr(blas.platform, "machine", lambda: "aarch64")
    monkeypatch.delenv("OPENBLAS_CORETYPE", raising=False)
    blas.pin_kernels()
    assert "OPENBLAS_CORETYPE" not in blas.os.environ


def test_the_train_command_runs_on_the_pinned_kernels():
    """The pin must come before numpy loads: the command's own process shows it took (on an
    AVX-512 CPU OpenBLAS would otherwise say SkylakeX)."""
    script = (
        "import os, sys, cli; os.environ.pop('OPENBLAS_CORETYPE', None);"
        "sys.argv = ['stacklens', 'train', '--help'];"
        "import contextlib, io\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    cli.main()\n"
        "from functions.decide.blas import pinned_kernels; print(sorted(pinned_kernels()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.strip() == "['Haswell']"
