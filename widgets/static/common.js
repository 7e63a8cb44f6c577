/* Helpers shared by every course widget; widgets/_base.py prepends this file to each
 * widget's ES module, so each widget stays a single self-contained module. A question's
 * answer logic is here (the progress page and the calculator use parts of it); drawing a
 * question is question.js, a part only the quiz and the review deck take. */

/** Build an element. Children that are strings become text nodes, never markup. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value);
    } else if (name === "className") {
      el.className = value;
    } else {
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Put HTML that Python already sanitised (markdown-it with HTML off, then nh3) into el. */
function setSanitisedHtml(el, html) {
  el.innerHTML = html;
  return el;
}

/** Make a non-button element act like a button for mouse and keyboard. */
function activateOn(el, handler) {
  el.addEventListener("click", handler);
  el.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      handler(event);
    }
  });
}

/**
 * Read JSON saved in localStorage. Anything unreadable, or failing `isValid`, is set aside
 * under a numbered key (`<key>:set-aside:<n>`, never overwritten) and reported through
 * `note` so the widget can tell the learner; it never throws and never loses the data.
 */
function loadSaved(key, isValid) {
  let raw = null;
  try {
    raw = window.localStorage.getItem(key);
  } catch (error) {
    return {
      value: null,
      note: "This browser does not allow saving progress, so answers last only until you leave the page.",
    };
  }
  if (raw === null) return { value: null, note: "" };
  try {
    const value = JSON.parse(raw);
    if (isValid(value)) return { value, note: "" };
  } catch (error) {
    /* fall through: corrupted data is set aside below */
  }
  const copy = setAside(key, raw);
  return {
    value: null,
    note: copy
      ? `Saved progress could not be read, so you are starting afresh. The unreadable copy was kept in this browser as "${copy}".`
      : "Saved progress could not be read, so you are starting afresh.",
  };
}

/** Move the raw text at `key` to the first free `<key>:set-aside:<n>`; returns that key. */
function setAside(key, raw) {
  try {
    let n = 1;
    while (window.localStorage.getItem(`${key}:set-aside:${n}`) !== null) n += 1;
    window.localStorage.setItem(`${key}:set-aside:${n}`, raw);
    window.localStorage.removeItem(key);
    return `${key}:set-aside:${n}`;
  } catch (error) {
    return "";
  }
}

function save(key, value) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    return false;
  }
}

/**
 * For a widget whose mode decides its whole layout: render with `renderMode`, and render
 * afresh when Python sets `mode`. Returns the cleanup function anywidget expects.
 */
function renderEachMode(renderMode, { model, el }) {
  let cleanup = renderMode({ model, el });
  const onMode = () => {
    cleanup();
    el.replaceChildren();
    cleanup = renderMode({ model, el });
  };
  model.on("change:mode", onMode);
  return () => {
    model.off("change:mode", onMode);
    cleanup();
  };
}

/** Push a trait change to the kernel when there is one (a no-op on the static page). */
function syncTrait(model, name, value) {
  model.set(name, value);
  model.save_changes();
}

/** Ids unique on the page, even with several widgets (whether or not they share a module). */
const idBase = `npc${Math.random().toString(36).slice(2, 8)}`;
let idCounter = 0;
function uniqueId(stem) {
  idCounter += 1;
  return `${idBase}-${stem}${idCounter}`;
}

/**
 * Give every id inside an inlined SVG a per-instance prefix (keeping the original in
 * data-svg-id) and rewrite the references to them, so two copies of one figure on a page
 * never share ids. Query the figure's parts by [data-svg-id] afterwards.
 */
