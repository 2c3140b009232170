/*
 * Kuulo feedback widget. A host page embeds it with one tag:
 *
 *   <script src="https://kuulo.example.fi/static/kuulo/widget.js" data-kuulo-survey="KEY"
 *           data-lang="fi" data-channel="web" data-touchpoint="..." data-customer-group="..." async></script>
 *
 * It opens short: the survey's first metric question (and any required one), an optional
 * comment and "Tell us more" for the rest. `data-show="always"` skips the sampling and the quiet
 * days after an answer, for the organisation's own test and demo pages.
 *
 * Plain ES2017, no dependencies, no cookies, no third-party requests: it only
 * talks to the origin it was loaded from. It draws itself in a shadow root so
 * the host page's CSS cannot reach it. Answers that cannot be sent are kept in
 * localStorage and retried with backoff, also on the next page load; the
 * idempotency key makes every retry safe.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.getAttribute("data-kuulo-survey")) return;

  var TEXT = {
    fi: {
      open: "Anna palautetta", send: "Lähetä", close: "Sulje", sending: "Lähetetään…",
      thanks: "Kiitos palautteestasi!", queued: "Vastauksesi on tallessa. Lähetämme sen, kun yhteys toimii.",
      invalid: "Emme voineet ottaa vastaustasi vastaan. Tarkista vastauksesi.", empty: "Vastaa ainakin yhteen kysymykseen.",
      partial: "Vastaa jokaiseen väittämään.", required: "pakollinen", max: "Enintään {n} merkkiä.",
      privacy: "Älä kirjoita kommenttiin henkilötietoja, kuten henkilötunnusta tai puhelinnumeroa.",
      more: "Kerro lisää", wedid: "Katso, mitä olemme muuttaneet palautteen perusteella"
    },
    sv: {
      open: "Ge respons", send: "Skicka", close: "Stäng", sending: "Skickar…",
      thanks: "Tack för din respons!", queued: "Ditt svar är sparat. Vi skickar det när förbindelsen fungerar.",
      invalid: "Vi kunde inte ta emot ditt svar. Kontrollera dina svar.", empty: "Svara på minst en fråga.",
      partial: "Svara på alla påståenden.", required: "obligatorisk", max: "Högst {n} tecken.",
      privacy: "Skriv inte personuppgifter i kommentaren, till exempel din personbeteckning eller ditt telefonnummer.",
      more: "Berätta mer", wedid: "Se vad vi har ändrat utifrån responsen"
    },
    en: {
      open: "Give feedback", send: "Send", close: "Close", sending: "Sending…",
      thanks: "Thank you for your feedback!", queued: "Your answer was saved and will be sent when the connection works.",
      invalid: "Your answer could not be accepted. Please check your answers.", empty: "Please answer at least one question.",
      partial: "Please answer every statement.", required: "required", max: "At most {n} characters.",
      privacy: "Please do not write personal details in your comment, such as your personal identity code or phone number.",
      more: "Tell us more", wedid: "See what we have changed based on feedback"
    }
  };

  var data = script.dataset;
  var key = data.kuuloSurvey;
  var origin = new URL(script.src, location.href).origin;
  var base = origin + "/w/" + encodeURIComponent(key) + "/";
  var lang = [data.lang, document.documentElement.lang, "fi"]
    .map(function (code) { return (code || "").slice(0, 2).toLowerCase(); })
    .filter(function (code) { return TEXT[code]; })[0];
  var t = TEXT[lang];
  var QUEUE = "kuulo-widget-queue";
  var QUIET = "kuulo-widget-quiet-" + key;
  var SAMPLE = "kuulo-widget-sample-" + key;
  var ALWAYS = data.show === "always";
  var retryTimer = null;
  var retryDelay = 2000;

  // --- storage that tolerates being switched off ---
  function read(store, name) {
    try { return window[store].getItem(name); } catch (e) { return null; }
  }
  function write(store, name, value) {
    try { window[store].setItem(name, value); return true; } catch (e) { return false; }
  }
  function queue() {
    try { return JSON.parse(read("localStorage", QUEUE) || "[]"); } catch (e) { return []; }
  }
  function saveQueue(items) { write("localStorage", QUEUE, JSON.stringify(items)); }
  function dequeue(id) {
    saveQueue(queue().filter(function (item) { return item.id !== id; }));
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    if (window.crypto && crypto.getRandomValues) crypto.getRandomValues(bytes);
    else for (var i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // --- sending: "ok" (stored or duplicate), "final" (refused: drop it), "retry" ---
  async function post(item) {
    try {
      var response = await fetch(item.url, {
        method: "POST", mode: "cors", credentials: "omit",
        headers: { "Content-Type": "application/json" }, body: item.body
      });
      if (response.ok) return "ok";
      if (response.status === 429 || response.status >= 500) return "retry";
      return "final";
    } catch (e) {
      return "retry";
    }
  }

  async function flush(onResult) {
    clearTimeout(retryTimer);
    var pending = queue();
    var failed = false;
    for (var i = 0; i < pending.length; i++) {
      var result = await post(pending[i]);
      if (result === "retry") { failed = true; continue; }
      dequeue(pending[i].id);
      if (onResult) onResult(pending[i].id, result);
    }
    if (failed) {
      retryTimer = setTimeout(function () { flush(onResult); }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 120000);
    } else {
      retryDelay = 2000;
    }
  }

  // --- the widget ---
  var CSS = [
    ":host{all:initial}",
    "*{box-sizing:border-box}",
    ".k{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1f24}",
    ".launch,.send,.shut{font:inherit;font-weight:600;border-radius:6px;cursor:pointer;padding:.55rem 1rem}",
    ".launch{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;background:#0b4f8a;color:#fff;border:2px solid #fff;box-shadow:0 2px 8px rgba(0,0,0,.35)}",
    ".send{background:#0b4f8a;color:#fff;border:2px solid #0b4f8a}",
    ".more{font:inherit;font-weight:600;background:#fff;color:#0b4f8a;border:2px solid #0b4f8a;border-radius:6px;cursor:pointer;padding:.55rem 1rem}",
    ".actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}",
    ".status a{color:#0b4f8a;font-weight:600}",
    ".shut{background:#fff;color:#0b4f8a;border:2px solid #0b4f8a;padding:.25rem .75rem}",
    ":focus-visible{outline:3px solid #1b1f24;outline-offset:2px;box-shadow:0 0 0 6px #ffbf47}",
    ".panel{position:fixed;right:1rem;bottom:1rem;z-index:2147483001;width:min(26rem,calc(100vw - 2rem));max-height:calc(100vh - 6rem);overflow:auto;background:#fff;border:2px solid #0b4f8a;border-radius:8px;padding:1rem;box-shadow:0 4px 16px rgba(0,0,0,.3)}",
    ".head{display:flex;justify-content:space-between;align-items:flex-start;gap:1rem}",
    "h2{font-size:1.2rem;margin:0 0 .75rem;line-height:1.3}",
    ".context{margin:-.5rem 0 .75rem;color:#4a5560}",
    ".context:empty{display:none}",
    "fieldset{border:0;margin:0 0 1rem;padding:0}",
    "legend{font-weight:600;padding:0;margin-bottom:.35rem}",
    "fieldset fieldset legend{font-weight:400}",
    ".opts{display:flex;flex-direction:column;gap:.25rem}",
    ".num .opts{flex-direction:row;flex-wrap:wrap}",
    ".num .opt{flex-direction:column-reverse;align-items:center;min-width:2.1rem;border:1px solid #6b7580;border-radius:4px;padding:.1rem}",
    ".opt{display:flex;align-items:center;gap:.4rem}",
    "input[type=radio]{width:1.1rem;height:1.1rem;margin:0}",
    "label.q{display:block;font-weight:600;margin-bottom:.25rem}",
    "textarea{width:100%;font:inherit;padding:.4rem;border:2px solid #4a5560;border-radius:6px}",
    ".hint{color:#4a5560;font-size:.9rem;margin:0 0 .35rem}",
    ".status{margin:.75rem 0 0;font-weight:600}",
    ".status:empty{display:none}",
    ".trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}",
    "[hidden]{display:none!important}",
    // On a phone the open widget keeps the top of the host page (its header and navigation) in view.
    "@media (max-width:40rem){.panel{left:.5rem;right:.5rem;bottom:.5rem;width:auto;max-height:min(55vh,calc(100vh - 9rem))}.launch{right:.5rem;bottom:.5rem}}"
  ].join("");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function scale(question, name, legend, id) {
    var labels = question.labels || {};
    var numeric = false;
    for (var v = question.min; v <= question.max; v++) if (!labels[v]) numeric = true;
    var hintId = id + "-hint";
    var hint = numeric && Object.keys(labels).length
      ? el("p", { "class": "hint", id: hintId, text: Object.keys(labels).map(function (v) { return v + " = " + labels[v]; }).join(" · ") })
      : null;
    var options = el("div", { "class": "opts" });
    for (var value = question.min; value <= question.max; value++) {
      var optionId = id + "-" + value;
      options.appendChild(el("div", { "class": "opt" }, [
        el("input", { type: "radio", name: name, value: String(value), id: optionId }),
        el("label", { "for": optionId, text: numeric ? String(value) : labels[value] })
      ]));
    }
    var attrs = { "class": numeric ? "num" : "" };
    if (hint) attrs["aria-describedby"] = hintId;
    return el("fieldset", attrs, [el("legend", { text: legend }), hint, options]);
  }

  function questionNode(question, index) {
    var id = "k" + index;
    var mark = question.required ? " (" + t.required + ")" : "";
    if (question.kind === "open") {
      return el("div", { "class": "field" }, [
        el("label", { "class": "q", "for": id, text: question.text + mark }),
        el("p", { "class": "hint", id: id + "-hint", text: t.max.replace("{n}", Number(question.max_length).toLocaleString(lang)) + " " + t.privacy }),
        el("textarea", { id: id, name: "c" + question.id, rows: "3", maxlength: String(question.max_length), "aria-describedby": id + "-hint" })
      ]);
    }
    if (!question.items.length) return scale(question, question.code, question.question + mark, id);
    return el("fieldset", {}, [el("legend", { text: question.question + mark })].concat(
      question.items.map(function (text, item) { return scale(question, question.code + "." + item, text, id + "i" + item); })
    ));
  }

  function collect(form, config) {
    var answers = {}, comments = {}, problem = "";
    config.questions.forEach(function (question) {
      if (question.kind === "open") {
        var text = form.elements["c" + question.id].value.trim();
        if (text) comments[question.id] = text;
        return;
      }
      var picked = function (name) {
        var checked = form.querySelector("input[name='" + name + "']:checked");
        return checked ? parseInt(checked.value, 10) : null;
      };
      if (!question.items.length) {
        var value = picked(question.code);
        if (value !== null) answers[question.code] = value;
        return;
      }
      var values = question.items.map(function (_text, item) { return picked(question.code + "." + item); });
      var given = values.filter(function (v) { return v !== null; });
      if (given.length === values.length) answers[question.code] = values;
      else if (given.length) problem = t.partial;
    });
    if (!problem && !Object.keys(answers).length && !Object.keys(comments).length) problem = t.empty;
    return { answers: answers, comments: comments, problem: problem };
  }

  function build(config) {
    var host = el("div", { "data-kuulo-widget": key, lang: lang });
    var root = host.attachShadow({ mode: "open" });
    var launcher = el("button", { type: "button", "class": "launch", "aria-expanded": "false", text: t.open });
    var title = el("h2", { id: "k-title", tabindex: "-1", text: config.title });
    var context = el("p", { "class": "context", text: config.context || "" });
    var shut = el("button", { type: "button", "class": "shut", text: t.close });
    var status = el("p", { "class": "status", role: "status", "aria-live": "polite" });
    var parts = shortAndRest(config.questions);
    var more = el("div", { id: "k-more", hidden: "" }, parts.rest.map(function (pair) { return questionNode(pair[0], pair[1]); }));
    var moreButton = parts.rest.length
      ? el("button", { type: "button", "class": "more", "aria-expanded": "false", "aria-controls": "k-more", text: t.more })
      : null;
    var form = el("form", { novalidate: "" }, parts.short.map(function (pair) { return questionNode(pair[0], pair[1]); }).concat([
      more,
      el("div", { "class": "trap", "aria-hidden": "true" }, [
        el("label", { "for": "k-website", text: "Website" }),
        el("input", { type: "text", id: "k-website", name: "website", tabindex: "-1", autocomplete: "off" })
      ]),
      el("div", { "class": "actions" }, [el("button", { type: "submit", "class": "send", text: t.send }), moreButton])
    ]));
    if (moreButton) {
      moreButton.addEventListener("click", function () {
        more.hidden = false;
        moreButton.setAttribute("aria-expanded", "true");
        moreButton.hidden = true;
        var first = more.querySelector("input, textarea");
        if (first) first.focus();
      });
    }
    var panel = el("div", { "class": "panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "k-title", hidden: "" }, [
      el("div", { "class": "head" }, [title, shut]), context, form, status
    ]);
    launcher.setAttribute("aria-controls", "k-panel");
    panel.id = "k-panel";
    try {
      // A constructed sheet is not an inline <style>, so host pages with a strict CSP still style the widget.
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      root.appendChild(el("style", { text: CSS }));
    }
    root.appendChild(el("div", { "class": "k" }, [launcher, panel]));
    document.body.appendChild(host);

    var openedAt = 0;
    function open() {
      openedAt = openedAt || Date.now();
      panel.hidden = false;
      launcher.hidden = true;
      launcher.setAttribute("aria-expanded", "true");
      title.focus();
    }
    function close() {
      panel.hidden = true;
      launcher.hidden = false;
      launcher.setAttribute("aria-expanded", "false");
      quiet(config);
      launcher.focus();
    }
    launcher.addEventListener("click", open);
    shut.addEventListener("click", close);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
    });

    var sentId = null;
    function settled(id, result) {
      if (id !== sentId) return;
      if (result !== "ok") { status.textContent = t.invalid; form.hidden = false; return; }
      // The survey's own thank-you when it has one (it already thanks), else the widget's.
      status.textContent = config.thank_you || t.thanks;
      if (config.we_did) {
        status.appendChild(document.createTextNode(" "));
        status.appendChild(el("a", { href: origin + config.we_did, text: t.wedid }));
      }
      shut.focus();  // the form is gone: keep the focus in the widget; the live region reads the thanks
    }
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      var found = collect(form, config);
      if (found.problem) { status.textContent = found.problem; return; }
      var body = {
        idempotency_key: uuid(), language: config.languages.indexOf(lang) >= 0 ? lang : config.language,
        page: location.pathname, answers: found.answers, comments: found.comments,
        elapsed_ms: Date.now() - openedAt, website: form.elements.website.value
      };
      if (data.channel) body.channel = data.channel;
      if (data.touchpoint) body.touchpoint = data.touchpoint;
      if (data.customerGroup) body.customer_group = data.customerGroup;
      var item = { id: body.idempotency_key, url: base + "responses", body: JSON.stringify(body) };
      sentId = item.id;
      saveQueue(queue().concat([item]));  // kept until the server answers, even if the page closes
      status.textContent = t.sending;
      form.hidden = true;
      quiet(config);
      var result = await post(item);
      if (result === "retry") {
        status.textContent = t.queued;
        shut.focus();
        flush(settled);
      } else {
        dequeue(item.id);
        settled(item.id, result);
      }
    });

    fetch(base + "displays", { method: "POST", mode: "cors", credentials: "omit", keepalive: true }).catch(function () {});
  }

  // The short form: the first metric question, any required one and the first open question;
  // the rest wait behind "Tell us more". Pairs of (question, its index in the survey).
  function shortAndRest(questions) {
    var short = [], rest = [], core = false, comment = false;
    questions.forEach(function (question, index) {
      var pair = [question, index];
      if (question.kind !== "open" && !core) { core = true; short.push(pair); }
      else if (question.kind === "open" && !comment) { comment = true; short.push(pair); }
      else if (question.required) short.push(pair);
      else rest.push(pair);
    });
    return { short: short, rest: rest };
  }

  function quiet(config) {
    if (ALWAYS) return;
    write("localStorage", QUIET, String(Date.now() + config.quiet_days * 86400000));
  }

  function sampled(config) {
    var decided = read("sessionStorage", SAMPLE);
    if (decided === null) {
      decided = Math.random() * 100 < config.sample_percent ? "1" : "0";
      write("sessionStorage", SAMPLE, decided);
    }
    return decided === "1";
  }

  async function start() {
    if (queue().length) flush();
    var quietUntil = parseInt(read("localStorage", QUIET) || "0", 10);
    if (quietUntil > Date.now() && !ALWAYS) return;
    try {
      var response = await fetch(base + "config?lang=" + lang, { mode: "cors", credentials: "omit" });
      if (!response.ok) return;
      var config = await response.json();
      if (ALWAYS || sampled(config)) build(config);
    } catch (e) {
      // No widget when Kuulo cannot be reached; the host page is unaffected.
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
