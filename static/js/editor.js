/* The minutes editor: autosave, a local copy until the server confirms, conflicts shown side by side.
   No build step; plain modern JavaScript. */
(function () {
  "use strict";

  const SAVE_DELAY_MS = 2000;
  const RETRY_MS = 5000;
  const ALLOWED = new Set(["P", "BR", "STRONG", "B", "EM", "I", "U", "UL", "OL", "LI", "A", "BLOCKQUOTE", "H3", "H4"]);
  const editors = [];

  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function storageKey(id) {
    return "finsam:item:" + id;
  }

  function timeNow() {
    return new Date().toLocaleTimeString("sv-SE", { hour: "2-digit", minute: "2-digit" });
  }

  /* Keep the formatting secretaries use (paragraphs, bold, italic, lists, links) and drop the rest:
     Word's styles, classes, spans, fonts, comments and scripts. The server sanitises again. */
  function cleanFragment(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const out = document.createElement("div");
    function walk(node, parent) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === Node.TEXT_NODE) {
          parent.appendChild(document.createTextNode(child.textContent));
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const tag = child.tagName;
          if (tag === "SCRIPT" || tag === "STYLE" || tag === "META" || tag === "LINK" || tag === "TITLE") return;
          if (ALLOWED.has(tag)) {
            const copy = document.createElement(tag === "B" ? "STRONG" : tag === "I" ? "EM" : tag);
            if (tag === "A") {
              const href = child.getAttribute("href") || "";
              if (/^(https?:|mailto:)/i.test(href)) copy.setAttribute("href", href);
            }
            parent.appendChild(copy);
            walk(child, copy);
          } else if (tag === "DIV" || /^H[1-6]$/.test(tag)) {
            const p = document.createElement("P");
            parent.appendChild(p);
            walk(child, p);
          } else {
            walk(child, parent);
          }
        }
      });
    }
    walk(doc.body, out);
    return out.innerHTML;
  }

  function Editor(root) {
    this.root = root;
    this.id = root.dataset.itemId;
    this.url = root.dataset.saveUrl;
    this.version = parseInt(root.dataset.version, 10);
    this.heading = root.querySelector("[data-heading]");
    this.body = root.querySelector("[data-body]");
    this.status = root.querySelector("[data-status]");
    this.conflict = root.querySelector("[data-conflict]");
    this.saved = { heading: this.heading.value, text: this.body.innerHTML };
    this.timer = null;
    this.inFlight = false;
    this.again = false;
    this.bind();
    this.restoreLocal();
  }

  Editor.prototype.current = function () {
    return { heading: this.heading.value, text: this.body.innerHTML };
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
    const copy = Object.assign({ version: this.version }, this.current());
    try {
      localStorage.setItem(storageKey(this.id), JSON.stringify(copy));
    } catch (e) {
      /* storage full or disabled: the server copy is all we have */
    }
  };

  Editor.prototype.restoreLocal = function () {
    let copy = null;
    try {
      copy = JSON.parse(localStorage.getItem(storageKey(this.id)) || "null");
    } catch (e) {
      copy = null;
    }
    if (!copy) return;
    if (copy.heading === this.saved.heading && copy.text === this.saved.text) {
      localStorage.removeItem(storageKey(this.id));
      return;
    }
    this.heading.value = copy.heading;
    this.body.innerHTML = copy.text;
    this.version = copy.version; // saving from the version it was written on detects a conflict
    this.setStatus("Osparad text återställd från webbläsaren – sparar …", "pending");
    this.schedule(0);
  };

  Editor.prototype.bind = function () {
    const self = this;
    const changed = function () {
      self.keepLocal();
      self.setStatus("Ändrat – sparas strax", "pending");
      self.schedule(SAVE_DELAY_MS);
    };
    this.heading.addEventListener("input", changed);
    this.body.addEventListener("input", changed);
    this.root.addEventListener("focusout", function (event) {
      if (!self.root.contains(event.relatedTarget) && self.dirty()) self.schedule(0);
    });
    this.body.addEventListener("paste", function (event) {
      const data = event.clipboardData;
      if (!data) return;
      event.preventDefault();
      const html = data.getData("text/html");
      if (html) {
        document.execCommand("insertHTML", false, cleanFragment(html));
      } else {
        document.execCommand("insertText", false, data.getData("text/plain"));
      }
    });
    this.root.querySelectorAll("[data-command]").forEach(function (button) {
      button.addEventListener("click", function () {
        const command = button.dataset.command;
        self.body.focus();
        if (command === "createLink") {
          const url = window.prompt("Länkens adress (https://…)");
          if (url && /^(https?:|mailto:)/i.test(url)) document.execCommand("createLink", false, url);
        } else {
          document.execCommand(command, false, null);
        }
        changed();
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
      localStorage.removeItem(storageKey(this.id));
      return;
    }
    const sent = this.current();
    const form = new FormData();
    form.append("heading", sent.heading);
    form.append("text", sent.text);
    form.append("version", String(this.version));
    this.inFlight = true;
    this.setStatus("Sparar …", "pending");
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
        self.setStatus("Kunde inte spara – ingen kontakt med servern. Texten finns kvar i webbläsaren; försöker igen.", "error");
        self.schedule(RETRY_MS);
      });
  };

  Editor.prototype.handle = function (status, data, sent) {
    if (status === 200) {
      this.version = data.version;
      this.root.dataset.version = String(data.version);
      this.saved = { heading: data.heading, text: data.text };
      const now = this.current();
      if (now.heading === sent.heading && now.text === sent.text) {
        // The server may have cleaned the HTML: show exactly what is stored.
        if (this.body.innerHTML !== data.text && document.activeElement !== this.body) this.body.innerHTML = data.text;
        this.saved = this.current();
        localStorage.removeItem(storageKey(this.id));
        this.setStatus("Sparat " + timeNow(), "ok");
      } else {
        this.keepLocal();
        this.schedule(SAVE_DELAY_MS);
      }
      this.conflict.hidden = true;
    } else if (status === 409) {
      this.showConflict(data.server);
    } else if (status === 401 || status === 403) {
      this.keepLocal();
      const login = "/accounts/login/?next=" + encodeURIComponent(window.location.pathname + "#p" + this.id);
      this.status.innerHTML = "";
      this.status.append(
        "Inte sparat: du är utloggad eller sidan är för gammal. Texten finns kvar i webbläsaren. ",
      );
      const link = document.createElement("a");
      link.href = login;
      link.textContent = "Logga in igen";
      this.status.append(link);
      this.status.dataset.kind = "error";
    } else {
      this.keepLocal();
      this.setStatus((data && data.error) || "Kunde inte spara. Texten finns kvar i webbläsaren.", "error");
    }
  };

  Editor.prototype.showConflict = function (server) {
    this.keepLocal();
    this.server = server;
    this.conflict.hidden = false;
    this.conflict.querySelector("[data-their-heading]").textContent = server.heading;
    this.conflict.querySelector("[data-their-text]").innerHTML = server.text;
    this.setStatus("Krock: någon annan sparade paragrafen " + server.saved_at + ". Jämför och slå ihop nedan.", "error");
    this.conflict.querySelector("h4").focus();
  };

  Editor.prototype.resolve = function (choice) {
    if (!this.server) return;
    if (choice === "theirs") {
      this.heading.value = this.server.heading;
      this.body.innerHTML = this.server.text;
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

  window.addEventListener("beforeunload", function (event) {
    if (editors.some(function (e) { return e.dirty() || e.inFlight; })) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  window.finsamEditors = editors;
})();
