"""The simulated people of a working day, as locust users: secretaries writing §§ (the editor's autosave), signers
justering protocols, chairs searching the decision register and exporting it, and the public reading the notice
board, the Atom feed and the open-data API. Each logs in as a browser does (allauth's form, the production password
hasher) and pauses between actions as a person does.

Every request has a name (its kind in the report); a response other than the one the browser expects counts as an
error, whatever its status code. Which account, § or protocol each user takes comes from the data set's manifest
(loadtest/dataset.py), handed over with `configure`.
"""

import itertools
import random
import re

from locust import HttpUser, between, task
from requests.adapters import HTTPAdapter

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PLAN: dict = {}  # the manifest: set by configure() before the first user starts
# The version each § was last saved at, by slot: a user that takes over a slot (another phase) builds on it.
VERSIONS: dict[int, int] = {}
_counters: dict[str, itertools.count] = {}
_ready = {"users": 0}  # users that have logged in and opened their first page


def ready():
    """How many users have finished starting (the runner measures only once all of a step's have)."""
    return _ready["users"]


def configure(manifest):
    """Hand the users their data set; start every pool of accounts and §§ from its first slot again (the versions
    saved so far stay: a § taken up again in the next phase builds on them)."""
    if manifest != PLAN:
        VERSIONS.clear()
    PLAN.clear()
    PLAN.update(manifest)
    _counters.clear()
    _ready["users"] = 0


def next_slot(pool, start=0):
    """The next free slot of a pool (each simulated user takes its own account, § or signer)."""
    counter = _counters.setdefault(pool, itertools.count(start))
    return next(counter)


