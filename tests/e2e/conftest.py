"""Browser tests: Python Playwright driving Debian's chromium against pytest-django's live server."""

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE", timezone_id="Europe/Stockholm")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def new_page(browser, live_server):
    """A factory for more browser contexts (two people at once)."""
    contexts = []

    def make():
        context = browser.new_context(base_url=live_server.url, locale="sv-SE", timezone_id="Europe/Stockholm")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()


def sign_in(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state("networkidle")


_axe = Axe()


def assert_accessible(page):
    """Zero axe-core violations at WCAG 2.1 AA on the current page."""
    results = _axe.run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert results.violations_count == 0, "\n".join(
        [page.url] + [f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})" for v in violations]
    )
