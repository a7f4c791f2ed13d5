// Dashboard of the reporting figures: the figures the sectors report to the standing agency
// (S0 Art 4.7, 9.4; S2 VIII.1), filtered by period, area, agency and concern, refreshed when projections change.
import { applyStatic, codes, initialLanguage, label, language, locale, setLanguage, t } from './i18n.js';
import { getJson, url } from './api.js';
import * as charts from './charts.js';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const POLL_MS = 30_000;
const DEBOUNCE_MS = 300;
const SSE_RETRY_MS = 60_000;
const FILTERS = ['period', 'from', 'to', 'province', 'district', 'commune', 'agency', 'concern'];
const PERIODIC_PERIOD = /^\d{4}(-(H[12]|Q[1-4]))?$/;

const state = {
  filters: {},
  granularity: 'auto',
  // provinces of today's map; its communes and the districts of the map before it, each with the province of today's
  // map it lies in (the pickers and the names of the area panel)
  areas: { provinces: {}, districts: {}, communes: {}, districtsUntil: null, districtsOf: new Set() },
  results: {},
  seenAgencies: new Set(),
  generation: 0,
  controller: null,
};

const $ = (selector, root = document) => root.querySelector(selector);
const el = (tag, attributes = {}, ...children) => {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value == null) continue;
    if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = value;
    else if (key.startsWith('data-') || key.startsWith('aria-') || ['scope', 'title', 'colspan', 'lang'].includes(key)) {
      element.setAttribute(key, value);
    } else element[key] = value;
  }
  children.flat().forEach((child) => child != null && element.append(child));
  return element;
};

// ---------------------------------------------------------------- formatting

const formatNumber = (value) => new Intl.NumberFormat(locale()).format(value);
const formatShare = (value) =>
  new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);

function formatMinutes(minutes) {
  if (minutes == null) return '–';
  const total = Math.round(minutes);
  if (total < 60) return t('duration.minutes', { n: total });
  if (total < 24 * 60) return t('duration.hours', { h: Math.floor(total / 60), m: total % 60 });
  return t('duration.days', { d: Math.floor(total / 1440), h: Math.floor((total % 1440) / 60) });
}

function formatInstant(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE })
    .format(date);
}

/** A number element: formatted text, the raw value in data-value (what the browser test compares with the API). */
function setNumber(element, value, format = formatNumber) {
  if (!element) return;
  const known = value != null && !Number.isNaN(value);
  element.textContent = known ? format(value) : '–';
  element.dataset.value = known ? String(value) : '';
}

function numberCell(testId, value, format = formatNumber) {
  const cell = el('td', { class: 'num', 'data-testid': testId });
  setNumber(cell, value, format);
  return cell;
}

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

const currentYear = () => Number(today().slice(0, 4));

// ---------------------------------------------------------------- names of areas, agencies and periods

function provinceName(code) {
  return state.areas.provinces[code] ?? code;
}

function districtEntry(code) {
  const entry = state.areas.districts[code];
  if (entry == null) return null;
  return typeof entry === 'string' ? { name: entry } : { name: entry.name, province: entry.province ?? entry.provinceCode };
}

function districtName(code) {
  return districtEntry(code)?.name ?? code;
}

function communeName(code) {
  return state.areas.communes[code]?.name ?? code;
}

function areaName(code) {
  if (!code) return '–';
  return districtEntry(code)?.name ?? state.areas.communes[code]?.name ?? state.areas.provinces[code] ?? code;
}

function periodLabel(period) {
  let match = /^(\d{4})$/.exec(period);
  if (match) return t('period.year', { y: match[1] });
  match = /^(\d{4})-H([12])$/.exec(period);
  if (match) return t(match[2] === '1' ? 'period.halfFirst' : 'period.halfSecond', { y: match[1] });
  match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match) return t('period.quarter', { q: match[2], y: match[1] });
  match = /^(\d{4})-(\d{2})$/.exec(period);
  if (match) {
    const monthName = new Intl.DateTimeFormat(locale(), { month: 'long', timeZone: 'UTC' })
      .format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
    return t('period.month', { m: Number(match[2]), mm: monthName, y: match[1] });
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (match) return t('period.day', { d: Number(match[3]), m: Number(match[2]), y: match[1] });
  return period;
}

