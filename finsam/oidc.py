"""E-legitimation through OpenID Connect: BankID, Freja eID and Sweden Connect as brokers offer them.

The portal is a relying party. `begin` sends the user to the provider (authorization code flow with PKCE, a nonce
and a state kept in the session, a fresh identification: prompt=login, max_age=0); `complete` takes the answer,
exchanges the code, and verifies the ID token with joserfc (signature from the provider's JWKS, iss, aud, exp, nonce,
and the level of assurance, acr). The caller then compares the identity number. Every refusal is an `Refused` with a
Swedish message for the user; nothing here writes to the database.

Providers are configured in FINSAM_OIDC_PROVIDERS, a JSON list of objects:
  slug, name (shown: "BankID via Idura"), method ("BankID", "Freja eID"), discovery_url, client_id, client_secret,
  identity_claim (default "personal_identity_number"), acr_values (space-separated; the ID token's acr must be one),
  scope (default "openid"), binding_parameter (optional: the request parameter a provider shows in the app) and
  binding_template (its value: "{text}" by default, "{base64}" for the text base64-encoded, e.g. "message:{base64}"),
  acr_claim (default "acr": the claim of the ID token that carries the level),
  authorization_origin (optional: where its sign-in page is, when not on the discovery document's host).
"""

import base64
import json
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from authlib.oauth2.rfc7636 import create_s256_code_challenge
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _
from joserfc import errors as jose_errors
from joserfc import jwt
from joserfc.jwk import KeySet

from finsam import identity
from finsam.middleware import content_security_policy

SESSION_KEY = "finsam_oidc"
# Requests to one provider that may be open at once in a session (tabs, retries); the oldest are dropped.
KEPT_STATES = 5
TIMEOUT_SECONDS = 10
METADATA_SECONDS = 300
# The ID token's signature: public-key algorithms only (never "none", never a secret shared with the client).
SIGNATURE_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
_metadata_cache: dict[str, tuple[float, dict, KeySet]] = {}


class Refused(Exception):
    """The identification did not go through; the message is for the user, in Swedish."""


