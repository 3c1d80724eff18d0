"""The layout is the architecture: these tests read the imports of every module and keep the rooms apart."""

import ast
import importlib.metadata
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PACKAGES = ("finsam", "federations", "meetings", "demo", "tools", "loadtest")
# Development tools beside the portal: they may import what requirements-dev.txt pins, and the portal never imports
# them (only tools/bench's commands, themselves installed only in development, reach loadtest's data set).
DEVELOPMENT_PACKAGES = ("tools", "loadtest")
JOBS = ("drafting", "justering", "anslag", "register", "importing")
# The rooms of meetings/ in the order they depend on one another, lowest first. A module imports its own room, the
# rooms of its own step or those of an earlier step, never a later one: pieces two jobs share move down to a neutral
# room (printing, calendar) rather than one job reaching into the other. Below all of meetings/ lie federations/ and,
# lowest, finsam/ (the project's plumbing), which imports neither app.
MEETINGS_ORDER = (
    ("models", "lookups"),
    ("permissions", "guards", "sanitize", "text_diff"),
    ("printing", "calendar", "feed_links"),
    ("outbox",),
    ("register",),
    ("drafting",),
    ("justering",),
    ("anslag",),
    ("importing", "opendata", "home", "operations"),
    ("tasks", "management", "urls", "admin", "apps", "templatetags"),
)
STEP = {room: step for step, rooms in enumerate(MEETINGS_ORDER) for room in rooms}
ORDER = "finsam → federations → meetings: " + " → ".join(", ".join(rooms) for rooms in MEETINGS_ORDER)


def modules(package):
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imports(path):
    """(module imported, is it inside a function) for every import of the file, relative ones made absolute."""
    tree = ast.parse(path.read_text())
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    nested = {id(node) for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef)
              for node in ast.walk(fn) if node is not fn}  # fmt: skip
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            yield name, id(node) in nested


def test_the_register_knows_nothing_of_meetings():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules("federations")
        for name, _nested in imports(path)
        if name == "meetings" or name.startswith(("meetings.", "demo"))
    ]
    assert offenders == []


def room(module):
    """The room of meetings/ a dotted module name lies in ("drafting" for meetings.drafting.ics), or None."""
    parts = module.split(".")
    return parts[1] if parts[0] == "meetings" and len(parts) > 1 else None


def room_of_file(path):
    return room(".".join(path.relative_to(ROOT).with_suffix("").parts))


def test_every_room_of_meetings_has_its_place_in_the_order():
    rooms = {room_of_file(path) for path in modules("meetings")} - {"__init__"}
    assert sorted(rooms - set(STEP)) == [], f"Give each new room its place in the order: {ORDER}"


def test_no_room_of_meetings_imports_a_room_later_in_the_order():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}: {room(name)} comes after {room_of_file(path)}"
        for path in modules("meetings")
        if room_of_file(path) in STEP
        for name, nested in imports(path)
        if not nested and STEP.get(room(name), -1) > STEP[room_of_file(path)]
    ]
    assert offenders == [], f"The rooms depend one way: {ORDER}"


def test_finsam_imports_neither_app():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules("finsam")
        for name, _nested in imports(path)
        if name.split(".")[0] in ("federations", "meetings")
    ]
    assert offenders == [], f"finsam/ lies below every app: {ORDER}"


@pytest.mark.parametrize("job", JOBS)
def test_no_job_imports_another_jobs_views(job):
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules(f"meetings/{job}")
        for name, _nested in imports(path)
        if name.startswith("meetings.") and ".views" in name and not name.startswith(f"meetings.{job}.")
    ]
    assert offenders == []


def test_only_urls_and_app_configs_import_views():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for package in PROJECT_PACKAGES
        for path in modules(package)
        if path.name not in ("urls.py", "apps.py")
        for name, _nested in imports(path)
        if name.startswith(PROJECT_PACKAGES) and name.split(".")[-1] == "views" and "." in name
    ]
    assert offenders == []


def test_no_project_module_is_imported_inside_a_function_to_dodge_a_cycle():
    """Function-level imports are kept for app start-up (AppConfig.ready) only; heavy third-party libraries that
    a page may never need (pyHanko, python-docx) may still be loaded on first use."""
    offenders = [
        f"{path.relative_to(ROOT)} imports {name} inside a function"
        for package in PROJECT_PACKAGES
        for path in modules(package)
        if path.name != "apps.py"
        for name, nested in imports(path)
        if nested and name.split(".")[0] in PROJECT_PACKAGES
    ]
    assert offenders == []


