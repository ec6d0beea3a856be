"""The same model from the same corpus on every x86 machine.

OpenBLAS (numpy's and scipy's) picks its kernels by the CPU it finds. On a CPU with AVX-512 it
sums in another order than with AVX2, and lbfgs then takes another path: a retrained model's
probabilities moved by up to 0.006 from the shipped artifact's (trained on AVX2). Pinned to the
AVX2 kernels (OpenBLAS's "Haswell"), training gives the artifact bit for bit on either.

OpenBLAS reads the pin once, when it loads: `pin_kernels` must run before numpy is imported
(the `stacklens train` and `evaluate` commands and the tests call it first thing).
"""

import os
import platform

KERNELS = "Haswell"  # OpenBLAS's name for its AVX2 kernels
_X86 = ("x86_64", "amd64")


def pin_kernels() -> None:
    """Ask OpenBLAS for the AVX2 kernels on x86 (a choice already made in the environment
    stands; other CPUs have kernels of their own and are left alone)."""
    if platform.machine().lower() in _X86:
        os.environ.setdefault("OPENBLAS_CORETYPE", KERNELS)


def pinned_kernels() -> set[str]:
    """The kernels the loaded BLAS libraries run (threadpoolctl), e.g. {"Haswell"}."""
    from threadpoolctl import threadpool_info

    return {info.get("architecture") for info in threadpool_info() if "architecture" in info}
