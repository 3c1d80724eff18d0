/* Site-wide behaviour that needs no inline script (the Content-Security-Policy allows none):
   a form with data-confirm asks before it is sent; a form sent back with errors puts the focus on its summary,
   so a screen reader says what went wrong and the keyboard is where the links to the fields are. An action refused
   after a redirect (a comment left empty, a deadline missing) does the same with its message: without it the page
   came back scrolled to the § it was sent from, the message out of sight at the top and unread (a live region
   present on load is not announced). */
document.addEventListener("DOMContentLoaded", function () {
  const summary = document.querySelector("[data-error-summary]") || document.querySelector("[data-refused]");
  if (summary) {
    summary.focus();
  }
});
document.addEventListener("submit", function (event) {
  const question = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
