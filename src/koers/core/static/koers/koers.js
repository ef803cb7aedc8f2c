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

// == Searchable choices (core/widgets.py) ==
// The text box of a searchable choice becomes an ARIA 1.2 combobox: typing asks the field's
// search endpoint (data-url) through htmx for the options of its listbox; the arrow keys
// move through them, Enter picks, Escape closes. One choice fills the hidden input and the
// box; several add a ticked checkbox to the chosen list. Without this script the box is a
// search that the form answers with the matches to choose from.
(function () {
  "use strict";

  function enhance(box) {
    if (box.dataset.ready) {
      return;
    }
    box.dataset.ready = "1";
    var input = box.querySelector(".search-select__input");
    var list = box.querySelector("[role=listbox]");
    var hidden = box.querySelector("[data-search-select-value]");
    var chosen = box.querySelector(".search-select__chosen");
    var status = box.querySelector("[data-search-select-status]");
    var hint = box.querySelector(".search-select__hint");
    var timer = null;
    var active = -1;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    if (hint) {
      hint.textContent = box.dataset.hint;
    }

    function options() {
      return Array.prototype.slice.call(
        list.querySelectorAll("[role=option]:not([aria-disabled=true])")
      );
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function open() {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function highlight(index) {
      var all = options();
      all.forEach(function (option, at) {
        option.setAttribute("aria-selected", at === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      }
    }
    function say(text) {
      status.textContent = text;
    }
    function search() {
      var text = input.value.trim();
      if (!text) {
        list.innerHTML = "";
        close();
        return;
      }
      var url = box.dataset.url + (box.dataset.url.indexOf("?") < 0 ? "?" : "&");
      htmx.ajax("GET", url + "q=" + encodeURIComponent(text), { target: list, swap: "innerHTML" })
        .then(function () {
          var all = list.querySelectorAll("[role=option]");
          all.forEach(function (option, at) {
            option.id = list.id + "-" + at;
          });
          var found = options().length;
          say(found === 0 ? box.dataset.none
            : found === 1 ? box.dataset.one : found + " " + box.dataset.many);
          active = -1;
          if (all.length && document.activeElement === input) {
            open();
          } else {
            close();
          }
        });
    }
    function pick(option) {
      var value = option.dataset.value;
      var label = option.textContent.trim();
      if (chosen) {
        var ticked = chosen.querySelector("input[value='" + value + "']");
        if (ticked) {
          ticked.checked = true;
        } else {
          var item = document.createElement("li");
          var wrap = document.createElement("label");
          var box_ = document.createElement("input");
          wrap.className = "choice";
          box_.type = "checkbox";
          box_.name = box.dataset.name;
          box_.value = value;
          box_.checked = true;
          wrap.appendChild(box_);
          wrap.appendChild(document.createTextNode(" " + label));
          item.appendChild(wrap);
          chosen.appendChild(item);
        }
        input.value = "";
      } else {
        hidden.value = value;
        input.value = label;
        box.querySelectorAll("input[type=radio]").forEach(function (radio) {
          radio.checked = false;
        });
      }
      say(box.dataset.picked + ": " + label + ".");
      close();
    }

    input.addEventListener("input", function () {
      if (hidden) {
        hidden.value = ""; // what she typed no longer names the earlier choice
      }
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    input.addEventListener("keydown", function (event) {
      var all = options();
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          if (all.length) {
            open();
          } else {
            search();
            return;
          }
        }
        if (event.key === "ArrowDown") {
          highlight(active + 1 < all.length ? active + 1 : 0);
        } else {
          highlight(active > 0 ? active - 1 : all.length - 1);
        }
      } else if (event.key === "Enter" && !list.hidden && active >= 0 && all[active]) {
        event.preventDefault();
        pick(all[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
    // Keep the focus in the box while an option is clicked, so blur does not close first.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option && option.getAttribute("aria-disabled") !== "true") {
        pick(option);
      }
    });
  }

  function enhanceAll(root) {
    if (root.querySelectorAll) {
      root.querySelectorAll("[data-search-select]").forEach(enhance);
    }
  }
  enhanceAll(document);
  document.addEventListener("htmx:load", function (event) {
    enhanceAll(event.detail.elt);
  });
})();
