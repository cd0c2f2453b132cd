// Zoom and pan for the prerequisite graphs (RoadmapGraphView), by moving the SVG viewBox. Loaded once by App.razor as a
// module (the graph is statically rendered, so there is no circuit to import it through).
// Pages are statically rendered and Blazor's enhanced navigation swaps their DOM without a reload, so every
// listener is delegated from the document and graphs are (re)initialised on load and on 'enhancedload'.
(function () {
  const MAX_SCALE = 2.5;
  const STEP = 1.3;
  const DRAG_THRESHOLD = 5;
  // Below the readable scale, the whole graph is still preferred down to this scale (small area graphs).
  const WHOLE_ENOUGH = 0.66;
  const states = new WeakMap();

  const viewportOf = (el) => (el instanceof Element ? el.closest('[data-graph]') : null);
  const svgOf = (viewport) => viewport.querySelector('svg');
  const readableScale = () => (window.matchMedia('(max-width: 600px)').matches ? 0.8 : 0.85);

  // When the box changes size (layout settling, rotation, window resize) the viewBox must follow its shape: an
  // untouched graph gets a fresh starting view, otherwise the scale and the centre are kept.
  const observed = new Set();
  const resizes = typeof ResizeObserver === 'function'
    ? new ResizeObserver((entries) => entries.forEach((entry) => resized(entry.target)))
    : null;

  function init() {
    // Graphs that enhanced navigation removed are no longer watched.
    for (const viewport of observed) {
      if (!viewport.isConnected) {
        resizes?.unobserve(viewport);
        observed.delete(viewport);
      }
    }
    document.querySelectorAll('[data-graph]').forEach(setUp);
  }

  function setUp(viewport) {
    const svg = svgOf(viewport);
    if (!svg) return;
    // Enhanced navigation may patch an existing graph in place: it then drops our marker attribute, and we start over.
    if (states.has(viewport) && svg.hasAttribute('data-graph-ready')) return;
    viewport.classList.add('is-interactive');
    const state = {
      width: Number(svg.dataset.width),
      height: Number(svg.dataset.height),
      startY: Number(svg.dataset.startY || 0),
      view: null,
      pointers: new Map(),
      gesture: null,
      suppressClick: false,
      touched: false,
    };
    states.set(viewport, state);
    svg.setAttribute('data-graph-ready', '');
    setView(viewport, home(viewport, state));
    resizes?.observe(viewport);
    observed.add(viewport);
  }

  function box(viewport) {
    const rect = svgOf(viewport).getBoundingClientRect();
    return { left: rect.left, top: rect.top, w: Math.max(rect.width, 1), h: Math.max(rect.height, 1) };
  }

  function fitScale(viewport, state) {
    const { w, h } = box(viewport);
    return Math.min(w / state.width, h / state.height);
  }

  function minScale(viewport, state) {
    return Math.min(fitScale(viewport, state) * 0.9, 0.5);
  }

  // The starting view: the whole graph when it is legible that way, otherwise readable-sized text, starting at the
  // left (where the things to learn first are), centred on the first column.
  function home(viewport, state) {
    const fit = fitScale(viewport, state);
    const scale = fit >= WHOLE_ENOUGH ? Math.min(1, fit) : Math.min(1, Math.max(fit, readableScale()));
    const { w, h } = box(viewport);
    const vw = w / scale;
    const vh = h / scale;
    const x = vw >= state.width ? (state.width - vw) / 2 : 0;
    const y = vh >= state.height ? (state.height - vh) / 2 : state.startY - vh / 2;
    return clamp(state, { x, y, w: vw, h: vh });
  }

  function all(viewport, state) {
    const scale = Math.min(1, fitScale(viewport, state));
    const { w, h } = box(viewport);
    const vw = w / scale;
    const vh = h / scale;
    return { x: (state.width - vw) / 2, y: (state.height - vh) / 2, w: vw, h: vh };
  }

  // Keep the drawing in sight: a view smaller than the graph stays inside it, a larger one keeps it inside.
  function clamp(state, view) {
    const axis = (pos, size, total) => {
      const slack = Math.min(size, total) * 0.1;
      const lo = Math.min(0, total - size) - slack;
      const hi = Math.max(0, total - size) + slack;
      return Math.min(Math.max(pos, lo), hi);
    };
    return { x: axis(view.x, view.w, state.width), y: axis(view.y, view.h, state.height), w: view.w, h: view.h };
  }

  function setView(viewport, view, byUser) {
    const state = states.get(viewport);
    if (byUser) state.touched = true;
    state.view = clamp(state, view);
    const v = state.view;
    state.unitsPerPixel = v.w / box(viewport).w;
    svgOf(viewport).setAttribute('viewBox', `${v.x.toFixed(1)} ${v.y.toFixed(1)} ${v.w.toFixed(1)} ${v.h.toFixed(1)}`);
  }

  // Zoom by `factor` keeping the point under (px, py) (pixels from the box's top left) where it is.
  function zoomAt(viewport, factor, px, py) {
    const state = states.get(viewport);
    const { w, h } = box(viewport);
    const current = w / state.view.w;
    const scale = Math.min(MAX_SCALE, Math.max(minScale(viewport, state), current * factor));
    const ux = state.view.x + (px / w) * state.view.w;
    const uy = state.view.y + (py / h) * state.view.h;
    const vw = w / scale;
    const vh = h / scale;
    setView(viewport, { x: ux - (px / w) * vw, y: uy - (py / h) * vh, w: vw, h: vh }, true);
  }

  function zoomCentre(viewport, factor) {
    const { w, h } = box(viewport);
    zoomAt(viewport, factor, w / 2, h / 2);
  }

  function panBy(viewport, dxPixels, dyPixels) {
    const state = states.get(viewport);
    const { w } = box(viewport);
    const unitsPerPixel = state.view.w / w;
    setView(viewport, { ...state.view, x: state.view.x - dxPixels * unitsPerPixel, y: state.view.y - dyPixels * unitsPerPixel }, true);
  }

  // Bring a focused box into view (keyboard users tab through the links).
  function reveal(viewport, element) {
    const state = states.get(viewport);
    const rect = element.querySelector('.graph-node-box');
    if (!state || !rect) return;
    const b = rect.getBBox();
    const v = state.view;
    const pad = 24 * (v.w / box(viewport).w);
    const inside = b.x >= v.x + pad && b.y >= v.y + pad && b.x + b.width <= v.x + v.w - pad && b.y + b.height <= v.y + v.h - pad;
    if (inside) return;
    setView(viewport, { ...v, x: b.x + b.width / 2 - v.w / 2, y: b.y + b.height / 2 - v.h / 2 }, true);
  }

  function highlight(node, on) {
    const figure = node.closest('.graph');
    if (!figure) return;
    const id = node.getAttribute('data-node');
    figure.classList.toggle('is-highlighting', on);
    figure.querySelectorAll('.graph-edge').forEach((edge) => {
      const lit = on && (edge.getAttribute('data-from') === id || edge.getAttribute('data-to') === id);
      edge.classList.toggle('is-lit', lit);
    });
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-graph-action]') : null;
    if (!button) return;
    const viewport = document.getElementById(button.getAttribute('aria-controls'));
    if (!viewport || !states.has(viewport)) return;
    const state = states.get(viewport);
    switch (button.getAttribute('data-graph-action')) {
      case 'in': zoomCentre(viewport, STEP); break;
      case 'out': zoomCentre(viewport, 1 / STEP); break;
      case 'all': setView(viewport, all(viewport, state), true); break;
      case 'reset': state.touched = false; setView(viewport, home(viewport, state)); break;
    }
  });

  // A drag that started on a box must not also follow its link.
  document.addEventListener('click', (event) => {
    const viewport = viewportOf(event.target);
    const state = viewport && states.get(viewport);
    if (state && state.suppressClick) {
      event.preventDefault();
      event.stopPropagation();
      state.suppressClick = false;
    }
  }, true);

  document.addEventListener('wheel', (event) => {
    const viewport = viewportOf(event.target);
    const state = viewport && states.get(viewport);
    if (!state) return;
    // Trackpad pinches arrive as wheel events with ctrlKey set.
    if (viewport.getAttribute('data-graph-wheel') !== 'always' && !event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    const { left, top } = box(viewport);
    zoomAt(viewport, Math.exp(-delta * 0.0015), event.clientX - left, event.clientY - top);
  }, { passive: false });

  document.addEventListener('pointerdown', (event) => {
    const viewport = viewportOf(event.target);
    const state = viewport && states.get(viewport);
    if (!state || (event.pointerType === 'mouse' && event.button !== 0)) return;
    state.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    state.suppressClick = false;
    if (state.pointers.size === 1) {
      state.gesture = { kind: 'pan', startX: event.clientX, startY: event.clientY, moved: false, pointerId: event.pointerId };
    } else if (state.pointers.size === 2) {
      const [a, b] = [...state.pointers.values()];
      state.gesture = { kind: 'pinch', distance: Math.hypot(a.x - b.x, a.y - b.y) };
      state.suppressClick = true;
      captureAll(viewport, state);
    }
  });

  function captureAll(viewport, state) {
    for (const id of state.pointers.keys()) {
      try { viewport.setPointerCapture(id); } catch { /* the pointer may already be gone */ }
    }
  }

  document.addEventListener('pointermove', (event) => {
    const viewport = viewportOf(event.target);
    const state = viewport && states.get(viewport);
    if (!state || !state.pointers.has(event.pointerId) || !state.gesture) return;
    const previous = state.pointers.get(event.pointerId);
    state.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const gesture = state.gesture;
    if (gesture.kind === 'pan') {
      if (!gesture.moved && Math.hypot(event.clientX - gesture.startX, event.clientY - gesture.startY) < DRAG_THRESHOLD) return;
      if (!gesture.moved) {
        // Capture only once it is a drag: capturing on press would turn a click on a box into a click on the viewport.
        gesture.moved = true;
        state.suppressClick = true;
        viewport.classList.add('is-dragging');
        captureAll(viewport, state);
      }
      panBy(viewport, event.clientX - previous.x, event.clientY - previous.y);
    } else if (gesture.kind === 'pinch' && state.pointers.size >= 2) {
      const [a, b] = [...state.pointers.values()];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      const { left, top } = box(viewport);
      if (gesture.distance > 0) {
        zoomAt(viewport, distance / gesture.distance, (a.x + b.x) / 2 - left, (a.y + b.y) / 2 - top);
      }
      gesture.distance = distance;
    }
  });

  function endPointer(event) {
    for (const viewport of document.querySelectorAll('[data-graph].is-interactive')) {
      const state = states.get(viewport);
      if (!state || !state.pointers.delete(event.pointerId)) continue;
      if (state.pointers.size === 0) {
        state.gesture = null;
        viewport.classList.remove('is-dragging');
      } else if (state.pointers.size === 1) {
        // One finger left after a pinch: carry on panning with it.
        const [[id, p]] = [...state.pointers.entries()];
        state.gesture = { kind: 'pan', startX: p.x, startY: p.y, moved: true, pointerId: id };
      }
    }
  }
  document.addEventListener('pointerup', endPointer);
  document.addEventListener('pointercancel', endPointer);

  // Links are draggable by default; inside the graph a drag means panning.
  document.addEventListener('dragstart', (event) => {
    if (viewportOf(event.target)) event.preventDefault();
  });

  // The box's rectangle in drawing units, for finding its neighbours.
  function geometry(node) {
    const rect = node.querySelector('.graph-node-box');
    const n = (name) => Number(rect.getAttribute(name));
    return { x: n('x'), cy: n('y') + n('height') / 2 };
  }

  // Arrow keys on a box move along the drawing's connections: Right to what it unlocks, Left to what it needs (hard
  // prerequisites, the nearest in height first), Up and Down to the box above or below in the same column.
  function neighbour(node, key) {
    const figure = node.closest('.graph');
    const id = node.getAttribute('data-node');
    const here = geometry(node);
    const nodes = [...figure.querySelectorAll('.graph-node')];
    let candidates;
    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      const [own, other] = key === 'ArrowRight' ? ['data-from', 'data-to'] : ['data-to', 'data-from'];
      const ids = new Set([...figure.querySelectorAll(`.graph-edge:not(.recommended)[${own}="${CSS.escape(id)}"]`)].map((e) => e.getAttribute(other)));
      candidates = nodes.filter((n) => ids.has(n.getAttribute('data-node')))
        .map((n) => ({ n, g: geometry(n) }))
        .sort((a, b) => Math.abs(a.g.cy - here.cy) - Math.abs(b.g.cy - here.cy) || Math.abs(a.g.x - here.x) - Math.abs(b.g.x - here.x));
    } else {
      const up = key === 'ArrowUp';
      candidates = nodes.map((n) => ({ n, g: geometry(n) }))
        .filter((c) => Math.abs(c.g.x - here.x) < 1 && (up ? c.g.cy < here.cy : c.g.cy > here.cy))
        .sort((a, b) => Math.abs(a.g.cy - here.cy) - Math.abs(b.g.cy - here.cy));
    }
    return candidates.length > 0 ? candidates[0].n : null;
  }

  document.addEventListener('keydown', (event) => {
    const node = event.target instanceof Element ? event.target.closest('.graph-node') : null;
    if (!node || !event.key.startsWith('Arrow') || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Arrows never scroll the page from a box, also at the end of a path.
    event.preventDefault();
    const next = neighbour(node, event.key);
    if (!next) return;
    next.focus();
    const viewport = viewportOf(next);
    if (viewport) reveal(viewport, next);
  });

  document.addEventListener('keydown', (event) => {
    const viewport = viewportOf(event.target);
    const state = viewport && states.get(viewport);
    if (!state || event.altKey || event.ctrlKey || event.metaKey) return;
    const onViewport = event.target === viewport;
    const step = 60;
    switch (event.key) {
      case '+': case '=': zoomCentre(viewport, STEP); break;
      case '-': case '_': zoomCentre(viewport, 1 / STEP); break;
      case '0': state.touched = false; setView(viewport, home(viewport, state)); break;
      case 'ArrowLeft': if (!onViewport) return; panBy(viewport, step, 0); break;
      case 'ArrowRight': if (!onViewport) return; panBy(viewport, -step, 0); break;
      case 'ArrowUp': if (!onViewport) return; panBy(viewport, 0, step); break;
      case 'ArrowDown': if (!onViewport) return; panBy(viewport, 0, -step); break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener('focusin', (event) => {
    const node = event.target instanceof Element ? event.target.closest('.graph-node') : null;
    const viewport = node && viewportOf(node);
    if (!viewport) return;
    // Only keyboard focus moves the view: a click focuses the link too, and moving it away from under the pointer
    // between press and release would cancel the click.
    if (node.matches(':focus-visible')) reveal(viewport, node);
    highlight(node, true);
  });
  document.addEventListener('focusout', (event) => {
    const node = event.target instanceof Element ? event.target.closest('.graph-node') : null;
    if (node) highlight(node, false);
  });
  document.addEventListener('pointerover', (event) => {
    const node = event.target instanceof Element ? event.target.closest('.graph-node') : null;
    if (node && event.pointerType === 'mouse') highlight(node, true);
  });
  document.addEventListener('pointerout', (event) => {
    const node = event.target instanceof Element ? event.target.closest('.graph-node') : null;
    if (node && !node.contains(event.relatedTarget)) highlight(node, false);
  });

  function resized(viewport) {
    const state = states.get(viewport);
    if (!state || !state.view || !viewport.isConnected) return;
    if (!state.touched) {
      setView(viewport, home(viewport, state));
      return;
    }
    const { w, h } = box(viewport);
    const cx = state.view.x + state.view.w / 2;
    const cy = state.view.y + state.view.h / 2;
    const vw = w * state.unitsPerPixel;
    const vh = h * state.unitsPerPixel;
    setView(viewport, { x: cx - vw / 2, y: cy - vh / 2, w: vw, h: vh });
  }

  init();
  if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
    window.Blazor.addEventListener('enhancedload', init);
  }
})();