def pinned(requirements):
    """Normalised names of the distributions a requirements file pins with ==."""
    names = set()
    for line in (ROOT / requirements).read_text().splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            names.add(line.split("==")[0].split("[")[0].lower().replace("_", "-"))
    return names


def test_every_library_the_code_imports_is_pinned_directly():
    """A library we import must not reach us only as someone else's dependency: its version would be left to them."""
    distributions = importlib.metadata.packages_distributions()
    runtime = pinned("requirements.txt")
    development = runtime | pinned("requirements-dev.txt")
    unpinned = set()
    for package in PROJECT_PACKAGES:
        allowed = development if package == "loadtest" else runtime
        for path in modules(package):
            for name, _nested in imports(path):
                top = name.split(".")[0]
                if not top or top in sys.stdlib_module_names or top in PROJECT_PACKAGES:
                    continue
                owners = {owner.lower().replace("_", "-") for owner in distributions.get(top, [top])}
                if not owners & allowed:
                    unpinned.add(f"{path.relative_to(ROOT)} imports {top} ({', '.join(sorted(owners))})")
    assert sorted(unpinned) == []


def test_the_portal_imports_no_development_tool():
    """The load test and the benchmarks are not shipped to run the portal: nothing the portal runs imports them."""
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for package in PROJECT_PACKAGES
        if package not in DEVELOPMENT_PACKAGES
        for path in modules(package)
        for name, _nested in imports(path)
        if name.split(".")[0] in DEVELOPMENT_PACKAGES
    ]
    assert offenders == []


def view_modules():
    yield from sorted(ROOT.glob("meetings/*/views.py"))
    yield from sorted(ROOT.glob("meetings/*/views/*.py"))  # a job whose views are a package by part of the page
    yield from (path for path in (ROOT / "federations/views.py",) if path.exists())


def catches_validation_error(handler):
    caught = handler.type
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught] if caught is not None else []
    return any(
        (isinstance(name, ast.Name) and name.id == "ValidationError")
        or (isinstance(name, ast.Attribute) and name.attr == "ValidationError")
        for name in names
    )


def test_views_show_a_refusal_only_through_finsam_web():
    """A service's refusal reaches the user one way: finsam.web's save_form, attempt or attempt_json."""
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno} catches ValidationError"
        for path in view_modules()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ExceptHandler) and catches_validation_error(node)
    ]
    assert offenders == []


def test_no_module_leans_on_a_librarys_internals():
    """allauth's `internal` packages may change in any release: signing reads the portal's own record of each
    authentication step (finsam.accounts) instead."""
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for package in PROJECT_PACKAGES
        for path in modules(package)
        for name, _nested in imports(path)
        if ".internal" in name and name.split(".")[0] not in PROJECT_PACKAGES
    ]
    assert offenders == []


# STYLE.md: a service module past ~450 lines becomes a package by aggregate (services/meeting.py, ...), so a reader
# finds a write by what it writes to (meetings/justering/services.py had grown to 483 lines, four jobs in one).
SERVICE_MODULE_LINES = 450


def test_no_service_module_is_past_the_size_where_it_becomes_a_package():
    found = [
        path
        for package in ("finsam", "federations", "meetings")
        for path in modules(package)
        if path.name == "services.py" or path.parent.name == "services"
    ]
    assert ROOT / "meetings" / "justering" / "services" / "signing.py" in found
    too_long = {
        str(path.relative_to(ROOT)): n
        for path in found
        if (n := len(path.read_text().splitlines())) > SERVICE_MODULE_LINES
    }
    assert too_long == {}


def test_no_module_of_the_portal_is_past_the_size_where_it_is_split():
    """Not only services: a module past ~450 lines is split along its seams (cleanup.py into page_marks.py,
    settings.py's reading of the environment into environment.py, the register's search into its parts)."""
    too_long = {
        str(path.relative_to(ROOT)): n
        for package in ("finsam", "federations", "meetings", "tools")
        for path in modules(package)
        if (n := len(path.read_text().splitlines())) > SERVICE_MODULE_LINES
    }
    assert too_long == {}
