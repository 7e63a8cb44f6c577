/* DiagnosticAccuracy: from a test's sensitivity and specificity and a pre-test probability to
 * the post-test probability after a positive and after a negative result, shown as numbers and
 * on a Fagan nomogram. The pre-test probability has a slider and a number box kept in step;
 * a number outside 1-99 % is named inline and the results are withdrawn until it is fixed, so
 * no result ever stands next to a value it was not computed from. */

const SVG_NS = "http://www.w3.org/2000/svg";
const PRETEST_MIN = 1;
const PRETEST_MAX = 99;

const likelihoodRatios = (test) => [
  test.sensitivity / (1 - test.specificity),
  (1 - test.sensitivity) / test.specificity,
];
const logit = (p) => Math.log(p / (1 - p));

function postTest(pretest, ratio) {
  const odds = (pretest / (1 - pretest)) * ratio;
  return odds / (1 + odds);
}

const percent = (p) => `${(p * 100).toFixed(1)}%`;
/** A percentage as the number box shows it: whole numbers plain, otherwise one decimal. */
const boxText = (p) => String(Number((p * 100).toFixed(1)));

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/* Fagan nomogram. Three equally spaced vertical scales: pre-test probability (logit, 99.9 % at
 * the bottom), likelihood ratio (log, half the pre-test scale's slope) and post-test
 * probability (logit, 99.9 % at the top). With that spacing a straight line through the
 * pre-test value and the LR meets the post-test scale at logit(pre) + ln(LR), which is Bayes'
 * rule on odds: the picture and the numbers are the same computation. */
const NOMOGRAM = { width: 330, height: 560, top: 62, bottom: 545, x: [70, 165, 260], logitSpan: logit(0.999) };
const unitsPerLogit = (NOMOGRAM.bottom - NOMOGRAM.top) / (2 * NOMOGRAM.logitSpan);
const middleY = (NOMOGRAM.top + NOMOGRAM.bottom) / 2;
const clampLogit = (value) => Math.max(-NOMOGRAM.logitSpan, Math.min(NOMOGRAM.logitSpan, value));
const pretestY = (p) => middleY + unitsPerLogit * clampLogit(logit(p));
const ratioY = (ratio) => middleY - (unitsPerLogit / 2) * Math.log(ratio);
const posttestY = (p) => middleY - unitsPerLogit * clampLogit(logit(p));
const PROBABILITY_TICKS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 99, 99.5, 99.8, 99.9];
const PROBABILITY_LABELS = new Set([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 50, 70, 80, 90, 95, 98, 99, 99.5, 99.8, 99.9]);
const RATIO_TICKS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
const RATIO_LABELS = new Set([0.001, 0.01, 0.1, 0.5, 1, 2, 10, 100, 1000]);

function scale(group, x, ticks, yOf, side, labelled = () => true) {
  const direction = side === "left" ? -1 : 1;
  group.append(svg("line", { x1: x, x2: x, y1: NOMOGRAM.top, y2: NOMOGRAM.bottom, class: "npc-nomogram-axis" }));
  for (const tick of ticks) {
    const y = yOf(tick),
      major = labelled(tick);
    group.append(svg("line", { x1: x, x2: x + direction * (major ? 6 : 3), y1: y, y2: y, class: "npc-nomogram-axis" }));
    if (major) {
      group.append(
        svg(
          "text",
          { x: x + direction * 9, y: y + 3.5, "text-anchor": side === "left" ? "end" : "start" },
          String(tick),
        ),
      );
    }
  }
}

function axisTitle(group, x, lines) {
  lines.forEach((line, index) => {
    group.append(svg("text", { x, y: 20 + index * 15, "text-anchor": "middle", class: "npc-nomogram-title" }, line));
  });
}

