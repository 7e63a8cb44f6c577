/* A case study's decisions (a part of the CaseStudy module, widgets/case_study.py): how a
 * committed value compares with the key, how it reads back, and whether a value or saved
 * progress has the right shape. Pure functions apart from the localStorage read. */

const CASE_PROGRESS_VERSION = 1;

function optionText(decision, id) {
  const option = decision.options.find((o) => o.id === id);
  return option ? option.text : String(id);
}

/** How a committed value compares with the key: correct is null where there is no key. */
function judgeDecision(decision, value) {
  const answer = decision.answer;
  switch (decision.type) {
    case "single":
      return { correct: value === answer, verdict: value === answer ? "right" : "wrong" };
    case "multiple": {
      const same = value.length === answer.length && answer.every((id) => value.includes(id));
      return { correct: same, verdict: same ? "right" : "wrong" };
    }
    case "ranking": {
      const top = decision.match_top;
      const same = answer.slice(0, top).every((id, index) => value[index] === id);
      return { correct: same, verdict: same ? "right" : "wrong" };
    }
    case "urgency": {
      const ids = decision.options.map((o) => o.id);
      const chosen = ids.indexOf(value),
        key = ids.indexOf(answer);
      // Levels are most urgent first: a smaller index is more cautious, which is never unsafe.
      if (chosen === key) return { correct: true, verdict: "right" };
      return chosen < key ? { correct: true, verdict: "over-triage" } : { correct: false, verdict: "under-triage" };
    }
    default:
      return { correct: null, verdict: "self-rated" };
  }
}

/** A committed value as text, or as a list when it holds several options (ordered for a ranking). */
function describeValue(decision, value) {
  if (decision.type === "free_text") return value;
  if (!Array.isArray(value)) return optionText(decision, value);
  return h(
    decision.type === "ranking" ? "ol" : "ul",
    { className: "npc-case-value" },
    value.map((id) => h("li", {}, optionText(decision, id))),
  );
}

function modelValue(decision) {
  return decision.type === "free_text" ? "See the model answer" : describeValue(decision, decision.answer);
}

/** Sanitised HTML of one paragraph, without its <p>, to sit inside a list item. */
function inlineHtml(html) {
  return setSanitisedHtml(h("span", {}), html.replace(/^<p>|<\/p>\s*$/g, ""));
}

function reasonItem(option) {
  return h("li", {}, h("strong", {}, `${option.text}: `), inlineHtml(option.why_html));
}

/** Each option the learner chose or the model includes, with where each stands and why. */
function optionVerdicts(decision, chosen) {
  const shown = decision.options.filter((o) => chosen.includes(o.id) || [].concat(decision.answer).includes(o.id));
  return h(
    "ul",
    { className: "npc-case-whys" },
    shown.map((option) => {
      const inModel = [].concat(decision.answer).includes(option.id);
      const mine = chosen.includes(option.id);
      const where = `${mine ? "you chose it" : "you left it out"}; ${inModel ? "in the model answer" : "not in the model answer"}`;
      return h("li", {}, h("strong", {}, option.text), ` (${where}). `, inlineHtml(option.why_html));
    }),
  );
}

/** A value of the right shape for its decision (saved progress is checked before use). */
function isValidValue(decision, value) {
  const ids = decision.options.map((o) => o.id);
  if (decision.type === "free_text") return typeof value === "string" && value.trim() !== "";
  if (decision.type === "single" || decision.type === "urgency") return ids.includes(value);
  if (!Array.isArray(value) || !value.every((id) => ids.includes(id)) || new Set(value).size !== value.length)
    return false;
  return decision.type === "multiple" ? value.length > 0 : value.length === ids.length;
}

function isValidCaseProgress(value, stages) {
  if (!value || typeof value !== "object" || value.version !== CASE_PROGRESS_VERSION) return false;
  const decisions = value.decisions;
  if (!decisions || typeof decisions !== "object" || Array.isArray(decisions)) return false;
  const committed = Object.keys(decisions).length;
  // Stages are committed in order, so saved decisions must be exactly the first N stages.
  return stages.every((stage, index) => {
    const entry = decisions[stage.id];
    if (index >= committed) return entry === undefined;
    return (
      entry &&
      typeof entry === "object" &&
      isValidValue(stage.decision, entry.value) &&
      (entry.rating === undefined || ["all", "some", "few"].includes(entry.rating))
    );
  });
}

/**
 * Saved progress, or a fresh start. Unreadable progress is copied to the first free numbered
 * key (never over an earlier one) before it is removed, and the learner is told where it went.
 */
function loadCaseProgress(key, stages) {
  let raw = null;
  try {
    raw = window.localStorage.getItem(key);
  } catch (_error) {
    return { decisions: null, note: "This browser does not allow saving progress.", canSave: false };
  }
  if (raw === null) return { decisions: null, note: "", canSave: true };
  try {
    const value = JSON.parse(raw);
    if (isValidCaseProgress(value, stages)) return { decisions: value.decisions, note: "", canSave: true };
  } catch (_error) {
    /* unreadable JSON: set aside below */
  }
  try {
    let n = 1;
    while (window.localStorage.getItem(`${key}:set-aside:${n}`) !== null) n += 1;
    const aside = `${key}:set-aside:${n}`;
    window.localStorage.setItem(aside, raw);
    window.localStorage.removeItem(key);
    return {
      decisions: null,
      canSave: true,
      note: `Saved progress for this case could not be read. It was set aside in this browser as "${aside}" and you are starting afresh.`,
    };
  } catch (_error) {
    // It could not be kept elsewhere, so it is left in place and this session saves nothing.
    return {
      decisions: null,
      canSave: false,
      note: "Saved progress for this case could not be read or set aside, so it was left untouched and this visit will not be saved.",
    };
  }
}