// ---------------------------------------------------------------- filters

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  FILTERS.forEach((key) => {
    const value = params.get(key);
    if (value) filters[key] = value;
  });
  if (!params.has('period') && !filters.from && !filters.to) filters.period = String(currentYear());
  if (filters.period === 'all') delete filters.period;
  if (filters.from || filters.to) delete filters.period;
  state.filters = filters;
  state.granularity = params.get('granularity') || 'auto';
}

function writeUrl() {
  const params = new URLSearchParams();
  const f = state.filters;
  if (f.from || f.to) {
    if (f.from) params.set('from', f.from);
    if (f.to) params.set('to', f.to);
  } else params.set('period', f.period || 'all');
  ['province', 'district', 'commune', 'agency', 'concern'].forEach((key) => f[key] && params.set(key, f[key]));
  if (state.granularity !== 'auto') params.set('granularity', state.granularity);
  window.history.replaceState(null, '', `${window.location.pathname}?${params}`);
}

function fillSelect(select, options, selected) {
  const groups = new Map();
  select.replaceChildren();
  options.forEach(({ value, text, group }) => {
    const option = el('option', { value, text });
    if (group) {
      if (!groups.has(group)) {
        groups.set(group, el('optgroup', { label: group }));
        select.append(groups.get(group));
      }
      groups.get(group).append(option);
    } else select.append(option);
  });
  select.value = selected ?? '';
  if (select.value !== (selected ?? '')) select.value = '';
}

function periodOptions() {
  const year = currentYear();
  const years = [year, year - 1];
  const options = [{ value: 'all', text: t('filters.allTime') }];
  years.forEach((y) => options.push({ value: String(y), text: periodLabel(String(y)), group: t('filters.years') }));
  years.forEach((y) => ['H1', 'H2'].forEach((h) =>
    options.push({ value: `${y}-${h}`, text: periodLabel(`${y}-${h}`), group: t('filters.halves') })));
  years.forEach((y) => [1, 2, 3, 4].forEach((q) =>
    options.push({ value: `${y}-Q${q}`, text: periodLabel(`${y}-Q${q}`), group: t('filters.quarters') })));
  for (let m = 1; m <= 12; m += 1) {
    const value = `${year}-${String(m).padStart(2, '0')}`;
    options.push({ value, text: periodLabel(value), group: t('filters.months') });
  }
  const period = state.filters.period;
  if (period && !options.some((option) => option.value === period)) {
    options.push({ value: period, text: periodLabel(period), group: t('filters.other') });
  }
  options.push({ value: 'custom', text: t('filters.custom') });
  return options;
}

function renderFilters() {
  const f = state.filters;
  const custom = Boolean(f.from || f.to) || state.customRange;
  fillSelect($('#f-period'), periodOptions(), custom ? 'custom' : (f.period || 'all'));
  document.querySelectorAll('.field.range').forEach((field) => { field.hidden = !custom; });
  $('#f-from').value = f.from ?? '';
  $('#f-to').value = f.to ?? '';

  const provinces = new Set([...Object.keys(state.areas.provinces),
    ...Object.keys(state.results.overview?.data?.byProvince ?? {})]);
  if (f.province) provinces.add(f.province);
  fillSelect($('#f-province'), [{ value: '', text: t('filters.all') },
    ...[...provinces].sort().map((code) => ({ value: code, text: `${provinceName(code)}${provinceName(code) === code ? '' : ` (${code})`}` }))],
  f.province);

  const districts = new Set(Object.keys(state.areas.districts)
    .filter((code) => !f.province || !districtEntry(code)?.province || districtEntry(code).province === f.province));
  Object.keys(state.results.overview?.data?.byDistrict ?? {}).forEach((code) => districts.add(code));
  if (f.district) districts.add(f.district);
  fillSelect($('#f-district'), [{ value: '', text: t('filters.all') },
    ...[...districts].sort().map((code) => ({ value: code, text: `${districtName(code)}${districtName(code) === code ? '' : ` (${code})`}` }))],
  f.district);

  // the communes of today's map, once a province is chosen
  const communes = new Set(f.province ? Object.keys(state.areas.communes)
    .filter((code) => state.areas.communes[code].province === f.province) : []);
  if (f.province) Object.keys(state.results.overview?.data?.byCommune ?? {}).forEach((code) => communes.add(code));
  if (f.commune) communes.add(f.commune);
  const commune = $('#f-commune');
  fillSelect(commune, [{ value: '', text: t('filters.all') },
    ...[...communes].sort().map((code) => ({ value: code, text: `${communeName(code)}${communeName(code) === code ? '' : ` (${code})`}` }))],
  f.commune);
  commune.disabled = !f.province && !f.commune;

  const agencies = new Set([...codes('agency'), ...state.seenAgencies]);
  if (f.agency) agencies.add(f.agency);
  fillSelect($('#f-agency'), [{ value: '', text: t('filters.all') },
    ...[...agencies].map((code) => ({ value: code, text: label('agency', code) }))], f.agency);

  fillSelect($('#f-concern'), [{ value: '', text: t('filters.all') },
    ...codes('concern').map((code) => ({ value: code, text: label('concern', code) }))], f.concern);

  $('#granularity').value = state.granularity;
  renderLinks();
}

