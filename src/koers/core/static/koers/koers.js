// Koers's only script of its own: tell the user when an htmx request fails, instead of
// failing silently. Loaded from our origin (the Content-Security-Policy allows no inline
// script); it needs no build step.
(function () {
  "use strict";

  function show(kind) {
    var box = document.getElementById("request-error");
    if (!box) {
      return;
    }
    box.textContent = box.dataset[kind] || box.dataset.server;
    box.hidden = false;
    box.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("htmx:beforeRequest", function () {
    var box = document.getElementById("request-error");
    if (box) {
      box.hidden = true;
    }
  });
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    show(status === 403 || status === 404 ? "forbidden" : "server");
  });
  document.addEventListener("htmx:sendError", function () {
    show("network");
  });
})();
