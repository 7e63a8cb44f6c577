/* ReviewDeck: placeholder ES module; the full widget replaces this. */
function render({ model, el }) {
  el.append(h("div", { className: "npc-widget", "data-widget": "review-deck" }, "ReviewDeck (in development)"));
}

export default { render };
