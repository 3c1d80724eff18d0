/* The minutes editor: a ProseMirror editing surface (Tiptap, shipped as static files by django-prose-editor, no
   build step), autosave, a local copy until the server confirms, conflicts shown side by side.
   The schema keeps what secretaries use (paragraphs, bold, italic, lists, links, tables); everything else in typed
   or pasted HTML (Word's styles, classes, spans, comments, scripts) never enters the document. The server sanitises
   again with nh3. */
import {
  Bold,
  BulletList,
  Document,
  Editor as Tiptap,
  Extension,
  HardBreak,
  History,
  Italic,
  Link,
  ListItem,
  OrderedList,
  Paragraph,
  Table,
  TableCell,
  TableHeader,
  TableRow,
  Text,
} from "../django_prose_editor/editor.js";

const SAVE_DELAY_MS = 2000;
const RETRY_MS = 5000;
const SAFE_URL = /^(https?:|mailto:)/i;
const editors = [];

/* The words the editor shows, in the page's language (meetings/drafting/editor.py): the script holds none. */
const MESSAGES = JSON.parse(document.getElementById("editor-messages").textContent);

function message(key, values) {
  let text = MESSAGES[key];
  Object.entries(values || {}).forEach(function ([name, value]) {
    text = text.replace("%(" + name + ")s", value);
  });
  return text;
}

function csrfToken() {
  const input = document.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

const LOCAL_PREFIX = "finsam:item:";

/* Each tab keeps its own copy of a § ("finsam:item:<§>:<tab>"): two tabs with the same § open overwrote and
   removed one shared copy, and the unsaved sentence of the tab that closed first was lost. The tab's id lives in
   sessionStorage, so a reload finds its own copy. */
const TAB = (function () {
  try {
    let id = sessionStorage.getItem("finsam:tab");
    if (!id) {
      id = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
      sessionStorage.setItem("finsam:tab", id);
    }
    return id;
  } catch (e) {
    return "tab";
  }
})();

/* A copy is its writer's ("finsam:item:u7:12:abc"): on a computer people share, the next secretary to sign in does
   not find a colleague's unsaved text taken into their own editor and saved in their name. */
const OWNER = "u" + (document.body.getAttribute("data-draft-owner") || "");

function storageKey(id) {
  return LOCAL_PREFIX + OWNER + ":" + id + ":" + TAB;
}

/* The § a local copy's key is of, when the copy is this writer's ("finsam:item:u7:12:abc"), or from before copies
   had a writer ("finsam:item:12:abc", "finsam:item:12"); another writer's copy is of no § here. */
function itemOfKey(key) {
  if (!key || !key.startsWith(LOCAL_PREFIX)) return null;
  const parts = key.slice(LOCAL_PREFIX.length).split(":");
  if (!parts[0].startsWith("u")) return parts[0];
  return parts[0] === OWNER ? parts[1] : null;
}

function readCopy(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || "null");
  } catch (e) {
    return null;
  }
}

/* Every local copy of the § in this browser, whichever tab wrote it. */
function localCopies(id) {
  const found = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (itemOfKey(key) === String(id)) found.push(key);
  }
  return found.map((key) => ({ key: key, copy: readCopy(key) })).filter((entry) => entry.copy);
}

/* Forget this tab's copy once the server has exactly it. */
function forgetLocal(id, state) {
  const copy = readCopy(storageKey(id));
  if (copy && (copy.heading !== state.heading || copy.text !== state.text)) return;
  localStorage.removeItem(storageKey(id));
}

