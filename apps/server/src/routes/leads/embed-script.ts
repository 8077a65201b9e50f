import type { LeadSourceSettings } from "./schemas.ts";

/**
 * The script behind the web-form snippet. It renders the source's fields into
 * `<div id="voronka-form-<publicId>">` (or creates that div where the script tag is), adds a
 * hidden honeypot, and posts JSON with `fetch` to the form endpoint of the server that served
 * the script, with the page's UTM parameters, its URL and a submission id (so a retried post
 * is one lead). Built with DOM calls only: no settings text is ever parsed as HTML.
 */
export function embedScript(publicId: string, settings: LeadSourceSettings): string {
  const config = {
    publicId,
    fields: settings.fields ?? ["name", "email", "phone", "message"],
    labels: {
      name: "Name",
      email: "Email",
      phone: "Phone",
      message: "Message",
      ...settings.labels,
    },
    title: settings.title ?? null,
    buttonText: settings.buttonText ?? "Send",
    thankYouText: settings.thankYouText ?? "Thank you! We will be in touch soon.",
    redirectUrl: settings.redirectUrl ?? null,
  };
  // JSON is valid JS; escaping < and the line separators keeps it inert wherever it is pasted.
  const literal = JSON.stringify(config)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `(function () {
  "use strict";
  var cfg = ${literal};
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : "";
  var endpoint = origin + "/v1/leads/forms/" + encodeURIComponent(cfg.publicId);
  var labels = cfg.labels;
  var types = { name: "text", email: "email", phone: "tel" };
  function mount() {
    var target = document.getElementById("voronka-form-" + cfg.publicId);
    if (!target) {
      target = document.createElement("div");
      if (script && script.parentNode) script.parentNode.insertBefore(target, script);
      else document.body.appendChild(target);
    }
    var form = document.createElement("form");
    form.className = "voronka-form";
    if (cfg.title) {
      var h = document.createElement("h3");
      h.textContent = cfg.title;
      form.appendChild(h);
    }
    cfg.fields.forEach(function (name) {
      var label = document.createElement("label");
      label.style.display = "block";
      label.appendChild(document.createTextNode(labels[name] + " "));
      var input = document.createElement(name === "message" ? "textarea" : "input");
      input.name = name;
      if (types[name]) input.type = types[name];
      label.appendChild(input);
      form.appendChild(label);
    });
    var trap = document.createElement("input");
    trap.name = "website";
    trap.tabIndex = -1;
    trap.autocomplete = "off";
    trap.setAttribute("aria-hidden", "true");
    trap.style.cssText = "position:absolute;left:-9999px;width:1px;height:1px";
    form.appendChild(trap);
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    var button = document.createElement("button");
    button.type = "submit";
    button.textContent = cfg.buttonText;
    form.appendChild(button);
    form.appendChild(status);
    var submissionId = null;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { page_url: location.href };
      new FormData(form).forEach(function (value, key) { body[key] = String(value); });
      new URLSearchParams(location.search).forEach(function (value, key) {
        if (key.indexOf("utm_") === 0 && !body[key]) body[key] = value;
      });
      submissionId = submissionId || (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
      body.submission_id = submissionId;
      button.disabled = true;
      status.textContent = "";
      fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body)
      }).then(function (res) {
        return res.json().then(function (data) {
          if (!res.ok) throw new Error((data && data.error && data.error.message) || "Could not send the form.");
          if (cfg.redirectUrl) { location.href = cfg.redirectUrl; return; }
          var done = document.createElement("p");
          done.className = "voronka-form-thanks";
          done.textContent = cfg.thankYouText;
          form.replaceWith(done);
        });
      }).catch(function (err) {
        button.disabled = false;
        status.textContent = err.message || "Could not send the form.";
      });
    });
    target.appendChild(form);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
`;
}
