"""The real OpenID Connect provider of tests/oidc (npm's oidc-provider), run as a process of its own on a port of
8800–8899, and a person at it: `identify` answers the provider's page with plain HTTP, as the BankID app would."""

import http.cookiejar
import json
import os
import re
import select
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import skip_unless

HERE = Path(__file__).resolve().parents[1] / "oidc"
PORTS = range(8850, 8900)
CLIENT_ID, CLIENT_SECRET = "finsam-test", "test-secret-only"
LOA3, LOA2 = "urn:finsam:test:loa3", "urn:finsam:test:loa2"


def _free_port():
    """A port of the range not in use, starting at a place of each xdist worker's own so that two rarely race."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    offset = (worker * 7) % len(PORTS)
    for port in [*PORTS[offset:], *PORTS[:offset]]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8850–8899 for the test OIDC provider")


@dataclass
class RunningProvider:
    url: str
    process: subprocess.Popen

    @property
    def discovery_url(self):
        return f"{self.url}/.well-known/openid-configuration"

    def setting(self, slug="bankid", **extra):
        """An entry of FINSAM_OIDC_PROVIDERS for this provider, as an installation would configure a broker."""
        return {
            "slug": slug,
            "name": "BankID via Testbroker",
            "method": "BankID",
            "discovery_url": self.discovery_url,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "identity_claim": "personal_identity_number",
            "acr_values": LOA3,
            "binding_parameter": "binding_message",
            **extra,
        }


def start(redirect_uris, attempts=5):
    """Start the provider (npm ci must have run: make test does it) and wait for its discovery document. A port
    taken between the probe and the provider's own bind (another test process) is tried again with another."""
    node = shutil.which("node")
    skip_unless(node is not None, "Node.js is not installed (make test installs it)")
    skip_unless((HERE / "node_modules" / "oidc-provider").is_dir(), "run `npm ci` in tests/oidc (make test does)")
    for attempt in range(attempts):
        try:
            return _start(node, redirect_uris)
        except PortTaken:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


class PortTaken(RuntimeError):
    pass


def _start(node, redirect_uris):
    port = _free_port()
    clients = [{"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": list(redirect_uris)}]
    env = {**os.environ, "PORT": str(port), "OIDC_TEST_CLIENTS": json.dumps(clients), "NODE_NO_WARNINGS": "1"}
    process = subprocess.Popen(  # noqa: S603 (our own script)
        [node, str(HERE / "server.mjs")], cwd=HERE, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    # Its own word that it listens (not an answer on the port, which could be another process's).
    ready, _writable, _errors = select.select([process.stdout], [], [], 20)
    line = process.stdout.readline().decode() if ready else ""
    if "listening" not in line:
        process.kill()
        error = process.stderr.read().decode()[-2000:]
        raise (PortTaken if "EADDRINUSE" in error else RuntimeError)(f"the test OIDC provider did not start: {error}")
    return RunningProvider(f"http://127.0.0.1:{port}", process)


def stop(running):
    running.process.terminate()
    try:
        running.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        running.process.kill()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def identify(authorize_url, *, personnummer, acr=LOA3, cancel=False, shown=None):
    """Go through the provider as the person would: open the request, answer its page with the number and level
    (or cancel), follow the provider's redirects, and return the address it sends back to the portal (path and
    query, for Django's test client). `shown`, a list, receives the text the provider displayed."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())
    provider_origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(authorize_url))
    url, data = authorize_url, None
    for _step in range(10):
        try:
            with opener.open(url, data=data, timeout=10) as response:
                page = response.read().decode()
        except urllib.error.HTTPError as redirect:
            if redirect.code not in (302, 303):
                raise AssertionError(f"the provider answered {redirect.code}: {redirect.read()[:500]!r}") from None
            url, data = urllib.parse.urljoin(url, redirect.headers["Location"]), None
            if not url.startswith(provider_origin):
                parts = urllib.parse.urlsplit(url)
                return f"{parts.path}?{parts.query}"
            continue
        if shown is not None:
            shown.append(re.search(r'<p id="binding">(.*?)</p>', page).group(1))
        action = re.search(r'action="([^"]*/%s)"' % ("abort" if cancel else "login"), page).group(1)
        url = urllib.parse.urljoin(url, action)
        data = urllib.parse.urlencode({"personnummer": personnummer, "acr": acr}).encode()
    raise AssertionError("the provider never sent the person back")
