/*
 * Leadflow capture snippet. Embed with a public write key:
 *   <script src="https://capture.example.com/v1/leadflow.js" data-write-key="lf_pub_..." async></script>
 * It records a page view (navigator.sendBeacon, text/plain: no CORS preflight), keeps an anonymous id in
 * a first-party cookie, and adds that id (and the page, its referrer and the _ga cookie) to every form posting to
 * /v1/forms/<id>. It sends anonymous engagement only (page views, track of "Content Downloaded" and of events of the
 * site's own naming, leadflow.track("Pricing Calculator Used", {seats: 25})): forms identify.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var writeKey = script.getAttribute("data-write-key");
  var endpoint = new URL(script.src).origin;
  var COOKIE = "lf_aid";

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0;
      return (c === "x" ? r : (r & 0x3 | 0x8)).toString(16);
    });
  }

  function anonymousId() {
    var id = cookie(COOKIE);
    if (id) {
      return id;
    }
    id = newId();
    document.cookie = COOKIE + "=" + encodeURIComponent(id) + "; path=/; max-age=31536000; SameSite=Lax";
    return id;
  }

  function cookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]+)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  // the page and where the visitor came from (referrer, and the page URL's utm_*): capture classifies the
  // channel from them; _ga is Google Analytics' client id cookie, to join with GA's reports
  function page() {
    var properties = { url: location.href, path: location.pathname, referrer: document.referrer, title: document.title };
    if (cookie("_ga")) {
      properties._ga = cookie("_ga");
    }
    return properties;
  }

  function send(path, message) {
    message.writeKey = writeKey;
    message.messageId = newId();
    message.anonymousId = anonymousId();
    message.timestamp = new Date().toISOString();
    // anonymous engagement only: a public key names no lead and sends no traits (forms identify)
    message.context = { userAgent: navigator.userAgent, page: page() };
    var body = new Blob([JSON.stringify(message)], { type: "text/plain" });
    if (!(navigator.sendBeacon && navigator.sendBeacon(endpoint + path, body))) {
      fetch(endpoint + path, { method: "POST", body: body, keepalive: true, mode: "cors" });
    }
  }

  function captureForms() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.action || form.action.indexOf(endpoint + "/v1/forms/") !== 0) {
        return;
      }
      [["anonymous_id", anonymousId()], ["page_url", location.href], ["referrer", document.referrer],
        ["_ga", cookie("_ga")]].forEach(function (field) {
        if (!field[1]) {
          return;
        }
        var input = form.querySelector("input[name='" + field[0] + "']");
        if (!input) {
          input = document.createElement("input");
          input.type = "hidden";
          input.name = field[0];
          form.appendChild(input);
        }
        input.value = field[1];
      });
    }, true);
  }

  window.leadflow = {
    /** Records a page view of this page. */
    page: function (name) {
      send("/v1/page", { name: name || document.title, properties: page() });
    },
    /** Records an engagement by its name, such as "Content Downloaded". */
    track: function (event, properties) {
      send("/v1/track", { event: event, properties: properties || {} });
    },
    anonymousId: anonymousId
  };

  captureForms();
  window.leadflow.page();
})();
