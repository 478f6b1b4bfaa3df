/// The review page's script. It renders `/api/slots` with `textContent` and
/// DOM calls only (never `innerHTML`), posts each decision to `/api/decide`
/// as JSON, and keeps the status line's count from the server's answers.
/// Decided slots stay on screen until the page reloads, so a person can see
/// what they did and reset it.
enum ReviewPageScript {
    static let javascript = #"""
        "use strict";
        const page = { decks: [], left: 0, showAll: false, kept: new Set(), current: null, loaded: false };
        const byId = (id) => document.getElementById(id);
        const keyOf = (deck, slot) => deck + "|" + slot;

        function el(tag, className, text) {
          const node = document.createElement(tag);
          if (className) node.className = className;
          if (text !== undefined && text !== null) node.textContent = text;
          return node;
        }

        function showMessage(text) { byId("message").textContent = text || ""; }

        function updateStatus() {
          const n = page.left;
          byId("status").textContent = n + (n === 1 ? " slot" : " slots") + " left to review";
        }

        async function load() {
          let response, body;
          try {
            response = await fetch("/api/slots", { headers: { "Accept": "application/json" } });
            body = await response.json();
          } catch (error) {
            showMessage("The review server did not answer: " + error);
            return;
          }
          if (!response.ok) { showMessage(body.message || body.error); return; }
          page.decks = body.decks;
          page.left = body.left;
          render();
          if (!page.loaded) {
            page.loaded = true;
            const first = document.querySelector("article.slot");
            if (first) first.focus();
          }
        }

        function visible(view) {
          return page.showAll || view.open || page.kept.has(keyOf(view.deck, view.entry.slot));
        }

        function render() {
          const main = byId("decks");
          main.replaceChildren();
          for (const deck of page.decks) {
            const section = el("section", "deck");
            section.dataset.deck = deck.index;
            section.append(el("h2", null, deck.deck));
            section.append(el("p", "review-file", "Review file: " + deck.reviewFile));
            if (deck.error) section.append(el("p", "error", deck.error));
            const views = deck.slots.filter(visible).sort((a, b) => a.entry.slide - b.entry.slide);
            if (views.length === 0) section.append(el("p", "done", "Nothing left to review in this deck."));
            let slide = null, list = null;
            for (const view of views) {
              if (view.entry.slide !== slide) {
                slide = view.entry.slide;
                const title = view.context && view.context.slideTitle;
                section.append(el("h3", "slide", "Slide " + slide + (title ? ": " + title : "")));
                list = el("div", "cards");
                section.append(list);
              }
              list.append(card(view));
            }
            main.append(section);
          }
          updateStatus();
          const current = findCard(page.current);
          if (current) current.classList.add("current");
        }

        function contextRow(list, label, text) {
          if (!text) return;
          const row = el("div");
          row.append(el("dt", null, label), el("dd", null, text));
          list.append(row);
        }

        function card(view) {
          const slot = view.entry, context = view.context || { slideText: [] };
          const node = el("article", "slot");
          node.dataset.slot = slot.slot;
          node.dataset.deck = view.deck;
          node.dataset.state = slot.state;
          node.tabIndex = 0;
          node.setAttribute("aria-label", "Slide " + slot.slide + ", " + slot.kind + " " + slot.name + ", " + slot.state);
          if (!view.open) node.classList.add("settled");
          node.addEventListener("focus", () => { page.current = keyOf(view.deck, slot.slot); markCurrent(node); });

          const preview = el("div", "view");
          if (view.media) {
            const image = el("img", "picture");
            image.src = view.media;
            image.alt = "The picture of " + slot.name;
            preview.append(image);
          } else if (view.data.length > 0) {
            preview.append(el("pre", "data", view.data.join("\n")));
          } else {
            preview.append(el("p", "no-picture", "No preview"));
          }
          node.append(preview);

          const info = el("div", "info");
          const meta = el("p", "meta");
          meta.append(el("span", "kind", slot.kind), " ", el("span", "name", slot.name), " ",
                      el("span", "state state-" + slot.state, slot.state));
          info.append(meta);
          const about = el("dl", "context");
          contextRow(about, "Slide title:", context.slideTitle);
          contextRow(about, "Caption:", context.caption);
          for (const line of context.slideText) contextRow(about, "Nearby:", line);
          info.append(about);
          const text = el("p", "text", slot.text ? slot.text : "(no ALT text)");
          if (!slot.text) text.classList.add("empty");
          info.append(text);
          if (slot.generated && slot.generated !== slot.text) info.append(el("p", "generated", "Generated: " + slot.generated));
          if (slot.reason) info.append(el("p", "reason", slot.reason));
          if (slot.stale) info.append(el("p", "stale", "No longer in the deck; the decision is kept."));

          const actions = el("div", "actions");
          const button = (className, label, handler) => {
            const b = el("button", className, label);
            b.type = "button";
            b.addEventListener("click", handler);
            actions.append(b);
            return b;
          };
          const approve = button("approve", "Approve", () => decide(view, "approve"));
          // Only generated text can be approved (a file name in place of one cannot); the server says the same.
          const approvable = slot.text && ["generated", "approved", "edited"].includes(slot.state);
          if (!approvable) { approve.disabled = true; approve.title = "Nothing generated to approve: write a text with Edit"; }
          button("edit", "Edit", () => openEditor(node));
          button("decorative", "Decorative", () => decide(view, "decorative"));
          button("reset", "Reset", () => decide(view, "reset"));
          info.append(actions);

          const editor = el("div", "editor");
          editor.hidden = true;
          const area = el("textarea", "edit-text");
          area.setAttribute("aria-label", "ALT text for " + slot.name);
          const save = el("button", "save", "Save");
          save.type = "button";
          save.addEventListener("click", () => saveEdit(node));
          const cancel = el("button", "cancel", "Cancel");
          cancel.type = "button";
          cancel.addEventListener("click", () => closeEditor(node));
          editor.append(area, save, cancel);
          info.append(editor);
          node.append(info);
          return node;
        }

