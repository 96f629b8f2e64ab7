// The job seekers' chat widget: Rasa's socket.io channel with session persistence,
// a transcript that survives reloads and dropped connections, labels from our
// gettext catalogs (/api/widget-labels), counselor handoff, furigana for plain Japanese.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("message");
  const menu = document.getElementById("language");
  const statusBar = document.getElementById("status");
  const PLAIN_JAPANESE = "ja-easy";
  const KANJI = /[\u4e00-\u9fff々]/;
  const LINK = /https?:\/\/[^\s<>"'「」（）【】]+/g;
  const TRAILING = /[.,;:!?)\]}'"。、！？]+$/;
  const KEPT = 200; // transcript entries kept per session
  // Shown until /api/widget-labels answers; the same English as locales/strings.yml (tests compare them).
  const ENGLISH = {
    "widget.waiting": "Waiting for a counselor…",
    "widget.counselor_joined": "A counselor has joined: {name}",
    "widget.counselor_left": "Back to the assistant",
    "widget.reconnecting": "Reconnecting…",
    "widget.unreachable": "The assistant is not reachable. Your messages will be sent when it is back.",
    "widget.from_assistant": "From the assistant",
    "widget.from_counselor": "From {name} (counselor)",
    "widget.image": "Image",
  };
  let labels = Object.assign({}, ENGLISH);
  let labelRequest = 0;

  // ---- storage: the session id and, per session, the transcript and the unsent messages
  const store = {
    get(key, fallback) {
      try { return JSON.parse(window.localStorage.getItem(key)) ?? fallback; } catch (error) { return fallback; }
    },
    set(key, value) {
      try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* full or disabled */ }
    },
  };
  function newId() {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  // A conversation left for a day starts afresh, so the next person at a shared
  // computer does not find it (nor the name or contact typed in it).
  const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
  function forget(id) {
    try { window.localStorage.removeItem("navi-chat.session." + id); } catch (error) { /* disabled */ }
  }
  let sessionId = store.get("navi-chat.session", null);
  const stored = typeof sessionId === "string" && sessionId ? store.get("navi-chat.session." + sessionId, {}) : {};
  if (typeof sessionId !== "string" || !sessionId || Date.now() - (stored.savedAt || Date.now()) > FORGET_AFTER_MS) {
    if (sessionId) forget(sessionId);
    sessionId = newId();
  }
  store.set("navi-chat.session", sessionId);
  const KEY = "navi-chat.session." + sessionId;
  const state = Object.assign({ log: [], queue: [], language: null, handoff: null, next: 0 }, store.get(KEY, {}));
  function save() {
    state.log = state.log.slice(-KEPT);
    state.savedAt = Date.now();
    store.set(KEY, state);
  }
  // "New conversation": this device forgets the transcript; the assistant starts a new session.
  document.getElementById("new-conversation").addEventListener("click", function () {
    forget(sessionId);
    store.set("navi-chat.session", newId());
    window.location.reload();
  });

  // ---- labels
  function fill(key, name) {
    return (labels[key] || ENGLISH[key] || "").split("{name}").join(name || "");
  }
  function labelled(tag, key, name) {
    const element = document.createElement(tag);
    element.dataset.label = key;
    if (name) element.dataset.name = name;
    element.textContent = fill(key, name);
    return element;
  }
  function applyLabels() {
    document.querySelectorAll("[data-label]").forEach((element) => {
      element.textContent = fill(element.dataset.label, element.dataset.name);
    });
    input.placeholder = fill("widget.placeholder");
    if (labels["widget.conversation"]) log.setAttribute("aria-label", labels["widget.conversation"]);
    log.querySelectorAll("img").forEach((image) => { image.alt = fill("widget.image"); });
    renderStatus();
  }
  function hasOption(code) {
    return Array.from(menu.options).some((option) => option.value && option.value === code);
  }
  // The widget's language: the menu's, or in "automatic" the browser's first shipped language.
  function labelLanguage() {
    if (menu.value) return menu.value;
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
    for (const tag of wanted) {
      const primary = String(tag).toLowerCase().split("-")[0];
      const code = primary === "tl" ? "fil" : primary;
      if (hasOption(code)) return code;
    }
    return "en";
  }
  async function relabel() {
    const language = labelLanguage();
    const request = ++labelRequest;
    const cacheKey = "navi-chat.labels." + language;
    document.documentElement.lang = language.split("-")[0];
    const cached = store.get(cacheKey, null);
    if (cached) { // last visit's labels at once, then fresh ones
      labels = Object.assign({}, ENGLISH, cached);
      applyLabels();
    }
    try {
      const reply = await fetch("/api/widget-labels?language=" + encodeURIComponent(language));
      const fresh = reply.ok ? await reply.json() : null;
      if (fresh && request === labelRequest) labels = Object.assign({}, ENGLISH, fresh);
      if (fresh) store.set(cacheKey, fresh);
    } catch (error) { /* keep the labels we have */ }
    if (request === labelRequest) applyLabels();
  }
  function chooseLanguage() {
    state.language = menu.value;
    save();
    relabel();
  }
  // The assistant announces a language the user asked for in the chat: the menu follows.
  function follow(code) {
    if (code !== menu.value && hasOption(code)) {
      menu.value = code;
      chooseLanguage();
    }
  }

  // ---- rendering (bot text as text; only the server-escaped furigana HTML goes through innerHTML)
  function safeUrl(url) {
    try {
      const parsed = new URL(String(url), window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) { return null; }
  }
  function linkify(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      const text = node.nodeValue;
      const parts = document.createDocumentFragment();
      let last = 0;
      let found = false;
      text.replace(LINK, function (match, offset) {
        const raw = match.replace(TRAILING, "");
        const href = safeUrl(raw);
        if (!href || offset < last) return match;
        const link = document.createElement("a");
        link.href = href;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        link.textContent = raw;
        parts.append(text.slice(last, offset), link);
        last = offset + raw.length;
        found = true;
        return match;
      });
      if (!found) return;
      parts.append(text.slice(last));
      node.replaceWith(parts);
    });
  }
  async function withFurigana(element, text) {
    if (!KANJI.test(text)) return;
    try {
      const reply = await fetch("/api/furigana", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: text }),
      });
      if (!reply.ok) return;
      element.innerHTML = (await reply.json()).html; // ruby markup, escaped by the server
      element.classList.add("ruby");
      linkify(element);
    } catch (error) { /* the text without readings is still readable */ }
  }
  // Scrolling (smooth only without prefers-reduced-motion, chat.css): the user's message to the end;
  // replies so that the first one since the user wrote stays in view, a long answer read from its start.
  let anchor = null;
  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }
  function reveal(item, who) {
    if (who === "user") {
      anchor = null;
      return scrollToEnd();
    }
    if (!anchor || !anchor.isConnected) anchor = item;
    log.scrollTop = Math.min(log.scrollHeight, anchor.offsetTop - 8);
  }
  function draw(entry) {
    const item = document.createElement("div");
    item.className = "msg " + entry.who + (entry.pending ? " pending" : "");
    item.dataset.id = entry.id;
    if (entry.lang) item.lang = entry.lang.split("-")[0];
    if (entry.who === "note") item.appendChild(labelled("p", entry.label, entry.name));
    if (entry.who === "bot" || entry.who === "counselor") {
      const who = labelled("span", entry.who === "bot" ? "widget.from_assistant" : "widget.from_counselor", entry.name);
      who.className = entry.who === "bot" ? "who visually-hidden" : "who";
      item.appendChild(who);
    }
    if (entry.text) {
      const body = document.createElement("p");
      body.className = "text";
      body.textContent = entry.text;
      if (entry.who !== "user") linkify(body);
      item.appendChild(body);
      if (entry.furigana) withFurigana(body, entry.text);
    }
    if (entry.image) {
      const image = document.createElement("img");
      image.src = entry.image;
      image.alt = fill("widget.image");
      image.loading = "lazy";
      item.appendChild(image);
    }
    if (entry.buttons && entry.buttons.length) {
      const choices = document.createElement("div");
      choices.className = "choices";
      entry.buttons.forEach(function (choice) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = choice.title;
        button.addEventListener("click", function () { send(choice.payload, choice.title); });
        choices.appendChild(button);
      });
      item.appendChild(choices);
    }
    log.appendChild(item);
    return item;
  }
  function add(entry) {
    entry.id = ++state.next;
    state.log.push(entry);
    save();
    reveal(draw(entry), entry.who);
    return entry;
  }

  // ---- connection state and handoff banner
  let socket = null;
  let confirmed = false;
  let everConfirmed = false;
  let failures = 0;
  function renderStatus() {
    const unreachable = !socket || failures >= 2 || (failures >= 1 && !everConfirmed);
    const key = confirmed ? (state.handoff === "waiting" ? "widget.waiting" : null)
      : unreachable ? "widget.unreachable" : everConfirmed ? "widget.reconnecting" : null;
    statusBar.hidden = !key;
    statusBar.className = key === "widget.waiting" ? "waiting" : key ? "offline" : "";
    statusBar.textContent = key ? fill(key) : "";
  }
  function handoff(kind, name) {
    if (kind === "waiting") {
      state.handoff = "waiting";
    } else if (kind === "joined") {
      state.handoff = "joined";
      add({ who: "note", label: "widget.counselor_joined", name: String(name || "") });
    } else if (kind === "ended") {
      state.handoff = null;
      add({ who: "note", label: "widget.counselor_left" });
    }
    save();
    renderStatus();
  }

  // ---- messages from Rasa: text, quick replies/buttons, images, custom payloads
  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }
  function receive(message) {
    if (!isObject(message)) return;
    // A custom payload reaches socket.io as its `data` (Rasa's send_custom_json); REST keeps `custom`.
    const custom = isObject(message.custom) ? message.custom : {};
    const m = Object.assign({}, message, custom, isObject(custom.data) && custom.data, isObject(message.data) && message.data);
    if (typeof m.language === "string") follow(m.language);
    if (typeof m.handoff === "string") handoff(m.handoff, m.name);
    const buttons = (Array.isArray(m.quick_replies) ? m.quick_replies : Array.isArray(m.buttons) ? m.buttons : [])
      .filter((b) => isObject(b) && b.title)
      .map((b) => ({ title: String(b.title), payload: String(b.payload || b.title) }));
    const attachment = isObject(m.attachment) && m.attachment.type === "image" && isObject(m.attachment.payload);
    const source = attachment ? m.attachment.payload.src : m.image;
    const image = typeof source === "string" && source ? safeUrl(source) : null;
    const text = typeof m.text === "string" ? m.text : "";
    if (!text && !buttons.length && !image) return;
    const counselor = m.sender === "counselor";
    if (counselor) dropPlainCopy(text);
    add({
      who: counselor ? "counselor" : "bot",
      name: counselor ? String(m.name || "") : undefined,
      text: text,
      buttons: buttons,
      image: image || undefined,
      lang: menu.value || undefined,
      furigana: menu.value === PLAIN_JAPANESE || undefined,
    });
  }

  // A bot event with text and a counselor payload reaches us twice: first as plain bot text
  // (split at blank lines, like every text), then as the payload. Keep only the counselor's.
  function dropPlainCopy(text) {
    const parts = text.trim().split("\n\n");
    const tail = state.log.slice(-parts.length);
    const copy = tail.length === parts.length && tail.every((entry, i) => entry.who === "bot" && entry.text === parts[i]);
    if (!copy) return;
    tail.forEach((entry) => log.querySelector('[data-id="' + entry.id + '"]')?.remove());
    state.log.splice(-parts.length);
  }

  // ---- sending: every message goes through a queue kept in storage until Rasa has it. A message
  // leaves the queue when acknowledged (socket.io answers after Rasa handled it, and it handles a
  // conversation's messages in order) or when a reply arrives on the connection it went out on;
  // one sent on a connection that died first (a phone changing networks) is sent again.
  function send(message, shown) {
    message = String(message || "").trim();
    if (!message) return;
    const entry = add({ who: "user", text: shown || message, pending: true });
    state.queue.push({ id: entry.id, message: message, language: menu.value });
    save();
    flush();
  }
  function unsent() {
    state.queue.forEach((queued) => { delete queued.sent; });
    save();
  }
  function delivered(id) {
    state.queue = state.queue.filter((queued) => queued.id > id);
    save();
  }
  function flush() {
    if (!confirmed || !socket || !socket.connected) return;
    state.queue.filter((queued) => !queued.sent).forEach((queued) => {
      const customData = queued.language ? { language: queued.language } : {};
      queued.sent = true;
      socket.emit("user_uttered", { message: queued.message, session_id: sessionId, customData: customData },
        () => delivered(queued.id));
      delete state.log.find((each) => each.id === queued.id)?.pending;
      log.querySelector('[data-id="' + queued.id + '"]')?.classList.remove("pending");
    });
    save();
  }
  // After every (re)connect: what was said while this page was offline (a counselor's
  // reply pushed meanwhile), from the server's history; what is already shown is skipped.
  async function catchUp() {
    const first = typeof state.seenUntil !== "number";
    try {
      const query = "?session_id=" + sessionId + "&after=" + (first ? 0 : state.seenUntil);
      const reply = await fetch("/api/missed" + query);
      if (!reply.ok) return;
      const missed = await reply.json();
      if (!first) {
        const shown = state.log.slice(-(missed.messages.length + 20)).map((entry) => entry.text);
        const now = { waiting: "waiting", joined: "joined", ended: null };
        missed.messages.forEach(function (message) {
          const data = isObject(message.data) ? message.data : {};
          const text = message.text || data.text || "";
          if (!text) {  // a handoff signal: only when it changes the state shown
            if (typeof data.handoff === "string" && now[data.handoff] !== state.handoff) receive(message);
            return;
          }
          // Rasa sends each paragraph as its own message; the history keeps them together.
          const parts = data.sender === "counselor" ? [text] : text.trim().split("\n\n");
          parts.forEach(function (part, index) {
            const at = shown.indexOf(part);
            if (at >= 0) { shown.splice(at, 1); return; }
            const last = index === parts.length - 1;
            receive(Object.assign({}, message, { text: part, buttons: last ? message.buttons : [] },
              isObject(message.data) ? { data: Object.assign({}, message.data, { text: part }) } : {}));
          });
        });
      }
      state.seenUntil = missed.latest;
      save();
    } catch (error) { /* the next reconnect tries again */ }
  }
  function connect() {
    if (typeof window.io !== "function") return renderStatus(); // the client library did not load
    socket = window.io(window.RASA_URL, { path: "/socket.io" });
    socket.on("connect", function () { socket.emit("session_request", { session_id: sessionId }); });
    socket.on("session_confirm", function () {
      confirmed = true;
      everConfirmed = true;
      failures = 0;
      renderStatus();
      flush();
      catchUp();
    });
    socket.on("bot_uttered", (message) => {
      state.queue = state.queue.filter((queued) => !queued.sent);
      receive(message);
    });
    socket.on("disconnect", function (reason) {
      confirmed = false;
      unsent();
      renderStatus();
      if (reason === "io server disconnect") socket.connect(); // the server hung up: call again
    });
    socket.on("connect_error", function () {
      failures += 1;
      renderStatus();
    });
  }

  // ---- Japanese input: the Enter that confirms an IME conversion never sends
  let composing = false;
  let composedAt = -Infinity;
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () {
    composing = false;
    composedAt = performance.now(); // Safari fires keydown Enter (isComposing false) right after this
  });
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault(); // we send ourselves, never by the form's implicit submission
    if (event.isComposing || composing || event.keyCode === 229 || performance.now() - composedAt < 100) return;
    submit();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submit();
  });
  function submit() {
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    send(text);
  }
  menu.addEventListener("change", chooseLanguage);

  // ---- start: redraw this session's transcript, label the widget, connect
  if (typeof state.language === "string" && (state.language === "" || hasOption(state.language))) {
    menu.value = state.language;
  }
  unsent(); // sent before the page closed, never acknowledged
  state.log.forEach(draw);
  scrollToEnd();
  relabel();
  connect();
  renderStatus();
})();