function nomogram(labelId) {
  const root = svg("svg", {
    viewBox: `0 0 ${NOMOGRAM.width} ${NOMOGRAM.height}`,
    role: "img",
    "aria-labelledby": labelId,
    class: "npc-nomogram",
    "data-role": "nomogram",
  });
  const axes = svg("g", { "aria-hidden": "true" });
  axisTitle(axes, NOMOGRAM.x[0], ["Pre-test", "probability (%)"]);
  axisTitle(axes, NOMOGRAM.x[1], ["Likelihood", "ratio"]);
  axisTitle(axes, NOMOGRAM.x[2], ["Post-test", "probability (%)"]);
  const probabilityLabel = (t) => PROBABILITY_LABELS.has(t);
  scale(axes, NOMOGRAM.x[0], PROBABILITY_TICKS, (t) => pretestY(t / 100), "left", probabilityLabel);
  scale(axes, NOMOGRAM.x[1], RATIO_TICKS, ratioY, "left", (t) => RATIO_LABELS.has(t));
  scale(axes, NOMOGRAM.x[2], PROBABILITY_TICKS, (t) => posttestY(t / 100), "right", probabilityLabel);
  // Result lines under the scales (so tick labels, haloed, stay readable), dots on top.
  const lines = {},
    under = svg("g", { "aria-hidden": "true" }),
    over = svg("g", { "aria-hidden": "true" });
  for (const result of ["positive", "negative"]) {
    lines[result] = svg("line", {
      class: `npc-nomogram-line npc-nomogram-${result}`,
      "data-role": `nomogram-${result}`,
    });
    under.append(lines[result]);
  }
  const dots = [0, 1, 2].map(() => svg("circle", { r: 3.5, class: "npc-nomogram-dot" }));
  over.append(...dots);
  root.append(under, axes, over);

  function draw(pretest, ratios) {
    const [xPre, , xPost] = NOMOGRAM.x,
      yPre = pretestY(pretest);
    ["positive", "negative"].forEach((result, index) => {
      const yPost = posttestY(postTest(pretest, ratios[index]));
      Object.entries({ x1: xPre, y1: yPre, x2: xPost, y2: yPost }).forEach(([k, v]) =>
        lines[result].setAttribute(k, v.toFixed(2)),
      );
      dots[index + 1].setAttribute("cx", xPost);
      dots[index + 1].setAttribute("cy", yPost.toFixed(2));
    });
    dots[0].setAttribute("cx", xPre);
    dots[0].setAttribute("cy", yPre.toFixed(2));
  }
  return { element: root, draw };
}

/** Radios grouped by clinical test: two estimates of one test sit under that test's name. */
function testChoices(tests, onChoose) {
  const name = uniqueId("test");
  const groups = new Map();
  tests.forEach((test) => {
    if (!groups.has(test.name)) groups.set(test.name, []);
    groups.get(test.name).push(test);
  });
  const radios = [];
  const fieldset = h("fieldset", { className: "npc-accuracy-tests" }, h("legend", {}, "Test"));
  for (const [testName, estimates] of groups) {
    const several = estimates.length > 1;
    const options = estimates.map((test, index) => {
      const input = h("input", { type: "radio", name, id: uniqueId("estimate"), value: test.id });
      input.addEventListener("change", () => input.checked && onChoose(test.id));
      radios.push(input);
      const which = several && index > 0 ? "second estimate, from" : "estimate from";
      const text = `${testName}: ${which} ${test.estimate}`;
      return h("div", { className: "npc-accuracy-choice" }, input, h("label", { for: input.id }, text));
    });
    fieldset.append(...(several ? [h("div", { className: "npc-accuracy-estimates" }, options)] : options));
  }
  return { element: fieldset, radios };
}

/**
 * The number box's text as a pre-test probability: { value } when it is 1-99 %, else
 * { message } saying what is wrong and { clamped }, the nearest allowed value (null if blank).
 */
function readPretest(text) {
  const number = parseNumber(text);
  if (String(text).trim() === "")
    return { message: `Enter a pre-test probability from ${PRETEST_MIN} to ${PRETEST_MAX} %.`, clamped: null };
  if (!Number.isFinite(number))
    return {
      message: `"${text}" is not a number. Enter a percentage from ${PRETEST_MIN} to ${PRETEST_MAX}.`,
      clamped: null,
    };
  if (number >= PRETEST_MIN && number <= PRETEST_MAX) return { value: number };
  const clamped = Math.min(PRETEST_MAX, Math.max(PRETEST_MIN, number));
  const range = `${PRETEST_MIN} to ${PRETEST_MAX} %`;
  let why = `${number} % is outside ${range}.`;
  if (number === 0 || number === 100)
    why = `${number} % is outside ${range}: at 0 or 100 % no test result can change the probability.`;
  else if (number < 0 || number > 100) why = `${number} % is not a probability: enter ${range}.`;
  else if (number < 1)
    why = `${number} % is below ${PRETEST_MIN} %. Enter a percentage: ${Number((number * 100).toFixed(1))} means ${number}.`;
  return { message: why, clamped };
}

