/* Helpers shared by every course widget; widgets/_base.py prepends this file to each
 * widget's ES module, so each widget stays a single self-contained module. */

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
 * Read JSON saved in localStorage. Anything unreadable, or failing `isValid`, is removed
 * and reported through `note` so the widget can tell the learner; it never throws.
 */
function loadSaved(key, isValid) {
  let raw = null;
  try {
    raw = window.localStorage.getItem(key);
  } catch (error) {
    return { value: null, note: "This browser does not allow saving progress." };
  }
  if (raw === null) return { value: null, note: "" };
  try {
    const value = JSON.parse(raw);
    if (isValid(value)) return { value, note: "" };
  } catch (error) {
    /* fall through: corrupted data is discarded below */
  }
  try {
    window.localStorage.removeItem(key);
  } catch (error) {
    /* storage unavailable: nothing to remove */
  }
  return { value: null, note: "Saved progress could not be read, so it was cleared. You are starting afresh." };
}

function save(key, value) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    return false;
  }
}

/** Push a trait change to the kernel when there is one (a no-op on the static page). */
function syncTrait(model, name, value) {
  model.set(name, value);
  model.save_changes();
}
