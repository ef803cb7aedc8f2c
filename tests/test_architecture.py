"""The architecture, pinned: the import contracts hold and catch a wrong import, views do not
write, services are named `<thing>_<verb>`.

docs/architecture.md explains the rules. Where today's code breaks one, the offender is listed
in a KNOWN_OFFENDERS set below and its case is an expected failure (strict): when the
restructuring fixes it, the case passes, strict xfail turns that into a failure, and the entry
must be removed. A new offender is an ordinary failure.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
PACKAGE = REPOSITORY / "src" / "koers"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


class KnownOffence(Exception):
    """Raised by a case that finds only offences listed in a KNOWN_OFFENDERS set."""


def _python_modules() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" not in path.relative_to(PACKAGE).parts:
            yield path


def _relative(path: Path) -> str:
    return path.relative_to(REPOSITORY).as_posix()


def _name(path: Path) -> str:
    """The module's path inside the package, as KNOWN_OFFENDERS names it."""
    return path.relative_to(PACKAGE).as_posix()


def _case(name: str, known: bool) -> object:
    marks = [pytest.mark.xfail(strict=True, raises=KnownOffence)] if known else []
    return pytest.param(name, id=name, marks=marks)


def _fail_or_tolerate(found: set[str], known: set[str] | frozenset[str], rule: str) -> None:
    """Fail on an offence nobody listed; raise KnownOffence when all are listed."""
    new = found - known
    assert not new, f"{rule}: {sorted(new)}"
    if found:
        raise KnownOffence(sorted(found))


# --- 1. The import contracts (pyproject.toml, [tool.importlinter]) ---------------------------


