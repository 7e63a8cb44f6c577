/* TestAccuracy: likelihood ratios and post-test probabilities, with a small SVG bar chart. */

const SVG_NS = "http://www.w3.org/2000/svg";

function postTest(pretest, sensitivity, specificity, positive) {
  const ratio = positive ? sensitivity / (1 - specificity) : (1 - sensitivity) / specificity;
  const odds = (pretest / (1 - pretest)) * ratio;
  return odds / (1 + odds);
}

const percent = (p) => `${(p * 100).toFixed(1)}%`;

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function chart(values) {
  const root = svg("svg", { viewBox: "0 0 320 150", role: "img", class: "npc-accuracy-chart" });
  const title = values.map(([label, value]) => `${label} ${percent(value)}`).join(", ");
  root.append(svg("title", {}, `Probability of disc herniation: ${title}`));
  values.forEach(([label, value], index) => {
    const x = 20 + index * 100, height = value * 100;
    root.append(svg("rect", { x, y: 110 - height, width: 70, height, class: `npc-bar npc-bar-${index}` }));
    root.append(svg("text", { x: x + 35, y: 105 - height, "text-anchor": "middle" }, percent(value)));
    root.append(svg("text", { x: x + 35, y: 130, "text-anchor": "middle" }, label));
  });
  return root;
}

function render({ model, el }) {
  const tests = model.get("tests");
  const uid = Math.random().toString(36).slice(2);
  const root = h("div", { className: "npc-widget npc-accuracy", "data-widget": "test-accuracy" });
  const choices = h("div", { role: "radiogroup", "aria-label": "Test" });
  const radios = tests.map((test) => {
    const input = h("input", { type: "radio", name: `npc-test-${uid}`, id: `npc-test-${uid}-${test.id}`, value: test.id });
    input.addEventListener("change", () => syncTrait(model, "test", test.id));
    choices.append(h("div", {}, input, h("label", { for: input.id }, ` ${test.label}`)));
    return input;
  });
  const pretest = h("input", { type: "number", min: "1", max: "99", step: "1", id: `npc-pretest-${uid}`, "data-role": "pretest" });
  pretest.addEventListener("input", () => {
    const value = Number(pretest.value);
    if (value >= 1 && value <= 99) syncTrait(model, "pretest", value / 100);
  });
  const positive = h("strong", { "data-role": "post-test-positive" });
  const negative = h("strong", { "data-role": "post-test-negative" });
  const ratios = h("p", { "data-role": "likelihood-ratios" });
  const source = h("p", { className: "npc-muted" });
  const figure = h("div", { "aria-hidden": "false" });
  root.append(
    h("fieldset", {}, h("legend", {}, "Test"), choices),
    h("p", {}, h("label", { for: pretest.id }, "Pre-test probability of disc herniation (%): "), pretest),
    ratios,
    h("p", { "aria-live": "polite" }, "After a positive result: ", positive, ". After a negative result: ", negative, "."),
    figure, source,
  );
  el.append(root);

  function show() {
    const test = tests.find((t) => t.id === model.get("test")) || tests[0];
    const p = model.get("pretest");
    radios.forEach((r) => { r.checked = r.value === test.id; });
    if (document.activeElement !== pretest) pretest.value = String(Math.round(p * 100));
    const lrPos = test.sensitivity / (1 - test.specificity), lrNeg = (1 - test.sensitivity) / test.specificity;
    const after = [postTest(p, test.sensitivity, test.specificity, true), postTest(p, test.sensitivity, test.specificity, false)];
    ratios.textContent = `Sensitivity ${test.sensitivity.toFixed(2)}, specificity ${test.specificity.toFixed(2)}: LR+ ${lrPos.toFixed(2)}, LR- ${lrNeg.toFixed(2)}.`;
    positive.textContent = percent(after[0]);
    negative.textContent = percent(after[1]);
    figure.replaceChildren(chart([["Before", p], ["Positive", after[0]], ["Negative", after[1]]]));
    source.textContent = `${test.note} Source: ${test.citation}`;
  }
  model.on("change:test", show);
  model.on("change:pretest", show);
  show();
}

export default { render };
