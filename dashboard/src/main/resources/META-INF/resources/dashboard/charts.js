// Chart.js 4.5.1 (window.Chart, loaded from the WebJar before this module). Every chart has a table next to it
// holding the same numbers, so a page without Chart.js (or a screen reader) loses nothing.

// Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

const charts = new Map();

export function available() {
  return typeof window.Chart === 'function';
}

function baseOptions(extra = {}) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 14, color: '#1a1a1a' } },
      tooltip: { enabled: true },
    },
    ...extra,
  };
}

/** Creates or updates the chart on a canvas; a chart of another type is replaced. */
export function render(canvasId, type, data, options = {}) {
  if (!available()) return;
  const canvas = document.getElementById(canvasId);
  if (!canvas) return;
  const existing = charts.get(canvasId);
  if (existing && existing.config.type === type) {
    existing.data = data;
    existing.options = baseOptions(options);
    existing.update('none');
    return;
  }
  existing?.destroy();
  charts.set(canvasId, new window.Chart(canvas, { type, data, options: baseOptions(options) }));
}

export function clear(canvasId) {
  charts.get(canvasId)?.destroy();
  charts.delete(canvasId);
}

/** Resize for print and back (Chart.js does not follow the print media query on its own). */
export function resizeAll() {
  charts.forEach((chart) => chart.resize());
}

export function scales({ horizontal = false, stacked = false } = {}) {
  const valueAxis = { beginAtZero: true, ticks: { precision: 0, color: '#1a1a1a' }, stacked };
  const categoryAxis = { ticks: { color: '#1a1a1a', autoSkip: true }, stacked };
  return horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis };
}