function timeNow() {
  return new Date().toLocaleTimeString(document.documentElement.lang || "sv", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/* Pasted HTML in a document of its own, where nothing runs or loads. Even an inert document reports its style
   attributes to the Content-Security-Policy: they are renamed first. */
function inertBody(html) {
  const doc = document.implementation.createHTMLDocument("");
  doc.body.innerHTML = html.replace(/(<[^<>]*?\s)style=/gi, "$1data-mso-style=");
  return doc.body;
}

/* Word (desktop) writes a list as paragraphs styled "mso-list" whose bullet or number is text in a span marked
   "mso-list:Ignore", and its level ("level2") in the style. Turn each run of them into real lists, a sub-point nested
   in the point above it, before ProseMirror parses the paste; ProseMirror then keeps only what the schema allows.
   A numbered list keeps how it numbers and where it starts, from its first marker ("a." → type a, "3." → start 3):
   flattened, a sub-point "a." became the next point and every later point's number moved on. */
function wordListsToLists(html) {
  if (!/mso-list/i.test(html)) return html;
  const body = inertBody(html);
  const doc = body.ownerDocument;
  let open = []; // the lists of the run being read, outermost first: { level, kind, element }
  Array.from(body.querySelectorAll("p")).forEach(function (p) {
    const style = p.getAttribute("data-mso-style") || "";
    if (!/mso-list:\s*l\d/i.test(style)) {
      open = [];
      return;
    }
    const levelMatch = /level(\d+)/i.exec(style);
    const level = levelMatch ? parseInt(levelMatch[1], 10) : 1;
    const marker = p.querySelector("[data-mso-style*='mso-list:Ignore' i]");
    const label = marker ? marker.textContent.replace(/\u00a0/g, " ").trim() : "";
    const number = /^\(?([0-9]+|[a-z]+)[.)]/i.exec(label);
    if (marker) marker.remove();
    const kind = number ? "OL" : "UL";
    if (open.length && p.previousElementSibling !== open[0].element) open = [];
    while (open.length && open[open.length - 1].level > level) open.pop();
    let list = open.length ? open[open.length - 1] : null;
    if (list && list.level === level && list.kind !== kind) {
      open.pop();
      list = null;
    }
    if (!list || list.level < level) {
      const element = doc.createElement(kind);
      if (number) numberLike(element, number[1]);
      if (list) {
        list.element.lastElementChild.append(element);
      } else {
        p.before(element);
        open = [];
      }
      list = { level: level, kind: kind, element: element };
      open.push(list);
    }
    const item = doc.createElement("li");
    item.append(...p.childNodes);
    list.element.append(item);
    p.remove();
  });
  return body.innerHTML;
}

/* A list numbered as Word numbered it: from its first marker, "a." is type a, "iv." type i starting at 4, "3." starts
   at 3. A lone "i"/"I" is a Roman one, as Word's lists a, b, c rarely start at i. */
function numberLike(list, first) {
  const roman = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };
  let type = "1";
  let start = 1;
  if (/^[0-9]+$/.test(first)) {
    start = parseInt(first, 10);
  } else if (roman[first.toLowerCase()]) {
    type = first === first.toLowerCase() ? "i" : "I";
    start = roman[first.toLowerCase()];
  } else if (first.length === 1) {
    type = first === first.toLowerCase() ? "a" : "A";
    start = first.toLowerCase().charCodeAt(0) - 96;
  }
  if (type !== "1") list.setAttribute("type", type);
  if (start > 1) list.setAttribute("start", String(start));
}

/* A table's head row marked only by <thead> (web pages, some spreadsheets) keeps its header cells: the schema knows
   header cells (<th>), not table sections. */
function headRowsToHeaderCells(html) {
  if (!/<thead/i.test(html)) return html;
  const body = inertBody(html);
  body.querySelectorAll("thead td").forEach(function (td) {
    const th = body.ownerDocument.createElement("th");
    ["colspan", "rowspan"].forEach(function (name) {
      if (td.hasAttribute(name)) th.setAttribute(name, td.getAttribute(name));
    });
    th.append(...td.childNodes);
    td.replaceWith(th);
  });
  return body.innerHTML;
}

/* Indentation the schema keeps as a paragraph's level (1 to 6, a class the server allows: meetings.sanitize). Word and
   Outlook indent by a left margin (36 pt, half an inch, 40 px a step), a mail client also by block quotes inside one
   another: each becomes levels, as leading spaces and tabs do on the server. Flattened, an indented point of a
   decision read as a paragraph of its own on every page and in the PDF. */
const MAX_INDENT = 6;
const PX_A_LEVEL = 40;
const PX_PER_UNIT = { px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, em: 16, rem: 16 };

function marginLevels(element) {
  const style = element.getAttribute("data-mso-style") || "";
  const found = /(?:^|;)\s*(?:margin|padding)-left\s*:\s*([0-9.]+)\s*(px|pt|pc|in|cm|mm|em|rem)/i.exec(style);
  if (!found) return 0;
  return Math.round((parseFloat(found[1]) * PX_PER_UNIT[found[2].toLowerCase()]) / PX_A_LEVEL);
}

function indentLevelOf(element) {
  const known = /\bindent-(\d)\b/.exec(element.getAttribute("class") || "");
  return known ? parseInt(known[1], 10) : 0;
}

function indentsToLevels(html) {
  if (!/margin-left|padding-left|<blockquote|indent-\d/i.test(html)) return html;
  const body = inertBody(html);
  // A block of text alone in an indented <div> (how Outlook and Gmail indent) is a paragraph to ProseMirror.
  body.querySelectorAll("div").forEach(function (div) {
    if (!div.querySelector("p, div, ul, ol, table, blockquote, h1, h2, h3, h4, h5, h6") && div.textContent.trim()) {
      const p = body.ownerDocument.createElement("p");
      Array.from(div.attributes).forEach((attribute) => p.setAttribute(attribute.name, attribute.value));
      p.append(...div.childNodes);
      div.replaceWith(p);
    }
  });
  body.querySelectorAll("p").forEach(function (p) {
    let level = indentLevelOf(p);
    for (let node = p; node && node !== body; node = node.parentElement) {
      level += marginLevels(node) + (node.tagName === "BLOCKQUOTE" ? 1 : 0);
      if (node.tagName === "LI" || node.tagName === "TD" || node.tagName === "TH") break; // a list indents itself
    }
    p.removeAttribute("class");
    if (level > 0) p.setAttribute("class", "indent-" + Math.min(level, MAX_INDENT));
  });
  return body.innerHTML;
}

function cleanPastedHTML(html) {
  return headRowsToHeaderCells(indentsToLevels(wordListsToLists(html)));
}

/* A paragraph's indent level, read from and written as the class the server keeps. */
const IndentedParagraph = Paragraph.extend({
  addAttributes: () => ({
    indent: {
      default: 0,
      parseHTML: (element) => Math.min(indentLevelOf(element), MAX_INDENT),
      renderHTML: (attributes) => (attributes.indent > 0 ? { class: "indent-" + attributes.indent } : {}),
    },
  }),
});

/* A cell keeps its span and nothing else: a pasted column width or alignment would be a style the server drops.
   colwidth stays in the schema (prosemirror-tables reads it) but is never read from a paste nor written out. */
const spanOnly = {
  addAttributes: () => ({
    colspan: { default: 1 },
    rowspan: { default: 1 },
    colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
  }),
};

/* The toolbar's buttons: what each does to the document, and whether it shows as pressed where the caret is. */
const COMMANDS = {
  bold: { run: (chain) => chain.toggleBold(), active: "bold" },
  italic: { run: (chain) => chain.toggleItalic(), active: "italic" },
  insertUnorderedList: { run: (chain) => chain.toggleBulletList(), active: "bulletList" },
  insertOrderedList: { run: (chain) => chain.toggleOrderedList(), active: "orderedList" },
  createLink: { run: null, active: "link" },
};

/* What the document may hold (see the top of the file). `editor` gets Ctrl+K; a read-only view passes null. */
function extensions(editor) {
  return [
    Document,
    IndentedParagraph,
    Text,
    HardBreak,
    History,
    Bold,
    Italic,
    BulletList,
    OrderedList,
    ListItem,
    // A pasted table stays a table (its cells ran together as one paragraph without it). Tab moves between cells.
    Table,
    TableRow,
    TableHeader.extend(spanOnly),
    TableCell.extend(spanOnly),
    Extension.create({
      name: "finsamLinkKey",
      addKeyboardShortcuts: () => ({
        "Mod-k": function () {
          if (editor) editor.link();
          return true;
        },
      }),
    }),
    // The bundle's Link opens its own dialog (in English only) on Ctrl+K; ours asks in the page's language (above).
    Link.extend({ addKeyboardShortcuts: () => ({}) }).configure({
      openOnClick: false,
      autolink: false,
      protocols: ["mailto"],
      HTMLAttributes: { target: null, rel: "noopener noreferrer" },
      isAllowedUri: (url) => SAFE_URL.test(url),
    }),
  ];
}

function Editor(root) {
  const self = this;
  this.root = root;
  this.id = root.dataset.itemId;
  this.url = root.dataset.saveUrl;
  this.version = parseInt(root.dataset.version, 10);
  this.heading = root.querySelector("[data-heading]");
  this.body = root.querySelector("[data-body]");
  this.status = root.querySelector("[data-status]");
  this.conflict = root.querySelector("[data-conflict]");
  const initial = this.body.innerHTML; // the stored, sanitised HTML, rendered for a reader without JavaScript
  const label = this.body.dataset.labelledby;
  const surfaceId = this.body.id + "-surface";
  this.body.textContent = "";
  this.tiptap = new Tiptap({
    element: this.body,
    content: initial,
    injectCSS: false, // the Content-Security-Policy allows no inline <style>: portal.css has the rules
    extensions: extensions(self),
    editorProps: {
      transformPastedHTML: cleanPastedHTML,
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": label,
        id: surfaceId,
      },
    },
  });
  const toolbar = root.querySelector("[role=toolbar]");
  if (toolbar) toolbar.setAttribute("aria-controls", surfaceId);
  this.saved = { heading: this.heading.value, text: this.html() };
  this.timer = null;
  this.inFlight = false;
  this.again = false;
  this.bind();
  this.restoreLocal();
  this.showPressed();
  this.tiptap.on("transaction", function () {
    self.showPressed();
  });
}