function onFilterChange(event) {
  const f = state.filters;
  const target = event.target;
  if (target.id === 'granularity') {
    state.granularity = target.value;
  } else if (target.id === 'f-period') {
    state.customRange = target.value === 'custom';
    delete f.from;
    delete f.to;
    if (state.customRange) delete f.period;
    else if (target.value === 'all') delete f.period;
    else f.period = target.value;
    document.querySelectorAll('.field.range').forEach((field) => { field.hidden = !state.customRange; });
    if (state.customRange) {
      $('#f-from').focus();
      return;
    }
  } else if (target.id === 'f-from' || target.id === 'f-to') {
    const key = target.id === 'f-from' ? 'from' : 'to';
    if (target.value) f[key] = target.value;
    else delete f[key];
    delete f.period;
    if (f.from && f.to && f.from > f.to) {
      showFilterError(t('state.badFilter', { fields: `${t('filters.from')} > ${t('filters.to')}` }));
      return;
    }
  } else {
    const key = target.name;
    if (target.value) f[key] = target.value;
    else delete f[key];
    if (key === 'province') {
      delete f.district;
      delete f.commune;
      renderFilters();
      loadDistrictsBefore(f.province).then(renderFilters);
    } else if (key === 'district' || key === 'commune') {
      // a district names days before the change of map, a commune days after: one of them at a time
      delete f[key === 'district' ? 'commune' : 'district'];
      renderFilters();
    }
  }
  showFilterError(null);
  writeUrl();
  renderLinks();
  scheduleRefresh(0);
}

function showFilterError(message) {
  const box = $('#filters-error');
  box.hidden = !message;
  box.textContent = message ?? '';
}

function renderLinks() {
  const f = state.filters;
  document.querySelectorAll('a.csv').forEach((link) => {
    link.href = csvUrl(link.dataset.csv);
    link.setAttribute('download', '');
  });
  const report = $('#periodic-report');
  const usable = f.province && f.period && PERIODIC_PERIOD.test(f.period);
  if (usable) {
    report.href = url('api/v1/reports/periodic', {}, { province: f.province, period: f.period, format: 'html' });
    report.removeAttribute('aria-disabled');
  } else {
    report.removeAttribute('href');
    report.setAttribute('aria-disabled', 'true');
  }
  $('#periodic-hint').hidden = Boolean(usable);
}

function csvUrl(view) {
  const f = state.filters;
  switch (view) {
    case 'overview': return url('api/v1/stats/overview', f, { format: 'csv' });
    case 'timeseries': return url('api/v1/stats/timeseries', f, { granularity: granularity(), format: 'csv' });
    case 'areas': return url('api/v1/stats/breakdown', f, { by: areaLevel(), format: 'csv' });
    case 'concerns': return url('api/v1/stats/breakdown', f, { by: 'concern', format: 'csv' });
    default: return url(`api/v1/stats/${view}`, f, { format: 'csv' });
  }
}

/** Day buckets for a month or a quarter, months for longer periods. */
function granularity() {
  if (state.granularity !== 'auto') return state.granularity;
  const { period, from, to } = state.filters;
  if (from || to) {
    if (!from || !to) return 'month';
    return (new Date(to) - new Date(from)) / 86_400_000 <= 93 ? 'day' : 'month';
  }
  if (!period) return 'month';
  if (/^\d{4}-(Q[1-4]|\d{2})/.test(period)) return 'day';
  return 'month';
}

/** Without a province, by province; with one, by district for the days before the change of map, by commune after. */
const areaLevel = () => (state.filters.province ? 'area' : 'province');

// ---------------------------------------------------------------- loading