class FromAddress(HTTPAdapter):
    """Connections from a loopback address of one's own (127.0.x.y reaches 127.0.0.1): the portal sees each simulated
    user as its own client, as it sees people at their own computers. Its per-address limits (30 logins a minute,
    the open-data API's requests a minute) then apply per user, as in production, not to the whole crowd."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


class Visitor(HttpUser):
    abstract = True

    def on_start(self):
        number = next_slot("addresses")
        self.client.mount("http://", FromAddress(f"127.0.{1 + number // 250}.{1 + number % 250}"))


class Person(Visitor):
    """A signed-in user: logs in through the login form at the start, as the browser does."""

    abstract = True
    email = ""

    def csrf_token(self):
        return self.client.cookies.get("csrftoken", "")

    def expect(self, method, url, name, status=200, **kwargs):
        """One request; an error unless it answers `status` (a redirect is not followed, so it can be checked)."""
        kwargs.setdefault("allow_redirects", False)
        if method == "POST":
            headers = kwargs.setdefault("headers", {})
            headers.setdefault("X-CSRFToken", self.csrf_token())
            headers.setdefault("Referer", self.host + url)
        with self.client.request(method, url, name=name, catch_response=True, **kwargs) as response:
            if response.status_code != status:
                response.failure(f"{name}: {response.status_code}, expected {status}")
            else:
                response.success()
            return response

    def log_in(self):
        page = self.expect("GET", "/accounts/login/", "login page")
        token = CSRF_FIELD.search(page.text or "")
        data = {
            "login": self.email,
            "password": PLAN["password"],
            "csrfmiddlewaretoken": token.group(1) if token else "",
        }
        self.expect("POST", "/accounts/login/", "login", status=302, data=data)


class Secretary(Person):
    """Writes the text of one § in the editor; it autosaves a moment after typing stops."""

    weight = 3
    wait_time = between(2, 6)
    pool, first_slot = "editors", 0

    def on_start(self):
        super().on_start()
        self.slot = next_slot(self.pool, self.first_slot) % len(PLAN["editors"])
        self.item = PLAN["editors"][self.slot]
        self.email = self.item["email"]
        self.saves = 0
        self.log_in()
        self.open_meeting()
        _ready["users"] += 1

    def open_meeting(self):
        self.expect("GET", f"/moten/{self.item['meeting']}/", "meeting page (editor)")

    @task(12)
    def autosave(self):
        self.saves += 1
        url = f"/moten/{self.item['meeting']}/paragrafer/{self.item['item']}/text/"
        text = "".join(
            f"<p>Stycke {n}: förbundschefen redogjorde för läget i insatserna och för samverkan med medlemmarna.</p>"
            for n in range(1 + self.saves % 6)
        )
        data = {"heading": self.item["heading"], "text": text, "version": VERSIONS.get(self.slot, 1)}
        response = self.expect("POST", url, "autosave", data=data, headers={"X-Requested-With": "fetch"})
        if response.status_code == 200:
            VERSIONS[self.slot] = response.json()["version"]

    @task(1)
    def reopen(self):
        self.open_meeting()


class Editor(Secretary):
    """A secretary typing steadily, for the autosave measurement at 50 editors: only the § and its autosave."""

    wait_time = between(1, 3)
    tasks = [Secretary.autosave]

    def on_start(self):
        # The second half of the §§: not those the day's secretaries had.
        _counters.setdefault(self.pool, itertools.count(len(PLAN["editors"]) // 2))
        super().on_start()


class Signer(Person):
    """Justerar the protocols sent to them, one after the other: reads the justering page, then signs (asked for
    the password again once the sign-in is more than five minutes old)."""

    weight = 1
    wait_time = between(3, 8)

    def on_start(self):
        super().on_start()
        signer = PLAN["signers"][next_slot("signers") % len(PLAN["signers"])]
        self.email = signer["email"]
        self.waiting = list(signer["meetings"])
        self.done = []
        self.log_in()
        _ready["users"] += 1

    @task
    def justera(self):
        if not self.waiting:  # all signed: look at one again, as a signer checks the PDF is there
            self.expect("GET", f"/moten/{random.choice(self.done)}/justering/", "justering page")
            return
        meeting = self.waiting[0]
        self.expect("GET", f"/moten/{meeting}/justering/", "justering page")
        url = f"/moten/{meeting}/justering/signera/"
        with self.client.get(url, name="sign page", catch_response=True, allow_redirects=False) as page:
            reauthenticate = page.status_code == 302 and "reauthenticate" in page.headers.get("Location", "")
            if page.status_code != 200 and not reauthenticate:
                page.failure(f"sign page: {page.status_code}")
                return
            page.success()
        if reauthenticate:
            data = {"password": PLAN["password"]}
            self.expect("POST", page.headers["Location"], "reauthenticate", status=302, data=data)
            self.expect("GET", url, "sign page")
        self.expect("POST", url, "sign", status=302, data={"revision": 1})
        self.done.append(self.waiting.pop(0))


class Chair(Person):
    """Looks up earlier decisions in the register, turns a page, exports a result now and then."""

    weight = 1
    wait_time = between(4, 12)

    def on_start(self):
        super().on_start()
        self.email = PLAN["chairs"][next_slot("chairs") % len(PLAN["chairs"])]
        self.log_in()
        _ready["users"] += 1

    def term(self):
        return random.choice(PLAN["search_terms"])

    @task(6)
    def search(self):
        self.expect("GET", "/beslut/", "register search", params={"q": self.term()})

    @task(2)
    def next_page(self):
        self.expect("GET", "/beslut/", "register page 2", params={"q": self.term(), "sida": 2})

    @task(1)
    def export_csv(self):
        self.expect("GET", "/beslut/export.csv", "export csv", params={"q": self.term()})

    @task(1)
    def export_xlsx(self):
        self.expect("GET", "/beslut/export.xlsx", "export xlsx", params={"q": self.term()})


class Public(Visitor):
    """Anyone: the notice board, its feed, and the open-data API (as a journalist's script or a municipality's site
    would read it). Not signed in."""

    weight = 5
    wait_time = between(3, 10)

    def on_start(self):
        super().on_start()
        _ready["users"] += 1

    def get(self, url, name):
        with self.client.get(url, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"{name}: {response.status_code}")

    def federation(self):
        return random.choice(PLAN["federations"])

    @task(4)
    def anslagstavla(self):
        self.get("/anslagstavla/", "notice board")

    @task(1)
    def feed(self):
        self.get("/anslagstavla/atom/", "notice board atom")

    @task(2)
    def api_meetings(self):
        self.get(f"/api/oparl/v1/body/{self.federation()}/meeting/", "api meeting list")

    @task(1)
    def api_items(self):
        self.get(f"/api/oparl/v1/body/{self.federation()}/agendaitem/", "api agendaitem list")

    @task(2)
    def api_meeting(self):
        self.get(f"/api/oparl/v1/meeting/{random.choice(PLAN['api_meetings'])}/", "api meeting")
