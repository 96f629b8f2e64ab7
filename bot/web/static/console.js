// The counselor's conversation page: new messages appear live (polled from the
// tracker store through the console's API), and replies are sent without a reload.
(function () {
  const status = document.getElementById("ticket-status");
  const transcript = document.getElementById("transcript");
  const form = document.getElementById("reply-form");
  if (!status || !transcript) return;
  const ticket = status.dataset.ticket;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;

  function draw(messages) {
    transcript.replaceChildren(...messages.map(function (line) {
      const item = document.createElement("li");
      item.className = line.who;
      item.textContent = (line.name || line.who) + " " + line.at + " " + line.text;
      return item;
    }));
  }

  async function poll() {
    try {
      const reply = await fetch("/console/api/tickets/" + ticket + "/messages", { credentials: "same-origin" });
      if (reply.ok) draw((await reply.json()).messages);
    } catch (error) { /* try again at the next tick */ }
  }
  setInterval(poll, 2000);

  if (form) {
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      const input = form.querySelector("input[name=text]");
      const body = new URLSearchParams({ text: input.value, csrf_token: csrf });
      const reply = await fetch(form.action, {
        method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" },
      });
      if (reply.ok) { input.value = ""; poll(); } else { status.textContent = await reply.text(); }
    });
  }
})();
