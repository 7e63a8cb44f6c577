/* The review deck's schedule (a part of the ReviewDeck module, widgets/review_deck.py):
 * FSRS through TsFsrs, the vendored ts-fsrs inlined ahead of it, and the progress record,
 * whose format widgets/review_schedule.py describes. Pure: tests/unit/test_fsrs_parity.py
 * runs these in node against py-fsrs. */

const PROGRESS_FORMAT = "npc-review-progress";
const STATE_NAMES = ["new", "learning", "review", "relearning"];
const DAY_MS = 24 * 60 * 60 * 1000;

function makeScheduler(config) {
  return TsFsrs.fsrs(
    TsFsrs.generatorParameters({
      w: config.parameters,
      request_retention: config.desired_retention,
      maximum_interval: config.maximum_interval,
      enable_fuzz: Boolean(config.enable_fuzz),
      enable_short_term: true,
      learning_steps: config.learning_steps_minutes.map((minutes) => `${minutes}m`),
      relearning_steps: config.relearning_steps_minutes.map((minutes) => `${minutes}m`),
    }),
  );
}

/** A card's due date, stability and state from its review history ([[ISO time, grade], ...]). */
function replayCard(scheduler, reviews) {
  let card = TsFsrs.createEmptyCard(new Date(reviews[0][0]));
  for (const [time, grade] of reviews) card = scheduler.next(card, new Date(time), grade).card;
  return { due: card.due.toISOString(), stability: card.stability, state: STATE_NAMES[card.state] };
}

const emptyProgress = () => ({ format: PROGRESS_FORMAT, version: 2, updated: 0, cards: {}, pending: null });
const isTime = (text) => typeof text === "string" && !Number.isNaN(Date.parse(text));

function isValidProgress(value) {
  if (!value || typeof value !== "object" || value.format !== PROGRESS_FORMAT || value.version !== 2) return false;
  if (!value.cards || typeof value.cards !== "object" || Array.isArray(value.cards)) return false;
  if (value.pending != null && (typeof value.pending !== "object" || typeof value.pending.id !== "string"))
    return false;
  return Object.values(value.cards).every(
    (card) =>
      card &&
      Array.isArray(card.reviews) &&
      card.reviews.length > 0 &&
      card.reviews.every((r) => Array.isArray(r) && r.length === 2 && isTime(r[0]) && [1, 2, 3, 4].includes(r[1])),
  );
}

/** Merge two progress records card by card: the history with the later last review wins. */
function mergeProgress(mine, theirs) {
  const cards = Object.assign({}, mine.cards);
  for (const [id, card] of Object.entries(theirs.cards)) {
    const lastOf = (c) => (c ? Date.parse(c.reviews[c.reviews.length - 1][0]) : -Infinity);
    if (lastOf(card) > lastOf(cards[id])) cards[id] = card;
  }
  // A card answered here but not yet graded stays answered: importing must not reopen it.
  return Object.assign(emptyProgress(), { cards, pending: mine.pending || null, updated: Date.now() });
}

function localDay(moment) {
  const date = new Date(moment);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** What is left for today: learning cards and reviews due before tomorrow, and new cards up to
 * the daily limit (course order). */
function todaysWork(items, cards, now, newPerDay) {
  const tomorrow = new Date(now);
  tomorrow.setHours(24, 0, 0, 0);
  const started = items.filter((item) => cards[item.id]);
  const dueBy = (limit) =>
    started
      .filter((item) => Date.parse(cards[item.id].due) < limit)
      .sort((a, b) => Date.parse(cards[a.id].due) - Date.parse(cards[b.id].due));
  const today = localDay(now);
  const introduced = started.filter((item) => localDay(cards[item.id].reviews[0][0]) === today).length;
  const dueToday = dueBy(tomorrow.getTime());
  return {
    learning: dueToday.filter((item) => cards[item.id].state !== "review"),
    reviews: dueToday.filter((item) => cards[item.id].state === "review"),
    fresh: items.filter((item) => !cards[item.id]).slice(0, Math.max(0, newPerDay - introduced)),
    introduced,
  };
}

/** The next card: a learning card whose time has come, else reviews and new cards mixed (the
 * longer list first), else the soonest learning card ahead of time, as Anki does. */
function pickNext(work, cards, now) {
  const ready = work.learning.find((item) => Date.parse(cards[item.id].due) <= now);
  if (ready) return ready;
  if (work.reviews.length || work.fresh.length)
    return work.reviews.length >= work.fresh.length ? work.reviews[0] : work.fresh[0];
  return work.learning[0] || null;
}

function describeWait(dueIso, now) {
  const wait = Date.parse(dueIso) - now;
  if (wait < DAY_MS / 2 && localDay(dueIso) === localDay(now)) {
    const minutes = Math.max(1, Math.round(wait / 60000));
    return `in ${minutes} ${minutes === 1 ? "minute" : "minutes"}, in this sitting`;
  }
  const start = (moment) => {
    const d = new Date(moment);
    d.setHours(0, 0, 0, 0);
    return d.getTime();
  };
  const days = Math.round((start(dueIso) - start(now)) / DAY_MS);
  return `in ${days} ${days === 1 ? "day" : "days"}`;
}
