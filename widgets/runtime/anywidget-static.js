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
//
// The build stores each piece that several models share once per page (common.js, shared
// parts, stylesheets, the plate SVG): a value {"$course-shared": [keys]} is the texts of those
// keys in the page's `course_shared` table, joined (widgets/authoring/shared_state.py packs
// it). Models whose assembled module is the same share one import, and each stylesheet part
// is injected once.
(() => {
  const STATE_TYPE = "application/vnd.jupyter.widget-state+json";
  const VIEW_TYPE = "application/vnd.jupyter.widget-view+json";
  const SHARED = "course_shared";
  const REFERENCE = "$course-shared";
  const CSS_PART_START = /^(?=\/\*@course-part )/m;

  function resolveShared(value, table) {
    if (Array.isArray(value)) return value.map((item) => resolveShared(item, table));
    if (!value || typeof value !== "object") return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === REFERENCE) {
      return value[REFERENCE]
        .map((key) => {
          if (!Object.hasOwn(table, key)) throw new Error(`Widget state refers to ${key}, missing from ${SHARED}.`);
          return table[key];
        })
        .join("");
    }
    return Object.fromEntries(keys.map((key) => [key, resolveShared(value[key], table)]));
  }

  /** Every model's saved state on the page, as the notebook saved it (shared pieces resolved). */
  function readSavedState() {
    const models = {};
    document.querySelectorAll(`script[type="${STATE_TYPE}"]`).forEach((tag) => {
      const saved = JSON.parse(tag.textContent);
      const state = saved.state || {};
      Object.assign(models, saved[SHARED] ? resolveShared(state, saved[SHARED]) : state);
    });
    return models;
  }
  // tools/print_lift.js reads the models through this, so the printer never meets a reference.
  window.courseWidgetState = readSavedState;

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

  // One import per distinct module source: models of one widget class share a module, as the
  // page's models of one class share their code (module-level state is written for that).
  const modules = new Map();
  function importOnce(source) {
    if (!modules.has(source)) {
      const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      modules.set(
        source,
        import(url).finally(() => URL.revokeObjectURL(url)),
      );
    }
    return modules.get(source);
  }

  async function loadModule(source) {
    const widget = (await importOnce(source)).default;
    return typeof widget === "function" ? await widget() : widget;
  }

  // Each stylesheet part (common.css, a shared part, a widget's own) once, in first-seen order.
  const injectedStyles = new Set();
  function injectCss(css) {
    for (const part of (css || "").split(CSS_PART_START)) {
      if (!part || injectedStyles.has(part)) continue;
      injectedStyles.add(part);
      const style = document.createElement("style");
      style.textContent = part;
      document.head.appendChild(style);
    }
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
