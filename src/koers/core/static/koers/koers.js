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

// == navigation: the phone menu (issue 16) ==
// The menu opens without this (a <details> whose summary shows the menu after it); the script
// only says so to assistive technology, which reads the summary's state as its own.
(function () {
  "use strict";

  document.querySelectorAll("details.menu-toggle").forEach(function (details) {
    var summary = details.querySelector("summary");
    function sync() {
      summary.setAttribute("aria-expanded", details.open ? "true" : "false");
    }
    details.addEventListener("toggle", sync);
    sync();
  });
})();
