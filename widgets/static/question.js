/* Drawing one question, shared by the quiz and the review deck (a part: widgets/_base.py
 * prepends it after common.js, whose answer logic it uses). Items come from
 * widgets/quizbank: prompt_html and explanation_html are sanitised there; options are plain text. */

/**
 * One question. `options.onCheck(value)` and `options.onReveal()` report what the learner did;
 * the owner decides the new entry and calls `show(entry)`. Returns { element, show, focus }.
 */
function renderQuestion(item, { label, maxAttempts = 2, onCheck, onReveal, revealedNote = "" }) {
  const name = uniqueId("q");
  const fieldset = h("fieldset", { className: "npc-question", "data-question-id": item.id, "data-type": item.type });
  const legend = h("legend", {}, h("span", { className: "npc-muted" }, label));
  legend.append(setSanitisedHtml(h("div", { className: "npc-prompt" }), item.prompt_html));
  if (item.image) {
    legend.append(h("img", { className: "npc-question-image", src: item.image.src, alt: item.image.alt }));
  }
  fieldset.append(legend);

  const optionViews = [];
  let numberInput = null;
  if (item.type === "numeric") {
    numberInput = h("input", { type: "text", inputmode: "decimal", id: `${name}-value`, autocomplete: "off" });
    const container = h(
      "div",
      { className: "npc-option npc-numeric" },
      h("label", { for: numberInput.id }, item.unit ? `Your answer (${item.unit}): ` : "Your answer: "),
      numberInput,
      h("span", { className: "npc-mark", "aria-hidden": "true" }),
    );
    optionViews.push({ container, input: numberInput, value: null });
    fieldset.append(container);
  } else {
    const kind = item.type === "multiple" ? "checkbox" : "radio";
    const shown = item.type === "true_false" ? item.options : seededShuffle(item.options, item.id);
    shown.forEach((option, optionIndex) => {
      const input = h("input", { type: kind, name, id: `${name}-${optionIndex}`, value: option });
      const mark = h("span", { className: "npc-mark" });
      const container = h(
        "div",
        { className: "npc-option", "data-option": option },
        input,
        h("label", { for: input.id }, option),
        mark,
      );
      optionViews.push({ container, input, value: option, mark });
      fieldset.append(container);
    });
  }
  const feedback = h("div", { className: "npc-feedback", "data-role": "feedback", "aria-live": "polite" });
  const check = h("button", { type: "button", "data-action": "check" }, "Check");
  const reveal = h("button", { type: "button", "data-action": "show-answer" }, "Show answer");
  fieldset.append(h("div", { className: "npc-question-actions" }, check, reveal), feedback);

  function currentValue() {
    if (numberInput) return numberInput.value;
    if (item.type === "multiple") return optionViews.filter((o) => o.input.checked).map((o) => o.value);
    const chosen = optionViews.find((o) => o.input.checked);
    return chosen ? chosen.value : null;
  }

  check.addEventListener("click", () => {
    const value = currentValue();
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) {
      delete feedback.dataset.correct;
      feedback.replaceChildren(h("p", {}, "Choose or enter an answer first."));
      return;
    }
    if (numberInput) {
      const number = parseNumber(value);
      if (!Number.isFinite(number)) {
        delete feedback.dataset.correct;
        feedback.replaceChildren(h("p", {}, "Type a number, for example 16.9 or 16,9."));
        return;
      }
      onCheck(number);
      return;
    }
    onCheck(value);
  });
  reveal.addEventListener("click", () => onReveal());
  if (numberInput) {
    numberInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        check.click();
      }
    });
  }

  function setMark(view, mark, text) {
    if (mark) view.container.dataset.mark = mark;
    else delete view.container.dataset.mark;
    if (view.mark) view.mark.textContent = text;
    else view.container.querySelector(".npc-mark").textContent = text;
  }

  function showMarks(entry) {
    const keyed = [].concat(item.answer);
    const chosen = entry ? [].concat(entry.value) : [];
    for (const view of optionViews) {
      if (!entry || entry.value === null) {
        setMark(view, null, "");
        continue;
      }
      if (view === optionViews[0] && numberInput) {
        if (entry.correct) setMark(view, "right", "✓ right");
        else setMark(view, "wrong", "✗ wrong");
        continue;
      }
      const picked = chosen.includes(view.value),
        isKey = keyed.includes(view.value);
      // An open try marks only a wrong single choice: marking ticks of a multiple-answer
      // item one by one would give the answer away before it is shown.
      if (!entry.closed) {
        if (picked && item.type !== "multiple") setMark(view, "wrong", "✗ wrong");
        else setMark(view, null, "");
      } else if (picked && isKey) setMark(view, "right", "✓ right");
      else if (picked) setMark(view, "wrong", "✗ wrong");
      else if (isKey && entry.revealed)
        setMark(view, "right", item.type === "multiple" ? "✓ should be ticked" : "✓ the answer");
      else setMark(view, null, "");
    }
  }

  function chosenFeedback(entry) {
    const chosen = [].concat(entry.value === null ? [] : entry.value).map(String);
    return chosen
      .filter((option) => item.option_feedback?.[option])
      .map((option) => h("p", {}, h("em", {}, `${option}: `), item.option_feedback[option]));
  }

  function multipleDetail(entry) {
    if (item.type !== "multiple" || entry.correct || !Array.isArray(entry.value)) return null;
    const wrong = entry.value.filter((option) => !item.answer.includes(option));
    const missed = item.answer.filter((option) => !entry.value.includes(option));
    return h(
      "p",
      {},
      [
        wrong.length ? `Ticked but wrong: ${wrong.join("; ")}. ` : "",
        missed.length ? `Not ticked but right: ${missed.join("; ")}.` : "",
      ]
        .join("")
        .trim(),
    );
  }

  function show(entry) {
    showMarks(entry);
    const closed = Boolean(entry?.closed);
    optionViews.forEach((view) => {
      view.input.disabled = closed;
    });
    check.disabled = closed;
    reveal.hidden = closed;
    if (!entry) {
      optionViews.forEach((view) => {
        view.input.checked = false;
        if (view.input === numberInput) view.input.value = "";
      });
      delete feedback.dataset.correct;
      delete fieldset.dataset.state;
      feedback.replaceChildren();
      return;
    }
    if (entry.value !== null) {
      if (numberInput) numberInput.value = String(entry.value);
      else
        optionViews.forEach((view) => {
          view.input.checked = [].concat(entry.value).includes(view.value);
        });
    }
    fieldset.dataset.state = closed ? (entry.revealed ? "revealed" : "right") : "trying";
    feedback.dataset.correct = String(entry.correct);
    if (!closed) {
      const left = maxAttempts - entry.tries;
      feedback.replaceChildren(
        ...[
          h(
            "p",
            {},
            h("strong", { className: "npc-verdict" }, "Not quite."),
            ` Try again: ${left} ${left === 1 ? "try" : "tries"} left before the answer is shown.`,
          ),
          item.hint ? h("p", {}, h("em", {}, "Hint: "), item.hint) : null,
          ...chosenFeedback(entry),
        ].filter(Boolean),
      );
      return;
    }
    const verdict = entry.correct ? "Correct." : entry.tries > 0 ? "Not quite." : "Answer shown.";
    feedback.replaceChildren(
      ...[
        h(
          "p",
          {},
          h("strong", { className: "npc-verdict" }, verdict),
          entry.correct ? "" : ` The answer is: ${answerText(item)}.`,
          entry.correct || !revealedNote ? "" : ` ${revealedNote}`,
        ),
        multipleDetail(entry),
        ...chosenFeedback(entry),
        setSanitisedHtml(h("div", {}), item.explanation_html),
        h("p", { className: "npc-muted" }, "Source: ", item.citation),
      ].filter(Boolean),
    );
  }

  function focus() {
    const first = optionViews.find((view) => !view.input.disabled);
    (first ? first.input : check).focus();
  }

  return { element: fieldset, show, focus };
}