/* The document as the HTML the server stores: one <p> per paragraph, an empty document as "". */
Editor.prototype.html = function () {
  return this.tiptap.isEmpty ? "" : this.tiptap.getHTML();
};

Editor.prototype.setHtml = function (html) {
  this.tiptap.commands.setContent(html || "", { emitUpdate: false });
};

Editor.prototype.current = function () {
  return { heading: this.heading.value, text: this.html() };
};

Editor.prototype.showPressed = function () {
  const tiptap = this.tiptap;
  this.root.querySelectorAll("[data-command]").forEach(function (button) {
    const command = COMMANDS[button.dataset.command];
    if (command) button.setAttribute("aria-pressed", String(tiptap.isActive(command.active)));
  });
};

Editor.prototype.link = function () {
  // A selection just made by the keyboard may not have reached ProseMirror's state yet: read it from the page now.
  if (this.tiptap.view.domObserver) this.tiptap.view.domObserver.flush();
  const current = this.tiptap.getAttributes("link").href || "";
  const url = window.prompt(message("linkPrompt"), current || "https://");
  // The prompt took the focus: give it back to the text now, not on the next frame, so no keystroke goes astray.
  this.tiptap.view.focus();
  if (url === null) return;
  const chain = this.tiptap.chain();
  const href = url.trim();
  if (!href || href === "https://") {
    chain.extendMarkRange("link").unsetLink().run();
  } else if (!SAFE_URL.test(href)) {
    this.setStatus(message("linkRefused"), "error");
  } else if (this.tiptap.state.selection.empty && !current) {
    // Nothing selected: the address itself becomes the linked text.
    chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href: href } }] }).run();
  } else {
    // The caret goes after the link, so typing goes on in plain text.
    chain
      .extendMarkRange("link")
      .setLink({ href: href })
      .command(({ tr }) => {
        tr.setSelection(tr.selection.constructor.near(tr.selection.$to));
        return true;
      })
      .run();
  }
};

