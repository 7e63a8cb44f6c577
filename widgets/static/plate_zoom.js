/* Zoom and pan for a plate's figure (a shared part of nerve_diagram.js): the + and − buttons,
 * Ctrl/⌘ + wheel (a trackpad pinch arrives as that too), a two-finger pinch on a touch screen
 * (pointer events), + and − (and 0 to reset) while the plate has focus, and dragging to pan once
 * zoomed. The picture grows inside a scrolling frame,
 * so a swipe or the scroll bars pan as well. A plain wheel over the plate scrolls the page as
 * usual and only shows a hint: the page is never held captive. */

const ZOOM_STEPS = [1, 1.5, 2, 3];
const ZOOM_MAX = ZOOM_STEPS[ZOOM_STEPS.length - 1];
const DRAG_SLOP = 5; // px a press may move and still count as a click

function attachZoom(figure, svg, onChange = () => {}) {
  let scale = 1;
  let baseWidth = 0; // the picture's width unzoomed: zoom is relative to what the learner saw
  const hint = h("p", { className: "npc-zoom-hint", "data-role": "zoom-hint", "aria-hidden": "true" });
  figure.append(hint);
  let hintTimer = 0;
  function showHint(text) {
    hint.textContent = text;
    hint.dataset.shown = "";
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => delete hint.dataset.shown, 1500);
  }

  /** Zoom to `next`, keeping the point of the picture under `focus` (client px) where it is. */
  function zoomTo(next, focus) {
    next = Math.max(1, Math.min(ZOOM_MAX, next));
    if (Math.abs(next - scale) < 0.005) return;
    const before = svg.getBoundingClientRect();
    const frame = figure.getBoundingClientRect();
    const at = focus || { x: frame.left + frame.width / 2, y: frame.top + frame.height / 2 };
    const u = (at.x - before.left) / before.width;
    const v = (at.y - before.top) / before.height;
    if (scale === 1) baseWidth = before.width;
    scale = next;
    figure.toggleAttribute("data-zoomed", scale > 1);
    svg.style.width = scale > 1 ? `${Math.round(scale * baseWidth)}px` : "";
    const after = svg.getBoundingClientRect();
    figure.scrollLeft += after.left + u * after.width - at.x;
    figure.scrollTop += after.top + v * after.height - at.y;
    onChange();
  }
  const stepUp = () => ZOOM_STEPS.find((s) => s > scale + 0.01) ?? ZOOM_MAX;
  const stepDown = () => [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.01) ?? 1;

  figure.addEventListener(
    "wheel",
    (event) => {
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        zoomTo(scale * Math.exp(-event.deltaY * 0.002), { x: event.clientX, y: event.clientY });
      } else if (scale === 1) {
        showHint(`Hold ${/Mac/.test(navigator.platform) ? "⌘" : "Ctrl"} and scroll to zoom`);
      }
    },
    { passive: false },
  );

  /* Keys, while a structure has focus: zoom about it and keep it in view (arrow keys move on). */
  figure.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return; // the browser's own page zoom
    const next = { "+": stepUp, "=": stepUp, "-": stepDown, 0: () => 1 }[event.key];
    if (!next) return;
    event.preventDefault();
    const box = document.activeElement?.getBoundingClientRect?.();
    zoomTo(next(), box?.width ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null);
  });

  /* Two fingers pinch; one mouse button drags the zoomed picture. */
  const pointers = new Map();
  let pinch = null;
  let drag = null;
  let dragged = false;
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return { d: Math.hypot(a.x - b.x, a.y - b.y), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  };
  figure.addEventListener("pointerdown", (event) => {
    dragged = false;
    if (event.pointerType === "touch") {
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 2) pinch = { d: spread().d, scale };
    } else if (event.button === 0 && scale > 1) {
      drag = { x: event.clientX, y: event.clientY, left: figure.scrollLeft, top: figure.scrollTop };
    }
  });
  figure.addEventListener("pointermove", (event) => {
    if (pointers.has(event.pointerId)) {
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pinch && pointers.size === 2) {
        const now = spread();
        if (pinch.d > 0) zoomTo(pinch.scale * (now.d / pinch.d), now.mid);
        dragged = true;
      }
    } else if (drag && event.buttons & 1) {
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (Math.hypot(dx, dy) > DRAG_SLOP) dragged = true;
      figure.scrollLeft = drag.left - dx;
      figure.scrollTop = drag.top - dy;
    }
  });
  const release = (event) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
    drag = null;
  };
  for (const type of ["pointerup", "pointercancel", "pointerleave"]) figure.addEventListener(type, release);
  // While two fingers are down the page must not scroll (touch-action lets one finger pan).
  figure.addEventListener(
    "touchmove",
    (event) => {
      if (event.touches.length > 1) event.preventDefault();
    },
    { passive: false },
  );
  // A drag or a pinch is not a click on the structure under the finger.
  figure.addEventListener(
    "click",
    (event) => {
      if (!dragged) return;
      dragged = false;
      event.stopPropagation();
      event.preventDefault();
    },
    true,
  );

  return {
    zoomIn: () => zoomTo(stepUp()),
    zoomOut: () => zoomTo(stepDown()),
    reset: () => zoomTo(1),
    get scale() {
      return scale;
    },
    get atMost() {
      return scale >= ZOOM_MAX - 0.005;
    },
    get atLeast() {
      return scale <= 1.005;
    },
  };
}
