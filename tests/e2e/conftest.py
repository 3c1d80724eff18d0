"""Browser tests: Python Playwright driving Debian's chromium against pytest-django's live server."""

import shutil
import threading
import time

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
    _requests_finished()


def _requests_finished(seconds=15):
    """Wait until the live server has answered every request the closed pages sent: an autosave still in its
    transaction when the test database is flushed deadlocks the flush (the server's row locks against TRUNCATE). The
    live server answers each request in a thread of its own (socketserver's process_request_thread)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(thread.name.endswith("(process_request_thread)") for thread in threading.enumerate()):
            return
        time.sleep(0.05)


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
    _requests_finished()


def sign_in(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state("networkidle")


_axe = Axe()


# Links, and buttons, of the page by their accessible name (axe-core's own computation, loaded by the run above), each
# name with the different things it does: where a link leads; where a button posts, with its value and the form's
# hidden fields. The content of closed <details> is counted (opened for the count, closed again). A name that does
# two things, as "Avsluta" on every row of a table, tells a screen reader's list of links and buttons nothing: axe
# leaves it to review (identical-links-same-purpose, links only), so the check is ours (WCAG 2.4.4, 2.4.6).
SAME_NAME_OTHER_PURPOSE = """() => {
  const closed = Array.from(document.querySelectorAll("details:not([open])"));
  closed.forEach((details) => { details.open = true; });
  axe.setup(document);
  const named = {};
  const shown = (element) => element.getClientRects().length > 0;
  document.querySelectorAll("a[href], button, input[type=submit], input[type=button]").forEach((element) => {
    if (!shown(element) || element.disabled) return;
    const name = axe.commons.text.accessibleText(element).replace(/\\s+/g, " ").trim().toLowerCase();
    let purpose = "";
    if (element.tagName === "A") {
      purpose = element.href;
    } else if (element.form) {
      const hidden = Array.from(element.form.querySelectorAll("input[type=hidden]"))
        .filter((input) => input.name !== "csrfmiddlewaretoken")
        .map((input) => input.name + "=" + input.value);
      const action = element.getAttribute("formaction") || element.form.action;
      purpose = [action, element.name + "=" + element.value, ...hidden].join(" ");
    }
    if (!purpose) return; // a button of a script (the editor's toolbar) acts where it stands
    const key = (element.tagName === "A" ? "link " : "button ") + '"' + name + '"'; // listed apart by a reader
    named[key] = named[key] || [];
    if (!named[key].includes(purpose)) named[key].push(purpose);
  });
  axe.teardown();
  closed.forEach((details) => { details.open = false; });
  return Object.entries(named)
    .filter(([, purposes]) => purposes.length > 1)
    .map(([key, purposes]) => `${key} does ${purposes.length} things: ${purposes.slice(0, 2).join(" | ")}`);
}"""


def assert_accessible(page):
    """Zero axe-core violations at WCAG 2.1 AA on the current page, and no link or button name that does two things."""
    results = _axe.run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert results.violations_count == 0, "\n".join(
        [page.url] + [f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})" for v in violations]
    )
    ambiguous = page.evaluate(SAME_NAME_OTHER_PURPOSE)
    assert not ambiguous, "\n".join([page.url, *ambiguous])