Editor.prototype.dirty = function () {
  const now = this.current();
  return now.heading !== this.saved.heading || now.text !== this.saved.text;
};

Editor.prototype.setStatus = function (text, kind) {
  this.status.textContent = text;
  this.status.dataset.kind = kind || "";
};

Editor.prototype.keepLocal = function () {
  // The page it was written on: a copy whose § is gone is shown there (see showOrphans).
  const copy = Object.assign(
    { version: this.version, page: window.location.pathname, at: Date.now() },
    this.current(),
  );
  try {
    localStorage.setItem(storageKey(this.id), JSON.stringify(copy));
  } catch (e) {
    /* storage full or disabled: the server copy is all we have */
  }
};

Editor.prototype.restoreLocal = function () {
  // This tab's own copy (a reload), else the newest another tab left (a closed tab opened again), which this tab
  // then keeps as its own. Copies the server already has are forgotten.
  const saved = this.saved;
  const own = storageKey(this.id);
  let mine = null;
  let newest = null;
  localCopies(this.id).forEach(function (entry) {
    if (entry.copy.heading === saved.heading && entry.copy.text === saved.text) {
      localStorage.removeItem(entry.key);
    } else if (entry.key === own) {
      mine = entry;
    } else if (!newest || (entry.copy.at || 0) > (newest.copy.at || 0)) {
      newest = entry;
    }
  });
  const chosen = mine || newest;
  if (!chosen) return;
  const copy = chosen.copy;
  this.heading.value = copy.heading;
  this.setHtml(copy.text);
  this.version = copy.version; // saving from the version it was written on detects a conflict
  this.keepLocal();
  if (chosen.key !== own) localStorage.removeItem(chosen.key);
  this.setStatus(message("restored"), "pending");
  this.schedule(0);
};