let refreshTimer = null;

function scheduleRefresh(delay = DEBOUNCE_MS) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, delay);
}

const VIEWS = {
  overview: () => ['api/v1/stats/overview', {}],
  timeseries: () => ['api/v1/stats/timeseries', { granularity: granularity() }],
  areas: () => ['api/v1/stats/breakdown', { by: areaLevel() }],
  concerns: () => ['api/v1/stats/breakdown', { by: 'concern' }],
  funnel: () => ['api/v1/stats/funnel', {}],
  indicators: () => ['api/v1/stats/indicators', {}],
  overdue: () => ['api/v1/stats/overdue', {}],
  repeats: () => ['api/v1/stats/repeats', {}],
};

async function refresh() {
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  const generation = ++state.generation;
  const filters = { ...state.filters };
  try {
    const entries = await Promise.all(Object.entries(VIEWS).map(async ([name, view]) => {
      const [path, extra] = view();
      return [name, await getJson(path, filters, extra, controller.signal)];
    }));
    if (generation !== state.generation) return;
    state.results = Object.fromEntries(entries);
    const invalid = entries.find(([, result]) => result.kind === 'invalid');
    showFilterError(invalid ? t('state.badFilter', { fields: invalid[1].fields.join(', ') }) : null);
    renderAll();
    const stamp = new Date();
    const updated = $('#updated-at');
    updated.dateTime = stamp.toISOString();
    updated.textContent = new Intl.DateTimeFormat(locale(), { timeStyle: 'medium', timeZone: TIME_ZONE }).format(stamp);
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes) + 1);
  } catch (error) {
    if (error.name !== 'AbortError') throw error;
  }
}

/** Adds the districts and communes of a map's answer, each with the province of today's map it lies in. */
function addUnits(data) {
  (data.units ?? []).forEach((province) => {
    const latest = province.latestProvince ?? province.code;
    (province.districts ?? []).forEach((district) => {
      state.areas.districts[district.code] = { name: district.name, province: latest };
    });
    (province.communes ?? []).forEach((commune) => {
      state.areas.communes[commune.code] = { name: commune.name, province: latest };
    });
  });
}

/** Today's map (the pickers' provinces and communes). */
async function loadAreas() {
  const result = await getJson('api/v1/areas', {}, {});
  if (result.kind === 'ok') {
    state.areas = {
      provinces: result.data.provinces ?? {},
      districts: { ...(result.data.districts ?? {}) },
      communes: {},
      districtsUntil: result.data.districtsUntil ?? null,
      districtsOf: new Set(),
    };
    addUnits(result.data);
  }
  await loadDistrictsBefore(state.filters.province);
}

/** The districts of a province's former parts, from the last map that had districts (until 30 June 2025). */
async function loadDistrictsBefore(province) {
  const until = state.areas.districtsUntil;
  if (!province || !until || state.areas.districtsOf.has(province)) return;
  state.areas.districtsOf.add(province);
  const result = await getJson('api/v1/areas', {}, { on: until, province });
  if (result.kind === 'ok') addUnits(result.data);
}

// ---------------------------------------------------------------- rendering

function panelState(name, result, isEmpty = () => false) {
  const panel = document.getElementById(`panel-${name}`);
  const message = $('.panel-message', panel);
  let kind;
  if (!result) kind = 'loading';
  else if (result.kind === 'ok') kind = isEmpty(result.data) ? 'empty' : 'ready';
  else if (result.kind === 'unavailable') kind = 'unavailable';
  else if (['tooLarge', 'busy', 'forbidden', 'signedOut'].includes(result.kind)) kind = result.kind;
  else if (result.kind === 'invalid') kind = 'error';
  else kind = 'error';
  panel.dataset.state = kind;
  message.hidden = kind === 'ready';
  message.textContent = kind === 'ready' ? ''
    : kind === 'error' ? t('state.error', { status: result.status ?? 400 }) : t(`state.${kind}`);
  return kind;
}

function renderAll() {
  const overview = state.results.overview?.kind === 'ok' ? state.results.overview.data : null;
  Object.keys(overview?.byAgency ?? {}).forEach((code) => state.seenAgencies.add(code));
  renderOverview(overview);
  renderProfile(overview);
  renderTimeseries();
  renderAreas(overview);
  renderConcerns(overview);
  renderFunnel();
  renderIndicators();
  renderOverdue();
  renderRepeats();
  const generatedAt = $('#generated-at');
  generatedAt.textContent = formatInstant(overview?.generatedAt);
  generatedAt.dateTime = overview?.generatedAt ?? '';
}

