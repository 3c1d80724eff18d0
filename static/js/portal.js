/* Site-wide behaviour that needs no inline script (the Content-Security-Policy allows none):
   a form with data-confirm asks before it is sent; a form sent back with errors puts the focus on its summary,
   so a screen reader says what went wrong and the keyboard is where the links to the fields are. */
document.addEventListener("DOMContentLoaded", function () {
  const summary = document.querySelector("[data-error-summary]");
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