Editor.prototype.bind = function () {
  const self = this;
  const changed = function () {
    self.keepLocal();
    self.setStatus(message("changed"), "pending");
    self.schedule(SAVE_DELAY_MS);
  };
  this.heading.addEventListener("input", changed);
  this.tiptap.on("update", changed);
  this.root.addEventListener("focusout", function (event) {
    if (!self.root.contains(event.relatedTarget) && self.dirty()) self.schedule(0);
  });
  // Pasted HTML is parsed into the schema by ProseMirror: only paragraphs, bold, italic, lists, links and tables
  // survive.
  this.root.querySelectorAll("[data-command]").forEach(function (button) {
    // A click keeps the caret (and the pending bold or italic) in the text; the keyboard still reaches the button.
    button.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    button.addEventListener("click", function () {
      const command = COMMANDS[button.dataset.command];
      if (!command) return;
      if (command.run) command.run(self.tiptap.chain().focus()).run();
      else self.link();
    });
  });
  this.root.querySelectorAll("[data-resolve]").forEach(function (button) {
    button.addEventListener("click", function () {
      self.resolve(button.dataset.resolve);
    });
  });
};

Editor.prototype.schedule = function (delay) {
  const self = this;
  clearTimeout(this.timer);
  this.timer = setTimeout(function () {
    self.save();
  }, delay);
};

Editor.prototype.save = function () {
  const self = this;
  if (this.inFlight) {
    this.again = true;
    return;
  }
  if (!this.dirty() && this.version === parseInt(this.root.dataset.version, 10)) {
    forgetLocal(this.id, this.current());
    return;
  }
  const sent = this.current();
  const form = new FormData();
  form.append("heading", sent.heading);
  form.append("text", sent.text);
  form.append("version", String(this.version));
  this.inFlight = true;
  this.setStatus(message("saving"), "pending");
  fetch(this.url, {
    method: "POST",
    body: form,
    headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
    credentials: "same-origin",
  })
    .then(function (response) {
      return response
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          return { status: response.status, data: data };
        });
    })
    .then(function (result) {
      self.inFlight = false;
      self.handle(result.status, result.data, sent);
      if (self.again) {
        self.again = false;
        self.schedule(0);
      }
    })
    .catch(function () {
      self.inFlight = false;
      self.setStatus(message("offline"), "error");
      self.schedule(RETRY_MS);
    });
};

Editor.prototype.handle = function (status, data, sent) {
  if (status === 200 || status === 409) showLabels(data.labels);
  if (status === 200) {
    this.showName(data.label, data.heading);
    this.version = data.version;
    this.root.dataset.version = String(data.version);
    this.saved = { heading: data.heading, text: data.text };
    const now = this.current();
    if (now.heading === sent.heading && now.text === sent.text) {
      // The server may have cleaned the HTML: show exactly what is stored.
      if (this.html() !== data.text && !this.tiptap.isFocused) this.setHtml(data.text);
      this.saved = this.current();
      forgetLocal(this.id, sent);
      this.setStatus(message("saved", { time: timeNow() }), "ok");
    } else {
      this.keepLocal();
      this.schedule(SAVE_DELAY_MS);
    }
    this.conflict.hidden = true;
  } else if (status === 409) {
    this.showConflict(data.server);
  } else if (status === 404 && data && data.gone) {
    // The § was deleted while this editor had it: nothing to retry. The text stays here and in the browser, and
    // after a reload it is shown apart from the agenda (showOrphans).
    this.gone = true;
    this.keepLocal();
    this.setStatus(data.error, "error");
  } else if (status === 401 || status === 403) {
    this.keepLocal();
    const login = "/accounts/login/?next=" + encodeURIComponent(window.location.pathname + "#p" + this.id);
    this.status.innerHTML = "";
    this.status.append(message("signedOut") + " ");
    const link = document.createElement("a");
    link.href = login;
    link.textContent = message("signInAgain");
    this.status.append(link);
    this.status.dataset.kind = "error";
  } else {
    this.keepLocal();
    this.setStatus((data && data.error) || message("failed"), "error");
  }
};