function renderOverview(overview) {
  panelState('overview', state.results.overview);
  const set = (id, value) => setNumber(document.querySelector(`[data-testid="${id}"]`), value);
  set('kpi-reports', overview?.reports);
  set('kpi-counselling', overview?.contacts?.COUNSELLING);
  set('kpi-cases', overview?.cases);
  set('kpi-referrals', overview?.referrals);
  set('kpi-completed', overview?.casesByStatus?.COMPLETED);
  set('kpi-overdue', overview?.openOverdueReferrals);
}

function fillTable(table, headers, rows) {
  $('thead', table)?.replaceChildren(el('tr', {}, headers.map((text, index) =>
    el('th', { scope: 'col', class: index === 0 ? null : 'num', text }))));
  $('tbody', table).replaceChildren(...rows);
}

function keyValueRows(kind, map, testIdPrefix) {
  return Object.entries(map ?? {}).map(([code, value]) =>
    el('tr', {}, el('th', { scope: 'row', text: label(kind, code) }), numberCell(`${testIdPrefix}-${code}`, value)));
}

function renderProfile(overview) {
  panelState('profile', state.results.overview);
  $('#table-severity tbody').replaceChildren(...keyValueRows('severity', overview?.bySeverity, 'severity'));
  $('#table-channel tbody').replaceChildren(...keyValueRows('channel', overview?.byChannel, 'channel'));
  $('#table-status tbody').replaceChildren(...keyValueRows('caseStatus', overview?.casesByStatus, 'status'));
  $('#table-role tbody').replaceChildren(...keyValueRows('role', overview?.byRole, 'role'));
  const severity = Object.entries(overview?.bySeverity ?? {});
  charts.render('chart-severity', 'doughnut', {
    labels: severity.map(([code]) => label('severity', code)),
    datasets: [{ data: severity.map(([, value]) => value), backgroundColor: ['#D55E00', '#E69F00', '#0072B2'] }],
  }, { plugins: { legend: { position: 'right' } } });
}

function renderTimeseries() {
  const result = state.results.timeseries;
  panelState('timeseries', result, (data) => !data.buckets?.length);
  const buckets = result?.kind === 'ok' ? result.data.buckets ?? [] : [];
  const series = ['contacts', 'cases', 'referrals', 'completedCases'];
  fillTable($('#table-timeseries'), [t('timeseries.period'), ...series.map((key) => t(`timeseries.${key}`))],
    buckets.map((bucket) => el('tr', {}, el('th', { scope: 'row', text: periodLabel(bucket.period) }),
      series.map((key) => numberCell(`timeseries-${bucket.period}-${key}`, bucket[key])))));
  if (!buckets.length) {
    charts.clear('chart-timeseries');
    return;
  }
  charts.render('chart-timeseries', buckets.length > 1 ? 'line' : 'bar', {
    labels: buckets.map((bucket) => periodLabel(bucket.period)),
    datasets: series.map((key, index) => ({
      label: t(`timeseries.${key}`),
      data: buckets.map((bucket) => bucket[key] ?? 0),
      borderColor: charts.PALETTE[index],
      backgroundColor: charts.PALETTE[index],
      tension: 0.2,
    })),
  }, { scales: charts.scales(), interaction: { mode: 'index', intersect: false } });
}

/** Rows {key, values} from the breakdown view, or from the overview's contact counts while it is unavailable. */
function breakdownRows(result, overviewMap) {
  if (result?.kind === 'ok') {
    return { columns: ['cases', 'referrals'], rows: (result.data.rows ?? []).map((row) => ({ key: row.key, values: row })) };
  }
  if (overviewMap) {
    return {
      columns: ['contacts'],
      rows: Object.entries(overviewMap).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1])
        .map(([key, contacts]) => ({ key, values: { contacts } })),
    };
  }
  return { columns: [], rows: [] };
}

