// The spinnenweb's sliders show their value beside them. Without this script the sliders
// still work (keyboard and screen readers read the value from the input itself).
(function () {
  "use strict";
  document.querySelectorAll(".score-slider").forEach(function (slider) {
    var input = slider.querySelector("input[type=range]");
    var output = slider.querySelector("output");
    if (!input || !output) {
      return;
    }
    var show = function () {
      output.textContent = input.value;
    };
    input.addEventListener("input", show);
    show();
    output.hidden = false;
  });
})();