def _lint_imports(cwd: Path, python_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if python_path is not None:
        # PYTHONPATH comes before the editable install's path entry, so grimp reads the copy.
        env["PYTHONPATH"] = str(python_path)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(REPOSITORY / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_import_contracts_hold() -> None:
    result = _lint_imports(REPOSITORY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


LAYERS_BROKEN = (
    "Apps depend only on the layers below them (core at the bottom, demo at the top) BROKEN"
)

# Each probe adds modules ({path: source}) to a copy of the package and names the contract
# they break.
WRONG_IMPORTS: dict[str, tuple[dict[str, str], str]] = {
    "core-imports-an-app": (
        {"core/_probe_wrong_import.py": "from koers.plans import queries"},
        "koers.core imports no app BROKEN",
    ),
    "lower-layer-imports-a-higher-one": (
        {"plans/_probe_wrong_import.py": "from koers.funding import services"},
        LAYERS_BROKEN,
    ),
    "app-imports-another-apps-views": (
        {"reports/_probe_wrong_import.py": "from koers.funding import views"},
        "No app imports another app's views BROKEN",
    ),
    "directory-records-import-its-pages": (
        {"directory/migrations/_probe.py": "from koers.directory.persons import forms"},
        LAYERS_BROKEN,
    ),
    "relations-import-the-directorys-pages": (
        {"relations/_probe_wrong_import.py": "from koers.directory.persons import services"},
        LAYERS_BROKEN,
    ),
    "modules-import-each-other": (
        {
            "work/_probe_one.py": "from koers.work import _probe_two",
            "work/_probe_two.py": "from koers.work import _probe_one",
        },
        "No import cycles between the modules of a package BROKEN",
    ),
}


@pytest.mark.parametrize("probe", sorted(WRONG_IMPORTS))
def test_a_wrong_import_breaks_its_contract(probe: str, tmp_path: Path) -> None:
    # A copy in tmp_path, so that no probe file can be left in the checkout or seen by
    # another xdist worker.
    copy = tmp_path / "src" / "koers"
    shutil.copytree(
        PACKAGE,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "static", "templates", "locale", "*.pyc"),
    )
    modules, broken = WRONG_IMPORTS[probe]
    for module, source in modules.items():
        (copy / module).parent.mkdir(exist_ok=True)
        (copy / module).write_text(f"{source}\n", encoding="utf-8")

    result = _lint_imports(tmp_path, python_path=tmp_path / "src")

    assert result.returncode != 0, result.stdout
    assert broken in result.stdout, result.stdout + result.stderr


# The project's own modules, which wire the apps together, have no layer.
NO_LAYER = {"koers.cli", "koers.settings", "koers.urls", "koers.wsgi"}


def _layered_modules() -> set[str]:
    config = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [
        contract["layers"]
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["id"] == "layers"
    ]
    return {module.strip() for layer in layers for module in re.split(r"[|:]", layer)}


def _unplaced(package: Path, name: str, placed: set[str]) -> list[str]:
    """Modules under `package` that neither they nor an ancestor have a layer. A package
    without a layer of its own (the directory) must place each of its modules."""
    missing = []
    for child in sorted(package.iterdir()):
        if child.name.startswith(("_", ".")) or child.name == "__pycache__":
            continue
        if child.is_dir() and not (child / "__init__.py").exists():
            continue  # templates, static, locale
        if child.is_file() and child.suffix != ".py":
            continue
        module = f"{name}.{child.stem}"
        if module in placed or module in NO_LAYER:
            continue
        if child.is_dir() and any(layer.startswith(f"{module}.") for layer in placed):
            missing += _unplaced(child, module, placed)
        else:
            missing.append(module)
    return missing


def test_every_app_and_module_has_its_layer() -> None:
    # The layers contract names modules, not apps (the directory spans two layers), so
    # import-linter's own `exhaustive` option is not available; this is it.
    assert _unplaced(PACKAGE, "koers", _layered_modules()) == []


def test_a_module_without_a_layer_is_found(tmp_path: Path) -> None:
    (tmp_path / "newapp").mkdir()
    (tmp_path / "newapp" / "__init__.py").write_text("")
    (tmp_path / "directory").mkdir()
    (tmp_path / "directory" / "__init__.py").write_text("")
    (tmp_path / "directory" / "models.py").write_text("")
    (tmp_path / "directory" / "newpage.py").write_text("")

    assert _unplaced(tmp_path, "koers", _layered_modules()) == [
        "koers.directory.newpage",
        "koers.newapp",
    ]


def _is_view_module(name: str) -> bool:
    parts = name.split(".")
    return parts[-1] == "views" or parts[-1].endswith("_views") or "views" in parts[2:-1]


def test_views_are_imported_only_by_their_apps_urls_and_views() -> None:
    """The contract keeps other apps out; inside an app, only urls and views import views."""
    graph = grimp.build_graph("koers")
    wrong = {
        f"{importer} -> {view}"
        for view in graph.modules
        if _is_view_module(view)
        for importer in graph.find_modules_that_directly_import(view)
        if not _is_view_module(importer) and importer.split(".")[-1] != "urls"
    }
    assert not wrong, sorted(wrong)


# --- 2. Views do not write -------------------------------------------------------------------
#
# A view parses the request with a form, calls a service and renders. A call of one of these
# methods in a view module is a write outside the write path. Not counted: `messages` and
# `request.session`; `.update(...)` with a positional argument (that is dict.update:
# QuerySet.update takes keywords only); `.save(commit=False)`. A form's `.save()` counts: in
# Koers a form that saves is a ModelForm or one of Django's auth forms, which write rows.

WRITE_METHODS = {
    "save",
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}
NOT_MODEL_RECEIVERS = ("messages", "request.session")

# "<module>::<function>::<call>" for every write in a view module today.
KNOWN_VIEW_WRITES: frozenset[str] = frozenset()


def _is_view_path(path: Path) -> bool:
    parts = path.relative_to(PACKAGE).parts
    return "views" in parts[:-1] or path.name == "views.py" or path.name.endswith("_views.py")


def _is_write(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in WRITE_METHODS:
        return False
    receiver = ast.unparse(func.value)
    if receiver.startswith(NOT_MODEL_RECEIVERS):
        return False
    if func.attr == "update" and call.args:
        return False
    commit_false = any(
        keyword.arg == "commit"
        and isinstance(keyword.value, ast.Constant)
        and keyword.value.value is False
        for keyword in call.keywords
    )
    return not (func.attr == "save" and commit_false)


def _writes(path: Path) -> set[str]:
    found: set[str] = set()

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef | ast.ClassDef) else function
            if isinstance(child, ast.AsyncFunctionDef):
                inner = child.name
            if isinstance(child, ast.Call) and _is_write(child):
                found.add(f"{_name(path)}::{function}::{ast.unparse(child.func)}")
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), "<module>")
    return found


VIEW_MODULES = [path for path in _python_modules() if _is_view_path(path)]


def _known_in(module: str, known: frozenset[str]) -> set[str]:
    return {entry for entry in known if entry.startswith(f"{module}::")}


@pytest.mark.parametrize(
    "module",
    [_case(_name(path), bool(_known_in(_name(path), KNOWN_VIEW_WRITES))) for path in VIEW_MODULES],
)
def test_view_module_does_not_write(module: str) -> None:
    found = _writes(PACKAGE / module)
    _fail_or_tolerate(found, _known_in(module, KNOWN_VIEW_WRITES), "writes in a view module")