function renderBreakdown({ name, result, fallback, kindLabel, keyHeader, canvas, horizontal }) {
  const usable = result?.kind === 'ok' ? result : fallback ? { kind: 'ok', data: {} } : result;
  const { columns, rows } = breakdownRows(result, fallback);
  panelState(name, usable, () => rows.length === 0);
  const panel = document.getElementById(`panel-${name}`);
  panel.dataset.source = result?.kind === 'ok' ? 'breakdown' : fallback ? 'overview' : 'none';
  const prefix = name === 'areas' ? 'area' : 'concern';
  fillTable($('table', panel), [keyHeader, ...columns.map((column) => t(`columns.${column}`))],
    rows.map((row) => el('tr', {}, el('th', { scope: 'row', text: kindLabel(row.key) }),
      columns.map((column) => numberCell(`${prefix}-${row.key}-${column}`, row.values[column])))));
  const charted = rows.filter((row) => columns.some((column) => row.values[column] > 0));
  if (!charted.length) {
    charts.clear(canvas);
    return;
  }
  charts.render(canvas, 'bar', {
    labels: charted.map((row) => kindLabel(row.key)),
    datasets: columns.map((column, index) => ({
      label: t(`columns.${column}`),
      data: charted.map((row) => row.values[column] ?? 0),
      backgroundColor: charts.PALETTE[index],
    })),
  }, { indexAxis: horizontal ? 'y' : 'x', scales: charts.scales({ horizontal }) });
}

function renderAreas(overview) {
  const local = areaLevel() === 'area';
  $('#areas-title').textContent = t(local ? 'areas.titleArea' : 'areas.titleProvince');
  renderBreakdown({
    name: 'areas',
    result: state.results.areas,
    fallback: local ? (overview ? { ...overview.byDistrict, ...overview.byCommune } : null) : overview?.byProvince,
    kindLabel: local ? areaName : provinceName,
    keyHeader: t(local ? 'areas.area' : 'areas.province'),
    canvas: 'chart-areas',
    horizontal: false,
  });
}

function renderConcerns(overview) {
  renderBreakdown({
    name: 'concerns',
    result: state.results.concerns,
    fallback: overview?.byConcern,
    kindLabel: (code) => label('concern', code),
    keyHeader: t('concerns.concern'),
    canvas: 'chart-concerns',
    horizontal: true,
  });
}

const FUNNEL_COUNTS = ['issued', 'acknowledged', 'accepted', 'inProgress', 'completed', 'declined', 'forwarded', 'openOverdue'];
const ON_TIME = [['ACKNOWLEDGEMENT', 'onTimeAck'], ['EMERGENCY_MEASURES', 'onTimeEmergency'], ['SUPPORT_PLAN', 'onTimePlan']];

function reasonsText(row) {
  const parts = [];
  Object.entries(row.declineReasons ?? {}).forEach(([code, n]) =>
    parts.push(`${label('referralStatus', 'DECLINED')}: ${label('reason', code)} (${formatNumber(n)})`));
  Object.entries(row.forwardReasons ?? {}).forEach(([code, n]) =>
    parts.push(`${label('referralStatus', 'FORWARDED')}: ${label('reason', code)} (${formatNumber(n)})`));
  return parts.join('; ') || '–';
}

function renderFunnel() {
  const result = state.results.funnel;
  panelState('funnel', result, (data) => !data.rows?.length);
  const rows = result?.kind === 'ok' ? result.data.rows ?? [] : [];
  rows.forEach((row) => state.seenAgencies.add(row.agency));
  const headers = [t('funnel.agency'), ...FUNNEL_COUNTS.map((key) => t(`funnel.${key}`)),
    t('funnel.medianAck'), t('funnel.medianComplete'), ...ON_TIME.map(([, key]) => t(`funnel.${key}`)), t('funnel.reasons')];
  fillTable($('#table-funnel'), headers, rows.map((row) => {
    const id = (suffix) => `funnel-${row.agency}-${suffix}`;
    return el('tr', {},
      el('th', { scope: 'row', text: label('agency', row.agency) }),
      FUNNEL_COUNTS.map((key) => numberCell(id(key), row[key])),
      numberCell(id('timeToAcknowledge-median'), row.timeToAcknowledge?.medianMinutes, formatMinutes),
      numberCell(id('timeToComplete-median'), row.timeToComplete?.medianMinutes, formatMinutes),
      ON_TIME.map(([kind]) => {
        const onTime = row.onTime?.[kind];
        const cell = numberCell(id(`onTime-${kind}`), onTime?.share, formatShare);
        if (onTime) cell.title = `${formatNumber(onTime.met)}/${formatNumber(onTime.due)}`;
        return cell;
      }),
      el('td', { class: 'reasons', text: reasonsText(row) }));
  }));
  if (!rows.length) {
    charts.clear('chart-funnel');
    return;
  }
  const stages = ['issued', 'acknowledged', 'accepted', 'completed', 'declined', 'forwarded'];
  charts.render('chart-funnel', 'bar', {
    labels: rows.map((row) => label('agency', row.agency)),
    datasets: stages.map((key, index) => ({
      label: t(`funnel.${key}`),
      data: rows.map((row) => row[key] ?? 0),
      backgroundColor: charts.PALETTE[index],
    })),
  }, { scales: charts.scales() });
}

