// Renders anywidget views embedded in a static book page: no kernel, no RequireJS, no CDN.
//
// myst-nb writes the executed notebook's widget state into the page as
// <script type="application/vnd.jupyter.widget-state+json"> and each widget output as
// <script type="application/vnd.jupyter.widget-view+json">. For every view whose model is
// an anywidget, this builds a small model over the saved state (get/set/on/off, no-op
// save_changes/send), injects the model's CSS, imports its ES module from a Blob URL and
// calls the module's initialize and render, exactly as anywidget does in JupyterLab.
// Every course widget is an anywidget (a test checks), so no other manager is needed.
// Model contract verified against anywidget 0.11.x (tests/unit/test_static_runtime.py).
(() => {
  const STATE_TYPE = "application/vnd.jupyter.widget-state+json";
  const VIEW_TYPE = "application/vnd.jupyter.widget-view+json";

  function readSavedState() {
    const models = {};
    document.querySelectorAll(`script[type="${STATE_TYPE}"]`).forEach((tag) => {
      Object.assign(models, JSON.parse(tag.textContent).state || {});
    });
    return models;
  }

  function createModel(initialState) {
    const values = Object.assign({}, initialState);
    const listeners = new Map();
    const emit = (event, ...args) => (listeners.get(event) || []).slice().forEach((cb) => cb(...args));
    return {
      get: (name) => values[name],
      set(name, value) {
        const changed = values[name] !== value;
        values[name] = value;
        if (changed) {
          emit(`change:${name}`, value);
          emit("change", name, value);
        }
      },
      on(event, callback) {
        event.split(/\s+/).forEach((name) => {
          if (!listeners.has(name)) listeners.set(name, []);
          listeners.get(name).push(callback);
        });
      },
      off(event, callback) {
        if (!event) return listeners.clear();
        event.split(/\s+/).forEach((name) => {
          if (!callback) return listeners.delete(name);
          listeners.set(
            name,
            (listeners.get(name) || []).filter((cb) => cb !== callback),
          );
        });
      },
      save_changes() {},
      send() {},
      widget_manager: {
        async get_model() {
          throw new Error("Linked widgets need a running kernel.");
        },
      },
    };
  }

  async function loadModule(source) {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    try {
      const module = await import(url);
      const widget = module.default;
      return typeof widget === "function" ? await widget() : widget;
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  const injectedStyles = new Set();
  function injectCss(css) {
    if (!css || injectedStyles.has(css)) return;
    injectedStyles.add(css);
    const style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
  }

  async function renderView(viewTag, savedState) {
    const { model_id: modelId } = JSON.parse(viewTag.textContent);
    const saved = savedState[modelId];
    const host = document.createElement("div");
    host.className = "anywidget-static";
    viewTag.parentNode.insertBefore(host, viewTag);
    if (saved?.model_name !== "AnyModel") {
      host.textContent = "This interactive element needs a live Jupyter kernel.";
      return;
    }
    const { model, widget } = await modelFor(modelId, saved.state);
    if (widget.render) await widget.render({ model, el: host, experimental: {} });
  }

  // One model per model id, initialised once, so several views of a widget stay in step.
  const models = new Map();
  function modelFor(modelId, state) {
    if (!models.has(modelId)) {
      models.set(
        modelId,
        (async () => {
          const model = createModel(state);
          injectCss(model.get("_css"));
          const widget = await loadModule(model.get("_esm"));
          if (widget.initialize) await widget.initialize({ model, experimental: {} });
          return { model, widget };
        })(),
      );
    }
    return models.get(modelId);
  }

  async function renderAll() {
    const savedState = readSavedState();
    const views = document.querySelectorAll(`script[type="${VIEW_TYPE}"]`);
    const results = await Promise.allSettled(Array.from(views, (tag) => renderView(tag, savedState)));
    results.filter((r) => r.status === "rejected").forEach((r) => console.error("Widget failed to render:", r.reason));
    document.documentElement.dataset.widgetsReady = "true";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
