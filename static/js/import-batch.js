/* The import upload's page follows the reading without a reload: it asks the status endpoint every two seconds
   while documents are still waiting or being read, and updates the progress, each document's state and its links.
   The sentence in the aria-live region changes only when a document has finished, so a screen reader hears each
   step once. Without JavaScript the page has a link to reload it (noscript). */
(function () {
  "use strict";
  const section = document.querySelector("[data-batch-status-url]");
  if (!section || section.getAttribute("data-working") === "0") {
    return;
  }
  const url = section.getAttribute("data-batch-status-url");
  const progress = document.getElementById("batch-progress");
  const sentence = document.getElementById("batch-sentence");
  const INTERVAL = 2000;

  function show(element, visible) {
    if (element) {
      element.hidden = !visible;
    }
  }

  function updateRow(state) {
    const row = document.querySelector('tr[data-document="' + state.id + '"]');
    if (!row) {
      return;
    }
    const status = row.querySelector('[data-role="status"]');
    status.textContent = state.label;
    status.classList.toggle("error", state.status === "failed");
    status.classList.toggle("ok", state.status === "done");
    const error = row.querySelector('[data-role="error"]');
    error.textContent = state.error;
    show(error, Boolean(state.error));
    const review = row.querySelector('[data-role="review"]');
    if (state.review_url) {
      review.setAttribute("href", state.review_url);
    }
    show(review, Boolean(state.review_url));
    show(row.querySelector('[data-role="handled"]'), state.handled);
    show(row.querySelector('[data-role="failed"]'), state.status === "failed");
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        progress.max = Math.max(data.total, 1);
        progress.value = data.finished;
        progress.textContent = data.finished + " / " + data.total;
        if (sentence.textContent !== data.sentence) {
          sentence.textContent = data.sentence;
        }
        data.documents.forEach(updateRow);
        section.setAttribute("data-working", String(data.working));
        if (data.working > 0) {
          window.setTimeout(poll, INTERVAL);
        }
      })
      .catch(function () {
        window.setTimeout(poll, INTERVAL * 5); /* signed out or the server busy: ask again, less often */
      });
  }

  window.setTimeout(poll, INTERVAL);
})();
