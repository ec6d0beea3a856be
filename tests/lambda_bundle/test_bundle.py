"""What `sam build` packs for each function (lambda_bundle): the handler imports from the
bundle alone, with the packages its requirements file brings, and the template builds it."""

import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from lambda_bundle import bundle
from local_runner.template import load_template, read_stack

pytestmark = pytest.mark.unit

FUNCTIONS = sorted(read_stack().functions)

# Run in a fresh interpreter, the bundle first on the path, the installed packages that the
# requirements file does not bring refused: every module of this repository must come from the
# bundle, and the handler must import without any other package.
IMPORT_CHECK = """
import importlib, importlib.abc, json, sys
bundle, module, refused = sys.argv[1], sys.argv[2], set(json.loads(sys.argv[3]))
ours = ("functions", "shipper", "local_runner", "demo_pos", "bench")

class OnlyTheRequirements(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in refused:
            raise ModuleNotFoundError(f"{name} is not in the requirements", name=name)
        return None

sys.meta_path.insert(0, OnlyTheRequirements())
sys.path.insert(0, bundle)
handler = importlib.import_module(module)
loaded = {name: module.__file__ for name, module in list(sys.modules.items())
          if name.split(".")[0] in ours}
print(json.dumps({"ours": loaded, "handler": callable(getattr(handler, "lambda_handler", None))}))
"""


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def distribution_closure(requirements: list[str]) -> set[str]:
    """The distributions pip installs for these requirements (as installed here)."""
    wanted = [re.split(r"[<>=!~ ;\[]", line, maxsplit=1)[0] for line in requirements]
    seen: set[str] = set()
    while wanted:
        name = normalised(wanted.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue  # a dependency for other Pythons or platforms: nothing here loads it
        for requirement in requires:
            if "extra ==" not in requirement:
                wanted.append(re.split(r"[<>=!~ ;\[(]", requirement, maxsplit=1)[0])
    return seen


def requirement_lines(function: str) -> list[str]:
    lines = bundle.requirements_file(function).read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def refused_modules(function: str) -> list[str]:
    """Top-level modules installed here that neither the requirements nor the runtime's SDK
    bring (this project's own packages aside)."""
    provided = distribution_closure(requirement_lines(function) + list(bundle.RUNTIME_PROVIDED))
    return sorted(
        module
        for module, distributions in metadata.packages_distributions().items()
        if not any(normalised(name) in provided | {"stacklens"} for name in distributions)
    )


@pytest.fixture(scope="module")
def code_bundles(tmp_path_factory) -> dict[str, Path]:
    """Each function's bundle without its requirements (those need a download)."""
    folders = {}
    for function in FUNCTIONS:
        folders[function] = tmp_path_factory.mktemp(function)
        bundle.build(function, folders[function], with_requirements=False)
    return folders


@pytest.fixture(scope="module")
def import_reports(code_bundles) -> dict[str, dict]:
    return {function: imported_from(code_bundles[function], function) for function in FUNCTIONS}


def imported_from(folder: Path, function: str) -> dict:
    environment = {
        "AWS_DEFAULT_REGION": "us-east-1",
        "POWERTOOLS_METRICS_NAMESPACE": "StackLens",
        "PATH": "/usr/bin:/bin",
    }
    answer = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            IMPORT_CHECK,
            str(folder),
            bundle.handler_module(function),
            json.dumps(refused_modules(function)),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=folder,
    )
    assert answer.returncode == 0, answer.stderr[-3000:]
    return json.loads(answer.stdout.strip().splitlines()[-1])


def test_the_template_names_each_function_as_the_bundle_expects():
    template = load_template()
    runtime = template["Globals"]["Function"]
    assert runtime["Runtime"] == f"python{bundle.RUNTIME_PYTHON}"
    assert runtime["Architectures"] == ["arm64"]
    assert all(tag.endswith("_aarch64") for tag in bundle.WHEEL_PLATFORMS)
    for function in FUNCTIONS:
        resource = template["Resources"][function]
        assert (
            resource["Properties"]["Handler"] == bundle.handler_module(function) + ".lambda_handler"
        )
        build = resource["Metadata"]
        assert build["BuildMethod"] == "makefile"
        assert (Path(bundle.REPO_ROOT) / build["ContextPath"] / "Makefile").is_file()
        assert build["WorkingDirectory"] == "."
        assert bundle.requirements_file(function).is_file()


@pytest.mark.parametrize("function", FUNCTIONS)
def test_the_handler_imports_from_its_bundle_and_requirements_alone(
    function, code_bundles, import_reports
):
    folder = code_bundles[function]
    report = import_reports[function]
    assert report["handler"]
    outside = {
        name: path for name, path in report["ours"].items() if not path.startswith(str(folder))
    }
    assert outside == {}
    # Only what the function needs: no shipper beyond signing, no runner, no training.
    packed = {str(path) for path in bundle.code_files(function)}
    assert not any(
        path.startswith(("local_runner/", "bench/", "demo_pos/", "tests/")) for path in packed
    )
    assert not any("corpus" in path or "training" in path for path in packed)


def test_the_status_bundle_carries_the_api_description(code_bundles):
    for function, extra in bundle.EXTRA_FILES.items():
        for name in extra:
            assert (code_bundles[function] / name).is_file()


def test_decide_packs_its_model_artifact(code_bundles):
    artifact = bundle.REPO_ROOT / "functions/decide/artifact"
    shipped = sorted(path.name for path in artifact.iterdir() if path.is_file())
    assert "manifest.json" in shipped and len(shipped) >= 2
    for name in shipped:
        packed = code_bundles["DecideFunction"] / "functions/decide/artifact" / name
        assert packed.read_bytes() == (artifact / name).read_bytes()
