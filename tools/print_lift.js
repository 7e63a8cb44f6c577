// Run by tools/print_pdf.py in each built page after its widgets are drawn. Returns the page's
// article as HTML that still works inside one long document: every widget becomes a
// placeholder (<div data-print-slot="model id">, with its drawn HTML and embedded state
// alongside), ids get the page's prefix, links to book pages point inside the document, and
// image sources are absolute.
({ prefix, pages }) => {
  const STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
  const VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';
  const HEAVY = new Set(["_esm", "_css", "svg"]); // the printer never needs code, styles or drawings
  // The loader resolves the pieces the build stores once per page (widgets/runtime/anywidget-static.js).
  const states = window.courseWidgetState ? window.courseWidgetState() : {};
  if (!window.courseWidgetState) {
    document.querySelectorAll(STATE).forEach((tag) => Object.assign(states, JSON.parse(tag.textContent).state || {}));
  }

  const article = (document.querySelector("article.bd-article") || document.querySelector("main")).cloneNode(true);
  const widgets = {};
  const drawn = {};
  article.querySelectorAll(VIEW).forEach((view) => {
    const modelId = JSON.parse(view.textContent).model_id;
    const host = view.previousElementSibling;
    const slot = document.createElement("div");
    slot.dataset.printSlot = modelId;
    if (host?.classList.contains("anywidget-static")) {
      drawn[modelId] = host.outerHTML;
      host.replaceWith(slot);
    } else {
      view.before(slot);
    }
    view.remove();
    const saved = states[modelId];
    if (saved?.state) {
      const state = Object.fromEntries(Object.entries(saved.state).filter(([key]) => !HEAVY.has(key)));
      widgets[modelId] = { anywidget_id: saved.state._anywidget_id || "", state };
    }
  });
  article.querySelectorAll("script, .headerlink, .cell_input, button.copybtn").forEach((el) => el.remove());
  article.querySelectorAll("[id]").forEach((el) => {
    if (!el.closest("svg")) el.id = prefix + el.id;
  });
  article.querySelectorAll("a[href]").forEach((link) => {
    const url = new URL(link.getAttribute("href"), location.href);
    if (url.origin !== location.origin) return; // the web: keep
    const path = url.pathname.replace(/^\/+/, "");
    if (path in pages) link.setAttribute("href", `#${pages[path]}${url.hash ? url.hash.slice(1) : "top"}`);
    else link.removeAttribute("href"); // the theme's own pages (search, index) are not printed
  });
  article.querySelectorAll("img[src]").forEach((img) => img.setAttribute("src", img.src));

  const heading = article.querySelector("h1");
  return {
    prefix,
    title: heading ? heading.textContent.trim() : document.title.split(" \u2014 ")[0].trim(),
    html: article.innerHTML,
    widgets,
    drawn,
    styles: Array.from(document.querySelectorAll("style"), (style) => style.textContent),
    stylesheets: Array.from(document.querySelectorAll('link[rel="stylesheet"]'), (link) => link.href),
  };
};