function render({ model, el }) {
  const tests = model.get("tests");
  const root = h("div", { className: "npc-widget npc-accuracy", "data-widget": "test-accuracy" });
  const choices = testChoices(tests, (id) => syncTrait(model, "test", id));

  const labelId = uniqueId("pretest-label"),
    messageId = uniqueId("pretest-message");
  const box = h("input", {
    type: "text",
    inputmode: "decimal",
    id: uniqueId("pretest"),
    "data-role": "pretest",
    autocomplete: "off",
    "aria-describedby": messageId,
    size: "5",
  });
  const slider = h("input", {
    type: "range",
    min: String(PRETEST_MIN),
    max: String(PRETEST_MAX),
    step: "1",
    "data-role": "pretest-slider",
    "aria-labelledby": labelId,
  });
  const message = h("p", {
    id: messageId,
    className: "npc-accuracy-message",
    "data-role": "pretest-message",
    "aria-live": "polite",
  });
  const positive = h("strong", { "data-role": "post-test-positive" });
  const negative = h("strong", { "data-role": "post-test-negative" });
  const ratios = h("p", { "data-role": "likelihood-ratios" });
  const results = h(
    "p",
    { "data-role": "results", "aria-live": "polite" },
    "After a positive result: ",
    positive,
    ". After a negative result: ",
    negative,
    ".",
  );
  const captionId = uniqueId("nomogram-caption");
  const caption = h("figcaption", { id: captionId, "data-role": "nomogram-text" });
  const chart = nomogram(captionId);
  const legend = h(
    "p",
    { className: "npc-nomogram-legend", "aria-hidden": "true" },
    h("span", {}, h("span", { className: "npc-nomogram-key npc-nomogram-key-positive" }), " positive result (solid)"),
    h("span", {}, h("span", { className: "npc-nomogram-key npc-nomogram-key-negative" }), " negative result (dashed)"),
  );
  const figure = h("figure", { className: "npc-nomogram-figure" }, chart.element, legend, caption);
  const source = h("p", { className: "npc-muted" });

  root.append(
    h(
      "div",
      { className: "npc-accuracy-layout" },
      h(
        "div",
        { className: "npc-accuracy-controls" },
        choices.element,
        h(
          "div",
          { className: "npc-accuracy-pretest" },
          h("label", { id: labelId, for: box.id }, "Pre-test probability of disc herniation (%)"),
          h("div", { className: "npc-accuracy-inputs" }, slider, box),
          message,
        ),
        ratios,
        results,
        source,
      ),
      figure,
    ),
  );
  el.append(root);

  /** Show everything for a valid pre-test probability p (0-1), or withdraw the results. */
  function showResults(p) {
    const test = tests.find((t) => t.id === model.get("test")) || tests[0];
    const [lrPositive, lrNegative] = likelihoodRatios(test);
    ratios.textContent = `Sensitivity ${test.sensitivity.toFixed(2)}, specificity ${test.specificity.toFixed(2)}: LR+ ${lrPositive.toFixed(2)}, LR− ${lrNegative.toFixed(2)}.`;
    source.textContent = `${test.note} Source: ${test.citation}`;
    root.dataset.state = p === null ? "invalid" : "valid";
    if (p === null) {
      positive.textContent = "—";
      negative.textContent = "—";
      caption.textContent = "No result: the pre-test probability above needs a number from 1 to 99 %.";
      return;
    }
    const after = [postTest(p, lrPositive), postTest(p, lrNegative)];
    positive.textContent = percent(after[0]);
    negative.textContent = percent(after[1]);
    chart.draw(p, [lrPositive, lrNegative]);
    caption.textContent =
      `Fagan nomogram, ${test.name}, estimate from ${test.estimate}: from a pre-test probability of ${percent(p)}, ` +
      `a line through LR+ ${lrPositive.toFixed(2)} meets the post-test scale at ${percent(after[0])}, ` +
      `and a line through LR− ${lrNegative.toFixed(2)} at ${percent(after[1])}.`;
  }

  /** An inline message under the inputs; `invalid` while the box holds a value not used. */
  function setMessage(text, invalid = false) {
    message.textContent = text;
    if (invalid) box.setAttribute("aria-invalid", "true");
    else box.removeAttribute("aria-invalid");
  }

  let typing = false;
  /** The model's state, drawn into every control (called on any change from Python too). */
  function show() {
    const p = model.get("pretest");
    choices.radios.forEach((r) => {
      r.checked = r.value === model.get("test");
    });
    slider.value = String(Math.round(p * 100));
    slider.setAttribute("aria-valuetext", `${boxText(p)} %`);
    if (!typing) box.value = boxText(p);
    showResults(p);
  }

  function commit(percentValue) {
    const p = percentValue / 100;
    if (p === model.get("pretest")) show();
    else syncTrait(model, "pretest", p);
  }

  slider.addEventListener("input", () => {
    setMessage("");
    commit(Number(slider.value));
  });
  box.addEventListener("input", () => {
    const read = readPretest(box.value);
    if (read.value === undefined) {
      setMessage(read.message, true);
      showResults(null);
      return;
    }
    setMessage("");
    // The learner is still typing: redraw everything but the box, so "5" on the way to "50"
    // is never rewritten under the cursor.
    typing = true;
    try {
      commit(read.value);
    } finally {
      typing = false;
    }
  });
  // Leaving the box (Tab, Enter, a click elsewhere) settles a bad value: out of range is clamped
  // to the nearest allowed one, blank or not a number goes back to the last good value; the
  // message stays so the learner knows what changed.
  box.addEventListener("change", () => {
    const read = readPretest(box.value);
    if (read.value !== undefined) return;
    if (read.clamped === null) {
      setMessage(`${read.message} Kept at ${boxText(model.get("pretest"))} %.`);
      show();
    } else {
      setMessage(`${read.message} Set to ${read.clamped} %.`);
      commit(read.clamped);
    }
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter") box.dispatchEvent(new Event("change"));
  });

  const onTest = () => show();
  model.on("change:test", onTest);
  model.on("change:pretest", show);
  show();
  return () => {
    model.off("change:test", onTest);
    model.off("change:pretest", show);
  };
}

export default { render };