        function findCard(key) {
          if (!key) return null;
          for (const node of document.querySelectorAll("article.slot")) {
            if (keyOf(node.dataset.deck, node.dataset.slot) === key) return node;
          }
          return null;
        }

        function slotOf(node) {
          const deck = page.decks[Number(node.dataset.deck)];
          return deck ? deck.slots.find((view) => view.entry.slot === node.dataset.slot) : undefined;
        }

        function markCurrent(node) {
          for (const other of document.querySelectorAll("article.slot.current")) other.classList.remove("current");
          node.classList.add("current");
        }

        function currentCard() {
          const focused = document.activeElement && document.activeElement.closest("article.slot");
          return focused || findCard(page.current) || document.querySelector("article.slot");
        }

        function move(delta) {
          const cards = Array.from(document.querySelectorAll("article.slot"));
          if (cards.length === 0) return;
          const index = cards.indexOf(currentCard());
          const next = cards[Math.max(0, Math.min(cards.length - 1, index + delta))];
          next.focus();
          next.scrollIntoView({ block: "nearest" });
        }

        function openEditor(node) {
          const view = slotOf(node);
          const editor = node.querySelector(".editor");
          const area = node.querySelector(".edit-text");
          area.value = view && view.entry.text ? view.entry.text : "";
          editor.hidden = false;
          area.focus();
        }

        function closeEditor(node) {
          node.querySelector(".editor").hidden = true;
          node.focus();
        }

        function saveEdit(node) {
          const view = slotOf(node);
          if (view) decide(view, "set", node.querySelector(".edit-text").value);
        }

        async function decide(view, decision, text) {
          showMessage("");
          const request = { deck: view.deck, slot: view.entry.slot, decision: decision };
          if (text !== undefined) request.text = text;
          let response, answer;
          try {
            response = await fetch("/api/decide", {
              method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request)
            });
            answer = await response.json();
          } catch (error) {
            showMessage("The review server did not answer: " + error);
            return;
          }
          if (!response.ok) { showMessage(answer.message || answer.error); return; }
          const decided = answer.slot;
          const deck = page.decks[decided.deck];
          const index = deck.slots.findIndex((other) => other.entry.slot === decided.entry.slot);
          if (index >= 0) deck.slots[index] = decided;
          page.left = answer.left;
          const key = keyOf(decided.deck, decided.entry.slot);
          page.kept.add(key);
          page.current = key;
          render();
          const node = findCard(key);
          if (node) node.focus();
          if (decision !== "reset") move(1);
        }

        document.addEventListener("keydown", (event) => {
          const target = event.target;
          if (target instanceof HTMLTextAreaElement) {
            const node = target.closest("article.slot");
            if (event.key === "Escape") { event.preventDefault(); closeEditor(node); }
            else if (event.key === "Enter" && (event.ctrlKey || !event.shiftKey)) { event.preventDefault(); saveEdit(node); }
            return;
          }
          if (target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
          const node = currentCard();
          const view = node ? slotOf(node) : undefined;
          switch (event.key) {
            case "j": move(1); break;
            case "k": move(-1); break;
            case "a": if (view) decide(view, "approve"); break;
            case "e": if (node) { event.preventDefault(); openEditor(node); } break;
            case "d": if (view) decide(view, "decorative"); break;
            case "r": if (view) decide(view, "reset"); break;
            default: return;
          }
        });

        byId("show-all").addEventListener("change", (event) => {
          page.showAll = event.target.checked;
          render();
        });

        load();
        """#
}
