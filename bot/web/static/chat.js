// A minimal REST client for the demo page (the socket.io widget is issue 5).
(function () {
  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("message");
  const language = document.getElementById("language");
  const sender = "web-" + Math.random().toString(36).slice(2);
  const PLAIN_JAPANESE = "ja-easy";
  const KANJI = /[\u4e00-\u9fff々]/;

  // Plain Japanese shows readings over kanji; the server computes and escapes them.
  async function withFurigana(element, text) {
    if (language.value !== PLAIN_JAPANESE || !KANJI.test(text)) return;
    try {
      const reply = await fetch("/api/furigana", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: text }),
      });
      if (reply.ok) element.innerHTML = (await reply.json()).html;
    } catch (error) { /* the text without readings is still readable */ }
  }

  function show(who, text, buttons) {
    const item = document.createElement("li");
    item.className = who;
    const body = document.createElement("span");
    body.className = "text";
    body.textContent = text || "";
    item.appendChild(body);
    if (who === "bot") withFurigana(body, text || "");
    (buttons || []).forEach(function (button) {
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = button.title;
      element.addEventListener("click", function () { send(button.payload, button.title); });
      item.appendChild(element);
    });
    log.appendChild(item);
    item.scrollIntoView();
  }

  // The assistant announces a language the user asked for in the chat.
  function follow(custom) {
    if (custom && custom.language && language.querySelector('option[value="' + custom.language + '"]')) {
      language.value = custom.language;
    }
  }

  async function send(message, shown) {
    show("user", shown || message);
    const body = { sender: sender, message: message };
    if (language.value) body.metadata = { language: language.value };
    try {
      const reply = await fetch(window.RASA_URL + "/webhooks/rest/webhook", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      (await reply.json()).forEach(function (m) {
        if (m.custom) follow(m.custom);
        if (m.text) show("bot", m.text, m.buttons);
      });
    } catch (error) {
      show("bot", "⚠ The assistant is not reachable. / アシスタントに接続できません。");
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (event.isComposing) return;  // Enter that confirms an IME conversion
    const text = input.value;
    input.value = "";
    send(text);
  });
})();
