// What every page of the console shares: lookups in the page, names by kind and code from the page's hidden lists,
// times in Vietnam's time zone in the page's language, durations with the locale's own units, and the calls through
// the console's relay (the person's token stays in the console; a POST carries the page's CSRF token).

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
export const lang = document.documentElement.lang || 'vi';
export const ZONE = 'Asia/Ho_Chi_Minh';

/** The texts a page renders into data attributes of its #texts element. */
export const texts = document.getElementById('texts')?.dataset ?? {};

const names = Object.fromEntries($$('#names li').map((li) => [li.dataset.code, li.textContent.trim()]));

/** The name of a code of a kind (agency, status, concern, …) in the page's language; the code when none. */
export const name = (kind, code) => names[`${kind}:${code}`] ?? code ?? '';

const time = new Intl.DateTimeFormat(lang, { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' });

/** An instant as a date and time in Vietnam, in the page's language. */
export const when = (instant) => (instant ? time.format(new Date(instant)) : '');

/** Today's date in Vietnam, yyyy-MM-dd. */
export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());

const hours = new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
const minutes = new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'short' });

/** A span of milliseconds as hours and minutes, in the locale's units. */
export function span(milliseconds) {
  const total = Math.round(Math.abs(milliseconds) / 60000);
  if (total < 60) return minutes.format(total);
  return `${hours.format(Math.floor(total / 60))} ${minutes.format(total % 60)}`;
}

/** A number in the page's language. */
export const number = (value) => new Intl.NumberFormat(lang).format(value ?? 0);

const csrf = {
  header: document.querySelector('meta[name="csrf-header"]')?.content,
  token: document.querySelector('meta[name="csrf-token"]')?.content,
};

/** GET through the relay; the answer's status and its JSON (null when it has none). */
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  return { status: response.status, ok: response.ok, body: await response.json().catch(() => null) };
}

/** POST of JSON through the relay with the page's CSRF token. */
export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [csrf.header]: csrf.token },
    body: JSON.stringify(body ?? {}),
  });
  return { status: response.status, ok: response.ok, body: await response.json().catch(() => null) };
}

/** A problem's details as one line: each bad field with its message, else the detail. */
export function problemText(problem) {
  if (problem?.errors?.length) return problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return problem?.detail ?? '';
}

const areas = new Map();

/** The names of a province's communes on today's map (the console's own list), read once per province. */
export async function communesOf(province) {
  if (!province) return new Map();
  if (!areas.has(province)) {
    areas.set(province, fetch(`/areas?province=${encodeURIComponent(province)}`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : { communes: [] }))
      .then((picker) => new Map([...(picker.communes ?? []), ...(picker.provinces ?? [])]
        .map((unit) => [unit.code, unit.fullName ?? unit.name])))
      .catch(() => new Map()));
  }
  return areas.get(province);
}

/** A place as names where today's map knows its codes (a case of the old map keeps its codes). */
export async function placeName(location) {
  if (!location) return '';
  const known = await communesOf(location.provinceCode);
  return [location.communeCode, location.districtCode, location.provinceCode].filter(Boolean)
    .map((code) => known.get(code) ?? code).join(', ');
}

/** A definition list from [label, value] pairs, leaving out empty values. */
export function facts(target, pairs) {
  target.replaceChildren(...pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([label, value]) => {
      const div = document.createElement('div');
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = label;
      if (value instanceof Node) dd.append(value); else dd.textContent = value;
      div.append(dt, dd);
      return div;
    }));
}

/** A paragraph with a class (hint, alert). */
export function paragraph(text, className) {
  return Object.assign(document.createElement('p'), { className, textContent: text });
}

/** A table with a header row; each row an array of strings or nodes. */
export function table(headers, rows, className = 'rows') {
  const element = document.createElement('table');
  element.className = className;
  const head = element.createTHead().insertRow();
  headers.forEach((text) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  });
  const body = element.createTBody();
  rows.forEach((cells) => {
    const row = body.insertRow();
    cells.forEach((value) => {
      const cell = row.insertCell();
      if (value instanceof Node) cell.append(value); else cell.textContent = value ?? '';
    });
  });
  return element;
}

/** A link. */
export function link(href, text) {
  return Object.assign(document.createElement('a'), { href, textContent: text });
}

/** Whether a referral is still to be answered (not completed, declined or forwarded). */
export const referralOpen = (status) => !['COMPLETED', 'DECLINED', 'FORWARDED'].includes(status);

/** Whether a case is still being worked on (not completed or closed). */
export const caseOpen = (status) => !['COMPLETED', 'CLOSED'].includes(status);

/** The countdown to a due time: its text and level ('' in time, 'soon' within the hour, 'late' past it). */
export function countdown(dueAt, open, words) {
  if (!open || !dueAt) return { text: '', level: '' };
  const left = Date.parse(dueAt) - Date.now();
  if (left < 0) return { text: `${words.overdueBy} ${span(left)}`, level: 'late' };
  return { text: `${words.dueIn} ${span(left)}`, level: left < 60 * 60000 ? 'soon' : '' };
}
