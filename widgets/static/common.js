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

/* Questions, shared by the quiz and the review deck. Items come from widgets/quizbank.py:
 * prompt_html and explanation_html are sanitised there; options are plain text. */
let questionCounter = 0;

function isCorrect(item, value) {
  if (item.type === "multiple") {
    const chosen = Array.isArray(value) ? value : [];
    return chosen.length === item.answer.length && item.answer.every((option) => chosen.includes(option));
  }
  if (item.type === "numeric") {
    const number = Number(value);
    return value !== "" && Number.isFinite(number) && Math.abs(number - item.answer) <= item.tolerance + 1e-9;
  }
  return value === item.answer;
}

function answerText(item) {
  return Array.isArray(item.answer) ? item.answer.join("; ") : String(item.answer);
}

function renderQuestion(item, index, onAnswer) {
  const name = `npc-q${++questionCounter}`;
  const fieldset = h("fieldset", { className: "npc-question", "data-question-id": item.id, "data-type": item.type });
  const legend = h("legend", {}, h("span", { className: "npc-muted" }, `Question ${index + 1}`));
  legend.append(setSanitisedHtml(h("div", { className: "npc-prompt" }), item.prompt_html));
  fieldset.append(legend);

  let inputs = [];
  if (item.type === "numeric") {
    const input = h("input", { type: "number", step: "any", id: `${name}-value`, inputmode: "decimal" });
    inputs = [input];
    fieldset.append(h("label", { for: input.id }, "Your answer: "), input);
  } else {
    const kind = item.type === "multiple" ? "checkbox" : "radio";
    item.options.forEach((option, optionIndex) => {
      const input = h("input", { type: kind, name, id: `${name}-${optionIndex}`, value: option });
      inputs.push(input);
      fieldset.append(h("div", { className: "npc-option" }, input, h("label", { for: input.id }, option)));
    });
  }
  const feedback = h("div", { className: "npc-feedback", "data-role": "feedback", "aria-live": "polite" });
  const check = h("button", { type: "button", "data-action": "check" }, "Check");
  fieldset.append(h("div", {}, check), feedback);

  function currentValue() {
    if (item.type === "numeric") return inputs[0].value;
    if (item.type === "multiple") return inputs.filter((i) => i.checked).map((i) => i.value);
    const chosen = inputs.find((i) => i.checked);
    return chosen ? chosen.value : null;
  }

  check.addEventListener("click", () => {
    const value = currentValue();
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) {
      delete feedback.dataset.correct;
      feedback.replaceChildren(h("p", {}, "Choose or enter an answer first."));
      return;
    }
    onAnswer(item.type === "numeric" ? Number(value) : value);
  });

  function show(entry) {
    if (!entry) {
      inputs.forEach((input) => { input.checked = false; if (input.type === "number") input.value = ""; });
      delete feedback.dataset.correct;
      feedback.replaceChildren();
      return;
    }
    if (item.type === "numeric") inputs[0].value = String(entry.value);
    else inputs.forEach((input) => { input.checked = [].concat(entry.value).includes(input.value); });
    feedback.dataset.correct = String(entry.correct);
    feedback.replaceChildren(
      h("p", {}, h("strong", {}, entry.correct ? "Correct." : "Not quite."),
        entry.correct ? "" : ` The answer is: ${answerText(item)}.`),
      setSanitisedHtml(h("div", {}), item.explanation_html),
      h("p", { className: "npc-muted" }, "Source: ", item.citation),
    );
  }

  return { element: fieldset, show };
}
