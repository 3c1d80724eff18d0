/* Site-wide behaviour that needs no inline script (the Content-Security-Policy allows none):
   a form with data-confirm asks before it is sent; a form sent back with errors puts the focus on its summary,
   so a screen reader says what went wrong and the keyboard is where the links to the fields are. An action refused
   after a redirect (a comment left empty, a deadline missing) does the same with its message: without it the page
   came back scrolled to the § it was sent from, the message out of sight at the top and unread (a live region
   present on load is not announced). A form with data-keep-draft keeps what is typed in the browser until the
   server has taken it; a draft put back in its form can be thrown away ("Släng utkastet"). */

const DRAFT_PREFIX = "finsam:form:";
const SENT_KEY = "finsam:forms-sent";

/* A draft is its writer's: on a computer people share, the next one to sign in (another signer of the same
   protocol) never finds it in their form; the writer finds it when they sign in again. */
function draftOwner() {
  return document.body.getAttribute("data-draft-owner") || "";
}

function draftKey(form) {
  return DRAFT_PREFIX + draftOwner() + "|" + window.location.pathname + "|" + (form.getAttribute("action") || "");
}

/* The fields a person fills in (and the version a conflict is detected by); never the CSRF token, a password or
   a file. */
function draftFields(form) {
  return Array.from(form.elements).filter(function (field) {
    if (!field.name || field.name === "csrfmiddlewaretoken") return false;
    return !["password", "file", "submit", "button", "reset"].includes(field.type);
  });
}

function formValues(form) {
  const values = {};
  draftFields(form).forEach(function (field) {
    let value;
    if (field.type === "checkbox" || field.type === "radio") {
      value = field.checked;
    } else if (field.multiple) {
      value = Array.from(field.selectedOptions).map((option) => option.value);
    } else {
      value = field.value;
    }
    values[fieldKey(field)] = value;
  });
  return values;
}

function fieldKey(field) {
  return field.type === "checkbox" || field.type === "radio" ? field.name + "=" + field.value : field.name;
}

function readJSON(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) || "null");
  } catch (e) {
    return null;
  }
}

function keepDraft(form) {
  try {
    localStorage.setItem(draftKey(form), JSON.stringify(formValues(form)));
  } catch (e) {
    /* storage full or disabled: the form is all there is */
  }
}

