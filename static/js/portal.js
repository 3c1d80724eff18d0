/* Site-wide behaviour that needs no inline script (the Content-Security-Policy allows none):
   a form with data-confirm asks before it is sent. */
document.addEventListener("submit", function (event) {
  const question = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