function formatIndicator(value, unit) {
  if (value == null) return '–';
  if (unit === 'share') return formatShare(value);
  if (unit === 'minutes') return formatMinutes(value);
  return formatNumber(value);
}

function renderIndicators() {
  const result = state.results.indicators;
  panelState('indicators', result, (data) => !data.indicators?.length);
  const indicators = result?.kind === 'ok' ? result.data.indicators ?? [] : [];
  const lang = language();
  fillTable($('#table-indicators'), [t('indicators.indicator'), t('indicators.source'), t('indicators.value'),
    t('indicators.target'), t('indicators.ratio'), t('indicators.met')], indicators.map((indicator) => {
    const format = (value) => formatIndicator(value, indicator.unit);
    const status = indicator.value == null ? 'na' : indicator.met ? 'yes' : 'no';
    const progress = el('meter', {
      min: 0,
      max: indicator.target || 1,
      value: indicator.value ?? 0,
      'aria-hidden': 'true',
    });
    const valueCell = numberCell(`indicator-${indicator.id}-value`, indicator.value, format);
    valueCell.append(' ', progress);
    const ratio = el('td', { class: 'num' },
      el('span', { 'data-testid': `indicator-${indicator.id}-numerator`, 'data-value': indicator.numerator ?? '',
        text: indicator.numerator == null ? '–' : formatNumber(indicator.numerator) }), ' / ',
      el('span', { 'data-testid': `indicator-${indicator.id}-denominator`, 'data-value': indicator.denominator ?? '',
        text: indicator.denominator == null ? '–' : formatNumber(indicator.denominator) }));
    return el('tr', { class: `indicator ${status}` },
      el('th', { scope: 'row', text: indicator.label?.[lang] ?? indicator.label?.vi ?? indicator.id }),
      el('td', { class: 'source', text: indicator.source ?? '' }),
      valueCell,
      numberCell(`indicator-${indicator.id}-target`, indicator.target, format),
      ratio,
      el('td', { class: `met ${status}`, 'data-testid': `indicator-${indicator.id}-met`,
        'data-value': indicator.value == null ? '' : String(Boolean(indicator.met)) },
      el('span', { 'aria-hidden': 'true', text: status === 'yes' ? '✔ ' : status === 'no' ? '✘ ' : '… ' }),
      t(`indicators.${status}`)));
  }));
}

function renderOverdue() {
  const result = state.results.overdue;
  panelState('overdue', result, (data) => !data.rows?.length);
  const rows = result?.kind === 'ok' ? result.data.rows ?? [] : [];
  setNumber(document.querySelector('[data-testid="overdue-count"]'), result?.kind === 'ok' ? rows.length : null);
  fillTable($('#table-overdue'), [t('overdue.case'), t('overdue.agency'), t('overdue.area'), t('overdue.severity'),
    t('overdue.deadline'), t('overdue.dueAt'), t('overdue.stage'), t('overdue.overdueBy')], rows.map((row) =>
    el('tr', { 'data-testid': `overdue-row-${row.referralId}`, class: `stage-${row.stage ?? ''}` },
      el('th', { scope: 'row', title: row.caseId, text: String(row.caseId ?? '').slice(0, 8) }),
      el('td', { text: label('agency', row.agency) }),
      el('td', { text: [areaName(row.areaCode), row.provinceCode ? provinceName(row.provinceCode) : null]
        .filter(Boolean).join(', ') }),
      el('td', { text: label('severity', row.severity) }),
      el('td', { text: label('deadline', row.deadline) }),
      el('td', { text: formatInstant(row.dueAt) }),
      el('td', { text: label('stage', row.stage) }),
      numberCell(`overdue-${row.referralId}-minutes`, row.overdueMinutes, formatMinutes))));
}