function scopeSvgIds(svg) {
  const prefix = uniqueId("svg");
  const renamed = new Map();
  svg.querySelectorAll("[id]").forEach((node) => {
    renamed.set(node.id, `${prefix}-${node.id}`);
    node.dataset.svgId = node.id;
    node.id = `${prefix}-${node.id}`;
  });
  const rewrite = (text) =>
    text.replace(/url\(#([^)]+)\)/g, (match, id) => (renamed.has(id) ? `url(#${renamed.get(id)})` : match));
  svg.querySelectorAll("*").forEach((node) => {
    for (const attr of Array.from(node.attributes)) {
      if (attr.value.includes("url(#")) node.setAttribute(attr.name, rewrite(attr.value));
      else if (
        (attr.name === "href" || attr.name === "xlink:href") &&
        attr.value.startsWith("#") &&
        renamed.has(attr.value.slice(1))
      ) {
        node.setAttribute(attr.name, `#${renamed.get(attr.value.slice(1))}`);
      }
    }
  });
  svg.querySelectorAll("style").forEach((style) => {
    style.textContent = rewrite(style.textContent);
  });
  return svg;
}

/** A seed that belongs to this learner's browser, so each learner sees their own option
 * order and keeps it after a reload (stored with the learner's progress). */
const LEARNER_KEY = "npc-learner:v1";
function learnerSeed() {
  const saved = loadSaved(LEARNER_KEY, (value) => value && Number.isInteger(value.seed));
  if (saved.value) return saved.value.seed;
  const seed = Math.floor(Math.random() * 2 ** 31);
  save(LEARNER_KEY, { seed });
  return seed;
}

function hashString(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** The same shuffle of `list` for the same learner seed and key (mulberry32 + Fisher-Yates). */
function seededShuffle(list, key, seed = learnerSeed()) {
  let state = (hashString(key) ^ seed) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = list.slice();
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/* Answers to questions (question.js draws the questions).
 *
 * An answer entry is { value, tries, correct, closed, revealed }. A wrong try that is not
 * the last leaves the item open and shows no answer; a right try closes it and counts; the
 * last wrong try or "Show answer" closes it as revealed, and a revealed item never counts. */

/** A number typed with a decimal point or a decimal comma ("16,9" is 16.9); NaN if not one. */
function parseNumber(text) {
  const cleaned = String(text).trim().replace(/\s/g, "").replace(",", ".");
  return cleaned === "" || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number.NaN : Number(cleaned);
}

function isCorrect(item, value) {
  if (item.type === "multiple") {
    const chosen = Array.isArray(value) ? value : [];
    return chosen.length === item.answer.length && item.answer.every((option) => chosen.includes(option));
  }
  if (item.type === "numeric") {
    const number = typeof value === "number" ? value : parseNumber(value);
    return Number.isFinite(number) && Math.abs(number - item.answer) <= item.tolerance + 1e-9;
  }
  return value === item.answer;
}

const tidyNumber = (x) => String(Number(x.toFixed(6)));

function answerText(item) {
  if (item.type === "numeric") {
    const unit = item.unit ? ` ${item.unit}` : "";
    if (!item.tolerance) return `${tidyNumber(item.answer)}${unit}`;
    const low = tidyNumber(item.answer - item.tolerance),
      high = tidyNumber(item.answer + item.tolerance);
    return `${tidyNumber(item.answer)}${unit} (anything from ${low} to ${high}${unit} is accepted)`;
  }
  return Array.isArray(item.answer) ? item.answer.join("; ") : String(item.answer);
}

function nextEntry(item, entry, value, maxAttempts) {
  const tries = (entry ? entry.tries || 0 : 0) + 1;
  const correct = isCorrect(item, value);
  const closed = correct || tries >= maxAttempts;
  return { value, tries, correct, closed, revealed: closed && !correct };
}

function revealedEntry(entry) {
  return Object.assign({ value: null, tries: 0, correct: false }, entry || {}, {
    correct: false,
    closed: true,
    revealed: true,
  });
}

/** Whether an entry earns its point: right, and before any answer was shown. */
const entryCounts = (entry) => Boolean(entry?.closed && entry.correct && !entry.revealed);

const isValidEntry = (entry) =>
  entry &&
  typeof entry === "object" &&
  typeof entry.correct === "boolean" &&
  Number.isInteger(entry.tries) &&
  typeof entry.closed === "boolean" &&
  typeof entry.revealed === "boolean";

/* Keys inside a widget belong to it: arrows between radios, space and enter on buttons,
 * letters typed in a box. JupyterLab and Notebook 7 (Lumino) match a shortcut's selector
 * against the focused element itself and its ancestors, stopping at an element marked
 * data-lm-suppress-shortcuts; the notebook's command-mode selectors end in ":focus", so a
 * mark on the widget root is not enough and the mark goes on the focused element. Notebook 7
 * reads keys in the capture phase, before any listener on the widget, so the mark is set by a
 * capture listener on window (one per page), which runs first in both. The notebook keeps
 * Escape and keys with Ctrl, Alt or Cmd, and Shift+Enter (run the cell). */
const KEYS_ROOT = "data-npc-keys";
const SUPPRESS_SHORTCUTS = "data-lm-suppress-shortcuts";

function notebookKeepsKey(event) {
  return (
    event.key === "Escape" ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    (event.shiftKey && event.key === "Enter")
  );
}

function markKeysForWidget(event) {
  const target = event.target;
  if (!(target instanceof Element) || !target.closest(`[${KEYS_ROOT}]`)) return;
  target.toggleAttribute(SUPPRESS_SHORTCUTS, !notebookKeepsKey(event));
}

/** Every widget's default export passes through this (widgets/_base.py adds the call). */
function keepKeysInWidget(widget) {
  return Object.assign({}, widget, {
    render(context) {
      context.el.setAttribute(KEYS_ROOT, "");
      if (!window.npcKeysInWidgets) {
        window.npcKeysInWidgets = true;
        window.addEventListener("keydown", markKeysForWidget, true);
      }
      return widget.render(context);
    },
  });
}
