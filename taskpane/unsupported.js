/*
 * Runs before the pane's bundles, in the oldest JavaScript (no let, no arrow functions, no modules) so
 * that IE11 runs it too. The pane needs Fluent UI's web components: custom elements, constructable
 * stylesheets and ElementInternals (Safari 16.4+, Chromium/WebView2, Firefox). Where they are missing
 * (IE11, the fallback of a Windows Office without WebView2; Safari before 16.4), it shows the page's
 * #unsupported message instead of a blank pane. A file, not an inline script: the CSP allows it.
 */
(function () {
  var supported =
    typeof window.customElements !== "undefined" &&
    typeof window.Promise !== "undefined" &&
    typeof Document !== "undefined" &&
    "adoptedStyleSheets" in Document.prototype &&
    "attachInternals" in HTMLElement.prototype;
  if (supported) return;
  document.documentElement.className += " unsupported-host";
  function show() {
    var message = document.getElementById("unsupported");
    var app = document.getElementById("app");
    if (message) message.removeAttribute("hidden");
    if (app) app.setAttribute("hidden", "");
  }
  // IE11 has addEventListener and DOMContentLoaded; the script runs in <head>, before the body exists.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