function renderRepeats() {
  const result = state.results.repeats;
  panelState('repeats', result, (data) => !data.rows?.length);
  const rows = result?.kind === 'ok' ? result.data.rows ?? [] : [];
  setNumber(document.querySelector('[data-testid="repeats-count"]'), result?.kind === 'ok' ? rows.length : null);
  fillTable($('#table-repeats'), [t('repeats.kind'), t('repeats.key'), t('repeats.area'), t('repeats.cases'),
    t('repeats.firstAt'), t('repeats.lastAt')], rows.map((row) =>
    el('tr', {},
      el('th', { scope: 'row', text: label('repeatKind', row.kind) }),
      // a child's key is a pseudonym: shortened, never resolvable to a name on this page
      el('td', { class: 'code', title: row.key, text: row.kind === 'CHILD' ? `${String(row.key).slice(0, 10)}…` : areaName(row.key) }),
      el('td', { text: [row.districtCode ? districtName(row.districtCode) : null,
        row.provinceCode ? provinceName(row.provinceCode) : null].filter(Boolean).join(', ') || '–' }),
      numberCell(`repeat-${row.kind}-${row.key}-cases`, row.cases),
      el('td', { text: formatInstant(row.firstAt) }),
      el('td', { text: formatInstant(row.lastAt) }))));
}

// ---------------------------------------------------------------- live updates

let pollTimer = null;

function setLive(mode) {
  document.body.dataset.live = mode;
  const status = $('#live-status');
  status.dataset.i18n = `live.${mode}`;
  status.textContent = t(`live.${mode}`);
}

function startPolling() {
  if (!pollTimer) pollTimer = setInterval(() => scheduleRefresh(0), POLL_MS);
}

function stopPolling() {
  clearInterval(pollTimer);
  pollTimer = null;
}

/** Server-sent `projection-changed` events trigger a (debounced) refresh; polling every 30 s when SSE fails. */
function connectLive() {
  if (!('EventSource' in window)) {
    setLive('polling');
    startPolling();
    return;
  }
  const source = new EventSource('api/v1/stats/stream');
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) scheduleRefresh(); // reconnected: catch up on what was missed
    opened = true;
    stopPolling();
    setLive('sse');
  });
  source.addEventListener('projection-changed', () => scheduleRefresh());
  source.addEventListener('error', () => {
    startPolling();
    if (source.readyState === EventSource.CLOSED) {
      // the stream is not served (404) or refused: poll, and try the stream again later
      setLive('polling');
      setTimeout(connectLive, SSE_RETRY_MS);
    } else setLive('offline');
  });
}

// ---------------------------------------------------------------- start

function switchLanguage(lang) {
  setLanguage(lang);
  $('#lang').value = language();
  applyStatic();
  $('#live-status').textContent = t($('#live-status').dataset.i18n);
  renderFilters();
  renderAll();
}

function bind() {
  $('#filters').addEventListener('change', onFilterChange);
  $('#filters').addEventListener('submit', (event) => event.preventDefault());
  $('#filters').addEventListener('reset', (event) => {
    event.preventDefault();
    state.filters = { period: String(currentYear()) };
    state.customRange = false;
    state.granularity = 'auto';
    writeUrl();
    renderFilters();
    showFilterError(null);
    scheduleRefresh(0);
  });
  $('#granularity').addEventListener('change', onFilterChange);
  $('#lang').addEventListener('change', (event) => switchLanguage(event.target.value));
  $('#print').addEventListener('click', () => window.print());
  $('#periodic-report').addEventListener('click', (event) => {
    if (!event.currentTarget.hasAttribute('href')) event.preventDefault();
  });
  // printed pages show every table, not only the charts
  const opened = [];
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll('details.table-alt:not([open])').forEach((details) => {
      details.open = true;
      opened.push(details);
    });
    charts.resizeAll();
  });
  window.addEventListener('afterprint', () => {
    opened.splice(0).forEach((details) => { details.open = false; });
    charts.resizeAll();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') scheduleRefresh();
  });
}

async function start() {
  setLanguage(initialLanguage());
  $('#lang').value = language();
  applyStatic();
  readUrl();
  bind();
  renderFilters();
  renderAll(); // every panel says it is loading
  await loadAreas();
  renderFilters();
  await refresh();
  renderFilters();
  connectLive();
  document.body.dataset.ready = 'true';
}

start();
