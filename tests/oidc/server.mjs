// A real OpenID Connect provider for the e-legitimation tests (the npm package oidc-provider), configured the way a
// BankID/Freja broker answers a relying party: discovery, JWKS, authorization code flow with PKCE, an `acr` claim
// and the personal identity number as a claim of the ID token. Nothing in the portal's process stands in for it.
//
// Its one page, /interaction/:uid, is what the person would do in the BankID app: it shows the text the portal
// asked to be shown (binding_message) and takes the identity number and the level of assurance to answer with, or
// a cancel. Tests drive it with a browser (tests/e2e) or with plain HTTP requests (tests/eid/provider.py).
//
// Environment: PORT, and OIDC_TEST_CLIENTS, a JSON list of {client_id, client_secret, redirect_uris}.
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const clients = JSON.parse(process.env.OIDC_TEST_CLIENTS || "[]").map((client) => ({
  grant_types: ["authorization_code"],
  response_types: ["code"],
  token_endpoint_auth_method: "client_secret_basic",
  ...client,
}));

const provider = new Provider(issuer, {
  clients,
  pkce: { required: () => true },
  acrValues: ["urn:finsam:test:loa2", "urn:finsam:test:loa3"],
  claims: { openid: ["sub", "personal_identity_number"] },
  // Like the brokers: the identity number is in the ID token itself, not only behind the userinfo endpoint.
  conformIdTokenClaims: false,
  extraParams: ["binding_message"],
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ["finsam-test-provider-only"] },
  findAccount: async (ctx, sub) => ({
    accountId: sub,
    claims: async () => ({ sub, personal_identity_number: sub }),
  }),
  renderError: async (ctx, out) => {
    ctx.type = "html";
    ctx.body = `<!doctype html><title>Fel</title><h1>Fel</h1><pre>${escape(JSON.stringify(out))}</pre>`;
  },
});
provider.proxy = false;

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function form(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("interaction mismatch");
  const { prompt, params } = details;
  if (prompt.name === "consent") {
    // The broker's agreement with the relying party stands in for the person's consent.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    grant.addOIDCScope(params.scope);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (action === "login") {
    const fields = await form(req);
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: fields.personnummer, acr: fields.acr, amr: ["bankid"] } },
      { mergeWithLastSubmission: false },
    );
  }
  if (action === "abort") {
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "Användaren avbröt" },
      { mergeWithLastSubmission: false },
    );
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="sv"><title>Test-BankID</title>
<h1>Test-BankID</h1>
<p id="binding">${escape(params.binding_message || "")}</p>
<p id="locale">${escape(params.ui_locales || "")}</p>
<form method="post" action="/interaction/${uid}/login">
  <label>Personnummer <input name="personnummer" autocomplete="off"></label>
  <label>Tillitsnivå <select name="acr"><option>urn:finsam:test:loa3</option><option>urn:finsam:test:loa2</option></select></label>
  <button type="submit">Legitimera</button>
</form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Avbryt</button></form>`);
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/(login|abort))?/.exec(req.url);
  if (!match) return callback(req, res);
  try {
    await interaction(req, res, match[1], match[2]);
  } catch (error) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end(String(error));
  }
});
server.listen(port, "127.0.0.1", () => console.log(`oidc-provider listening on ${issuer}`));