function sameValues(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/* What was typed, without the form's one-time token (data-form-token): a new one comes with every page, so the
   token alone never makes a draft worth putting back. When a draft is put back, its token goes back with it: the
   draft may be of a form the server already took (the answer was lost), and sent again it is known as that form. */
function typedValues(form, values) {
  const typed = Object.assign({}, values);
  form.querySelectorAll("[data-form-token]").forEach(function (field) {
    delete typed[fieldKey(field)];
  });
  return typed;
}

function fillForm(form, values) {
  draftFields(form).forEach(function (field) {
    const key = fieldKey(field);
    if (!(key in values)) return;
    if (field.type === "checkbox" || field.type === "radio") {
      field.checked = Boolean(values[key]);
    } else if (field.multiple) {
      Array.from(field.options).forEach(function (option) {
        option.selected = values[key].includes(option.value);
      });
    } else {
      field.value = values[key];
    }
  });
}

/* Put a kept draft back in its form: after the session expired (the sign-in page took the POST and gave back an
   empty form), after the network dropped on sending, after the tab was closed. A notice says so, with a button to
   throw the draft away. */
function restoreDraft(form) {
  const draft = readJSON(localStorage, draftKey(form));
  if (!draft) return;
  const server = formValues(form);
  if (sameValues(typedValues(form, draft), typedValues(form, server))) return;
  fillForm(form, draft);
  const notice = document.getElementById("draft-restored");
  if (notice) {
    const message = notice.content.firstElementChild.cloneNode(true);
    offerDiscard(form, message, server);
    form.prepend(message);
  }
  const details = form.closest("details");
  if (details) details.open = true;
}

/* "Släng utkastet": after asking, the draft is forgotten and the form shows again what the server sent; the focus
   goes to the form's first field, where the keyboard was going. Two forms of one page may be put back at once (the
   decision and a reservation on the decision's page, an uppdrag and a new § on the meeting's): each button takes
   the words a screen reader hears after "Släng utkastet" from its own form (formName), so that they are told
   apart. */
function offerDiscard(form, message, server) {
  const button = message.querySelector("[data-discard-draft]");
  if (!button) return;
  button.append(formName(form));
  button.addEventListener("click", function () {
    if (button.dataset.question && !window.confirm(button.dataset.question)) return;
    try {
      localStorage.removeItem(draftKey(form));
    } catch (e) {
      /* storage disabled: nothing is kept */
    }
    fillForm(form, server);
    message.remove();
    const first = draftFields(form).find((field) => field.type !== "hidden" && field.getClientRects().length);
    if (first) first.focus();
  });
}

/* The words that say which form it is, in the page's own (translated) words, as a span a screen reader reads and
   the eye does not see (" – Nytt uppdrag – § 3 Budget", the way {% item_name %} names a §): the legend of the
   fieldset around the form's button ("Nytt uppdrag"), else the summary of the <details> it is folded in
   ("Rättelse – § 3 Budget"), else the heading that names the region it stands in ("Reservationer", "Nytt ärende"),
   else the page's heading ("Beslut under § 3 Budget"). Then the § its own button acts on (" – § 3 Budget", from
   {% item_name %}) where those words do not say it already. The words are copies, with the spans the editor renews
   when a § gets another number or heading (data-item-label, data-item-heading); ids are not copied. */
function formName(form) {
  const submit = form.querySelector("button[type=submit], button:not([type])");
  const whole = submit && submit.closest("fieldset"); // the fieldset around the form's own button, not a field's
  const details = form.closest("details");
  const region = form.closest("[aria-labelledby]");
  const sources = [
    whole && form.contains(whole) && whole.querySelector(":scope > legend"),
    details && details.querySelector(":scope > summary"),
    region && document.getElementById(region.getAttribute("aria-labelledby")),
    document.querySelector("main h1"),
  ];
  const source = sources.find((element) => element && words(element));
  const name = document.createElement("span");
  name.className = "visually-hidden";
  if (source) {
    name.append(" – ");
    source.childNodes.forEach((node) => name.append(node.cloneNode(true)));
  }
  const context = submit && submit.querySelector(".visually-hidden");
  if (context && !words(name).includes(words(context).replace(/^[–:]\s*/, ""))) {
    name.append(context.cloneNode(true));
  }
  name.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
  return name;
}

function words(element) {
  return element.textContent.replace(/\s+/g, " ").trim();
}

/* The forms sent from the page before this one. When the answer is a page without an error and without the
   sign-in form, the server took them: their drafts go. Otherwise (signed out, refused) the drafts stay and fill
   the forms again. A page come back to (back, reload) was not an answer. */
function settleSentDrafts() {
  const sent = readJSON(sessionStorage, SENT_KEY) || [];
  sessionStorage.removeItem(SENT_KEY);
  const navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  if (!sent.length || (navigation && navigation.type !== "navigate")) return;
  const signIn = window.location.pathname.startsWith("/accounts/"); // sign-in, or signing in again with MFA
  const refused = document.querySelector(".message.error, [data-error-summary], .errorlist, [data-refused]");
  if (signIn || refused) return;
  sent.forEach(function (key) {
    localStorage.removeItem(key);
  });
}

document.addEventListener("DOMContentLoaded", function () {
  try {
    settleSentDrafts();
    document.querySelectorAll("form[data-keep-draft]").forEach(restoreDraft);
  } catch (e) {
    /* storage disabled: nothing was kept */
  }
  const summary = document.querySelector("[data-error-summary]") || document.querySelector("[data-refused]");
  if (summary) {
    summary.focus();
  }
});

["input", "change"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    const form = event.target.form;
    if (form && form.hasAttribute("data-keep-draft")) keepDraft(form);
  });
});

document.addEventListener("submit", function (event) {
  const form = event.target;
  const question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  if (event.defaultPrevented) return;
  if (form.hasAttribute("data-keep-draft")) {
    try {
      keepDraft(form);
      const sent = readJSON(sessionStorage, SENT_KEY) || [];
      sent.push(draftKey(form));
      sessionStorage.setItem(SENT_KEY, JSON.stringify(sent));
    } catch (e) {
      /* storage disabled */
    }
  }
});