/* The § number and heading as the server has them now: a colleague may have moved, added or deleted a § above this
   one since the page was loaded, and the secretary would otherwise go on writing under (and referring to) the old
   number. Every place the § is named by them follows: its heading, the words a screen reader hears after each of
   its buttons and links ("Ta bort ärendet – § 3 Budget", data-item-label and data-item-heading), and the question
   asked before it is deleted (data-confirm-names-item). */
Editor.prototype.showName = function (label, heading) {
  const section = this.root.closest("section.item");
  if (!section) return;
  const para = section.querySelector("h3 [data-item-label]");
  const before = para ? para.textContent : "";
  if (label !== undefined) {
    renew(section.querySelectorAll("[data-item-label]"), label);
    if (before && label && before !== label) {
      section.querySelectorAll("[data-confirm-names-item]").forEach(function (form) {
        form.dataset.confirm = form.dataset.confirm.replace(before, label);
      });
    }
  }
  if (heading !== undefined) renew(section.querySelectorAll("[data-item-heading]"), heading);
};

/* Every § of the meeting by its number as the server has it now, from the answer to a save of any one of them: a
   colleague's §, added, moved or deleted above others, renumbers them all, and each § of this page is named as it is
   now (showName), not only the one saved. */
function showLabels(labels) {
  if (!labels) return;
  editors.forEach(function (editor) {
    if (labels[editor.id] !== undefined) editor.showName(labels[editor.id]);
  });
}

function renew(elements, text) {
  elements.forEach(function (element) {
    if (element.textContent !== text) element.textContent = text;
  });
}

Editor.prototype.showConflict = function (server) {
  this.keepLocal();
  this.server = server;
  this.conflict.hidden = false;
  this.conflict.querySelector("[data-their-heading]").textContent = server.heading;
  this.conflict.querySelector("[data-their-text]").innerHTML = server.text;
  this.setStatus(message("conflict", { time: server.saved_at }), "error");
  this.conflict.querySelector("h4").focus();
};

Editor.prototype.resolve = function (choice) {
  if (!this.server) return;
  if (choice === "theirs") {
    this.heading.value = this.server.heading;
    this.setHtml(this.server.text);
  }
  // Either way the next save builds on the server's version: the person has seen both texts.
  this.version = this.server.version;
  this.conflict.hidden = true;
  this.server = null;
  this.keepLocal();
  this.save();
};

document.querySelectorAll("[data-item-editor]").forEach(function (root) {
  editors.push(new Editor(root));
});

/* Local copies written on this page whose § has no editor here any more (a colleague deleted it, or it could not
   be saved before the page changed): shown read-only above the agenda, with their heading, until the person
   throws them away. Without this they stayed in the browser where nobody would ever see them again. */
function showOrphans() {
  const place = document.querySelector("[data-orphans]");
  const template = document.getElementById("orphan-template");
  if (!place || !template) return;
  const here = new Set(editors.map((e) => e.id));
  const keys = [];
  for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i));
  keys.forEach(function (key, index) {
    const item = itemOfKey(key);
    if (item === null || here.has(item)) return;
    const copy = readCopy(key);
    if (!copy || copy.page !== window.location.pathname) return;
    const panel = template.content.firstElementChild.cloneNode(true);
    const title = panel.querySelector("h3");
    title.id = "orphan-" + index;
    panel.querySelector("[data-orphan-heading]").textContent = copy.heading || "";
    const view = new Tiptap({
      element: panel.querySelector("[data-orphan-text]"),
      content: copy.text || "",
      editable: false,
      injectCSS: false,
      extensions: extensions(null),
      editorProps: { attributes: { "aria-labelledby": title.id } },
    });
    panel.querySelector("[data-orphan-discard]").addEventListener("click", function () {
      if (!window.confirm(panel.querySelector("[data-orphan-discard]").dataset.question)) return;
      localStorage.removeItem(key);
      view.destroy();
      panel.remove();
    });
    place.append(panel);
  });
}

try {
  showOrphans();
} catch (e) {
  /* storage disabled: there are no local copies */
}

window.addEventListener("beforeunload", function (event) {
  if (editors.some((e) => e.dirty() || e.inFlight)) {
    event.preventDefault();
    event.returnValue = "";
  }
});

window.finsamEditors = editors;
