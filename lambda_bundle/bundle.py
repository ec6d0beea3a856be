"""One function's deployment package: the repository modules its handler imports (found by
static analysis, so a lazy import counts too), the data files beside them, and the third-party
packages of its requirements file, as wheels for Lambda's runtime and architecture.

Standard library only: `sam build` runs it with whatever python3 is at hand, which need not be
the runtime's Python (pip fetches wheels for another Python and platform by itself).
"""

import modulefinder
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# template.yaml's Globals: Runtime python3.12, Architectures [arm64].
RUNTIME_PYTHON = "3.12"
# Amazon Linux 2023 (the python3.12 runtime) has glibc 2.34, so any manylinux wheel up to
# 2.34 runs; pip takes only the tags it is given.
WHEEL_PLATFORMS = [f"manylinux_2_{minor}_aarch64" for minor in range(34, 16, -1)] + [
    "manylinux2014_aarch64"
]

# Files outside the import graph that a function reads at run time.
EXTRA_FILES = {"StatusFunction": ["openapi.yaml"]}

# In the package folders but not for Lambda.
SKIPPED_NAMES = {"__pycache__", "requirements.txt"}

# The Lambda runtime ships the AWS SDK; a second copy would add 35 MB to every package (of the
# 250 MB a function may unpack to).
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer")


def function_package(logical_id: str) -> str:
    """`IngestFunction` -> `ingest`: template.yaml names each function after its package."""
    if not logical_id.endswith("Function"):
        raise ValueError(f"{logical_id} is not a function of template.yaml")
    return logical_id.removesuffix("Function").lower()


def handler_module(logical_id: str) -> str:
    return f"functions.{function_package(logical_id)}.handler"


def requirements_file(logical_id: str) -> Path:
    return REPO_ROOT / "functions" / function_package(logical_id) / "requirements.txt"


def imported_modules(module: str) -> dict[str, Path]:
    """Every repository module `module` imports, directly or not: name -> source file."""
    finder = modulefinder.ModuleFinder(path=[str(REPO_ROOT)])
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "entry.py"
        script.write_text(f"import {module}\n")
        finder.run_script(str(script))
    found = {}
    for name, found_module in finder.modules.items():
        source = found_module.__file__
        if source and Path(source).resolve().is_relative_to(REPO_ROOT):
            found[name] = Path(source).resolve()
    if module not in found:
        raise ValueError(f"{module} is not a module of this repository")
    return found


def _data_files(package_dir: Path) -> list[Path]:
    """Non-Python files of a package and its plain (non-package) folders: pages, rules, the
    model artifact. Subpackages are code, and come only when imported."""
    files = []
    for path in sorted(package_dir.iterdir()):
        if path.name in SKIPPED_NAMES:
            continue
        if path.is_dir():
            if not (path / "__init__.py").exists():
                files.extend(
                    p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                )
        elif path.suffix not in (".py", ".pyc"):
            files.append(path)
    return files


def code_files(logical_id: str) -> list[Path]:
    """The function's files from this repository, as paths relative to its root."""
    sources = imported_modules(handler_module(logical_id)).values()
    files = set(sources)
    for source in sources:
        if source.name == "__init__.py":
            files.update(_data_files(source.parent))
    files.update(REPO_ROOT / name for name in EXTRA_FILES.get(logical_id, []))
    return sorted(path.relative_to(REPO_ROOT) for path in files)


def copy_code(logical_id: str, destination: Path) -> list[Path]:
    copied = code_files(logical_id)
    for relative in copied:
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / relative, target)
    return copied


def install_requirements(logical_id: str, destination: Path) -> None:
    """pip installs the requirements as the runtime's wheels (binary only: nothing compiles
    here for another platform)."""
    subprocess.run(
        [
            sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "--target", str(destination),
            *[option for tag in WHEEL_PLATFORMS for option in ("--platform", tag)],
            "--implementation", "cp",
            "--python-version", RUNTIME_PYTHON,
            "--only-binary=:all:",
            # pip would compile for its own Python, whose .pyc files the runtime ignores.
            "--no-compile",
            "--requirement", str(requirements_file(logical_id)),
        ],
        check=True,
    )  # fmt: skip


def drop_unused(destination: Path) -> None:
    """Remove what the function never loads: the runtime's own SDK, the libraries' tests."""
    for entry in list(destination.iterdir()):
        distribution = entry.name.split("-")[0]
        if entry.name in RUNTIME_PROVIDED or (
            entry.suffix == ".dist-info" and distribution in RUNTIME_PROVIDED
        ):
            shutil.rmtree(entry)
    for tests in sorted(destination.glob("*/**/tests"), reverse=True):
        if tests.is_dir():
            shutil.rmtree(tests)


def size_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def build(logical_id: str, destination: Path, with_requirements: bool = True) -> list[Path]:
    """Fill `destination` with the function's package; the repository files copied."""
    destination.mkdir(parents=True, exist_ok=True)
    if with_requirements:
        install_requirements(logical_id, destination)
        drop_unused(destination)
    return copy_code(logical_id, destination)