@dataclass(frozen=True)
class Provider:
    slug: str
    name: str
    method: str
    discovery_url: str
    client_id: str
    client_secret: str
    identity_claim: str = "personal_identity_number"
    acr_values: tuple[str, ...] = ()
    scope: str = "openid"
    binding_parameter: str = ""
    binding_template: str = "{text}"
    acr_claim: str = "acr"
    authorization_origin: str = ""

    @property
    def origins(self) -> list[str]:
        """Where the browser goes for it: the page that offers it must allow a form to lead there (CSP form-action)."""
        parts = urllib.parse.urlsplit(self.discovery_url)
        return [f"{parts.scheme}://{parts.netloc}", *([self.authorization_origin] if self.authorization_origin else [])]

    @classmethod
    def from_setting(cls, entry: dict) -> "Provider":
        try:
            return cls(
                slug=entry["slug"],
                name=entry.get("name") or entry["slug"],
                method=entry.get("method") or "e-legitimation",
                discovery_url=entry["discovery_url"],
                client_id=entry["client_id"],
                client_secret=entry.get("client_secret", ""),
                identity_claim=entry.get("identity_claim") or "personal_identity_number",
                acr_values=tuple((entry.get("acr_values") or "").split()),
                scope=entry.get("scope") or "openid",
                binding_parameter=entry.get("binding_parameter") or "",
                binding_template=entry.get("binding_template") or "{text}",
                acr_claim=entry.get("acr_claim") or "acr",
                authorization_origin=entry.get("authorization_origin") or "",
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ImproperlyConfigured(f"FINSAM_OIDC_PROVIDERS: an entry lacks {exc}") from exc


def allowing_forms_to(response, offered: list[Provider]):
    """The response with a Content-Security-Policy whose form-action lets its forms lead to the providers offered
    (browsers apply form-action to the redirect that follows a form, too)."""
    if offered:
        origins = sorted({origin for p in offered for origin in p.origins})
        response.headers["Content-Security-Policy"] = content_security_policy(form_actions=origins)
    return response


def providers() -> list[Provider]:
    return [Provider.from_setting(entry) for entry in settings.FINSAM_OIDC_PROVIDERS]


def provider(slug: str) -> Provider | None:
    return next((p for p in providers() if p.slug == slug), None)


def _fetch_json(url: str, data: dict | None = None, auth: tuple[str, str] | None = None) -> Any:
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"not an http(s) address: {url!r}")
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Accept": "application/json"})  # noqa: S310 (checked)
    if auth:
        token = base64.b64encode(":".join(urllib.parse.quote(part, safe="") for part in auth).encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (checked above)
        return json.load(response)


def _metadata(chosen: Provider) -> tuple[dict, KeySet]:
    """The provider's discovery document and keys, kept a few minutes; a provider that does not answer refuses."""
    cached = _metadata_cache.get(chosen.discovery_url)
    if cached and cached[0] > time.monotonic():
        return cached[1], cached[2]
    try:
        metadata = _fetch_json(chosen.discovery_url)
        keys = KeySet.import_key_set(_fetch_json(metadata["jwks_uri"]))
    except (OSError, ValueError, KeyError, jose_errors.JoseError) as exc:
        raise Refused(
            _("Det gick inte att nå %(provider)s just nu. Försök igen om en stund.") % {"provider": chosen.name}
        ) from exc
    _metadata_cache[chosen.discovery_url] = (time.monotonic() + METADATA_SECONDS, metadata, keys)
    return metadata, keys


def forget_metadata() -> None:
    """For tests and key rotation: the next request reads the discovery document and the JWKS again."""
    _metadata_cache.clear()


@dataclass
class Pending:
    """What the session remembers of one request sent to a provider."""

    state: str
    provider: str
    nonce: str
    verifier: str
    purpose: str
    data: dict = field(default_factory=dict)
    created: float = 0.0


def begin(request, chosen: Provider, *, purpose: str, redirect_uri: str, data: dict, binding_text: str = "") -> str:
    """The address to send the user to, with the request's secrets kept in the session."""
    metadata, _keys = _metadata(chosen)
    pending = Pending(
        state=secrets.token_urlsafe(32),
        provider=chosen.slug,
        nonce=secrets.token_urlsafe(32),
        verifier=secrets.token_urlsafe(48),
        purpose=purpose,
        data=data,
        created=time.time(),
    )
    states = request.session.get(SESSION_KEY, [])[-(KEPT_STATES - 1) :]
    request.session[SESSION_KEY] = [*states, pending.__dict__]
    parameters = {
        "response_type": "code",
        "client_id": chosen.client_id,
        "redirect_uri": redirect_uri,
        "scope": chosen.scope,
        "state": pending.state,
        "nonce": pending.nonce,
        "code_challenge": create_s256_code_challenge(pending.verifier),
        "code_challenge_method": "S256",
        "prompt": "login",
        "max_age": "0",
        "ui_locales": "sv",
    }
    if chosen.acr_values:
        parameters["acr_values"] = " ".join(chosen.acr_values)
    if chosen.binding_parameter and binding_text:
        encoded = base64.b64encode(binding_text.encode()).decode()
        parameters[chosen.binding_parameter] = chosen.binding_template.format(text=binding_text, base64=encoded)
    return f"{metadata['authorization_endpoint']}?{urllib.parse.urlencode(parameters)}"


def _take_pending(request, state: str) -> Pending:
    """The pending request of this state, removed from the session at once: a state is answered once."""
    states = request.session.get(SESSION_KEY, [])
    found = next((s for s in states if state and secrets.compare_digest(s["state"], state)), None)
    if found is None:
        raise Refused(_("Identifieringen är redan använd eller okänd. Börja om från sidan där du startade den."))
    request.session[SESSION_KEY] = [s for s in states if s is not found]
    pending = Pending(**found)
    if time.time() - pending.created > settings.FINSAM_OIDC_STATE_SECONDS:
        raise Refused(_("Identifieringen tog för lång tid. Börja om från sidan där du startade den."))
    return pending


@dataclass(frozen=True)
class Identified:
    pending: Pending
    provider: Provider
    number: identity.IdentityNumber
    acr: str
    id_token: str
    claims: dict


def complete(request, *, redirect_uri: str) -> Identified:
    """Verify the provider's answer in request.GET. Raises Refused; never records anything."""
    pending = _take_pending(request, request.GET.get("state", ""))
    chosen = provider(pending.provider)
    if chosen is None:
        raise Refused(_("Leverantören av e-legitimation finns inte längre i portalens inställningar."))
    if request.GET.get("error"):
        raise Refused(
            _("%(provider)s avbröt identifieringen (%(error)s). Inget är sparat; du kan försöka igen.")
            % {"provider": chosen.name, "error": request.GET["error"][:60]}
        )
    metadata, keys = _metadata(chosen)
    unreachable = _("Det gick inte att nå %(provider)s just nu. Försök igen om en stund.") % {"provider": chosen.name}
    try:
        tokens = _fetch_json(
            metadata["token_endpoint"],
            {
                "grant_type": "authorization_code",
                "code": request.GET.get("code", ""),
                "redirect_uri": redirect_uri,
                "code_verifier": pending.verifier,
            },
            auth=(chosen.client_id, chosen.client_secret),
        )
    except urllib.error.HTTPError as exc:
        raise Refused(
            _("%(provider)s godtog inte svaret (%(status)s). Inget är sparat; du kan försöka igen.")
            % {"provider": chosen.name, "status": exc.code}
        ) from exc
    except (OSError, ValueError) as exc:
        raise Refused(unreachable) from exc
    id_token = tokens.get("id_token", "") if isinstance(tokens, dict) else ""
    claims = _verified_claims(chosen, metadata, keys, id_token, pending.nonce)
    try:
        number = identity.parse(str(claims.get(chosen.identity_claim, "")))
    except ValidationError as exc:
        raise Refused(_("%(provider)s skickade inget giltigt personnummer.") % {"provider": chosen.name}) from exc
    return Identified(pending, chosen, number, str(claims.get(chosen.acr_claim, "")), id_token, claims)


def _verified_claims(chosen: Provider, metadata: dict, keys: KeySet, id_token: str, nonce: str) -> dict:
    not_verified = _("Svaret från %(provider)s kunde inte verifieras. Inget är sparat.") % {"provider": chosen.name}
    try:
        offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
        token = jwt.decode(id_token, keys, algorithms=[a for a in offered if a in SIGNATURE_ALGORITHMS])
        jwt.JWTClaimsRegistry(
            leeway=30,
            iss={"essential": True, "value": metadata["issuer"]},
            aud={"essential": True, "value": chosen.client_id},
            exp={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(token.claims)
    except (jose_errors.JoseError, ValueError, KeyError, TypeError) as exc:
        raise Refused(not_verified) from exc
    claims = token.claims
    if chosen.acr_values and claims.get(chosen.acr_claim) not in chosen.acr_values:
        raise Refused(
            _("Identifieringen gjordes med för låg tillitsnivå (%(acr)s). Det krävs %(required)s.")
            % {"acr": claims.get(chosen.acr_claim) or "–", "required": f" {_('eller')} ".join(chosen.acr_values)}
        )
    return claims