def test_known_view_writes_are_still_there() -> None:
    found = set().union(*(_writes(path) for path in VIEW_MODULES))
    fixed = KNOWN_VIEW_WRITES - found
    assert not fixed, f"fixed or moved, remove from KNOWN_VIEW_WRITES: {sorted(fixed)}"


# --- 3. Services are writes named <thing>_<verb> ---------------------------------------------
#
# A public function of a services module (services.py, *_services.py, or a module of a
# services/ package) is a write and says so: `realisation_record`, `week_submit`. A read
# (`week_for`, `may_approve`) belongs in queries.py or access.py, a helper starts with `_`.

# fmt: off
SERVICE_VERBS = frozenset({
    "step",  # signals: an agenda item's next step (agenda_item_step)
    "seed",  # signals: categories_seed, the agreed name
    "hand_over",  # signals: case_hand_over, a case given to another supporter
    "revoke",  # api: token_revoke, a key taken out of use

    "add", "approve", "carry_over", "close", "confirm", "correct", "create", "decide", "decline",
    "delete", "end", "enforce", "erase", "export", "finish", "import", "lose", "merge", "move",
    "post", "prepare", "propose", "record", "regenerate", "register", "remake", "remove",
    "renew", "reopen", "replace", "request", "reset", "retry", "return", "review", "save", "send",
    "set",
    "setup", "sign", "start", "store", "submit", "transition", "update", "verify", "win",
    "withdraw",
})
# fmt: on

# "<module>::<function>" for every public service function whose name breaks the rule; none
# since the restructuring of issue 15 renamed them or moved the reads out of the services.
KNOWN_MISNAMED_SERVICES: frozenset[str] = frozenset()


def _is_services_path(path: Path) -> bool:
    parts = path.relative_to(PACKAGE).parts
    if path.name.startswith("_") and path.name != "__init__.py":
        # A private module of a services package holds unchecked steps the services share
        # (funding/services/_schedule_steps.py); only its package's services call them.
        return False
    return (
        path.name == "services.py" or path.name.endswith("_services.py") or "services" in parts[:-1]
    )


def _public_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{_name(path)}::{node.name}"
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and not node.name.startswith("_")
    ]


SERVICE_FUNCTIONS = [
    function
    for path in _python_modules()
    if _is_services_path(path)
    for function in _public_functions(path)
]


# A predicate (`may_approve`) reads, whatever verb it ends in.
PREDICATE_PREFIXES = ("may_", "can_", "is_", "has_")


def _follows_the_rule(function: str) -> bool:
    if function.startswith(PREDICATE_PREFIXES):
        return False
    return any(
        function.endswith(f"_{verb}") and len(function) > len(verb) + 1 for verb in SERVICE_VERBS
    )


@pytest.mark.parametrize(
    "service",
    [_case(service, service in KNOWN_MISNAMED_SERVICES) for service in SERVICE_FUNCTIONS],
)
def test_service_is_named_thing_verb(service: str) -> None:
    function = service.rsplit("::", 1)[1]
    found = set() if _follows_the_rule(function) else {service}
    _fail_or_tolerate(
        found,
        KNOWN_MISNAMED_SERVICES & {service},
        "not <thing>_<verb> with a verb from SERVICE_VERBS (a read belongs in queries.py)",
    )


def test_known_misnamed_services_are_still_there() -> None:
    gone = KNOWN_MISNAMED_SERVICES - set(SERVICE_FUNCTIONS)
    assert not gone, f"renamed or moved, remove from KNOWN_MISNAMED_SERVICES: {sorted(gone)}"


# --- 4. The project explains itself, from inside the repository ------------------------------

DOCUMENTS = [REPOSITORY / "README.md", *sorted((REPOSITORY / "docs").glob("*.md"))]
DOCUMENTS += sorted((REPOSITORY / "bench").glob("*.md"))
# A Markdown link's target, or a path in backticks that climbs out with "../".
LINK = re.compile(r"\]\((?P<link>[^)\s#]+)[^)]*\)|`(?P<climb>\.\./[^`]*)`")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: _relative(path))
def test_document_points_only_inside_the_repository(document: Path) -> None:
    outside = []
    for match in LINK.finditer(document.read_text(encoding="utf-8")):
        target = match["link"] or match["climb"]
        if match["link"] and "://" in target:
            continue  # a web address: the public sources a document cites
        resolved = (document.parent / target).resolve()
        if not resolved.is_relative_to(REPOSITORY) or not resolved.exists():
            outside.append(target)
    assert not outside, outside
