// Dictionaries and the language switch: Vietnamese by default, English available. The choice is kept in the
// cprp-lang cookie, the one the console's pages use (so both follow one switch; no browser storage), and mirrored in
// <html lang>.
import vi from './i18n/vi.js';
import en from './i18n/en.js';

const dictionaries = { vi, en };
const COOKIE = 'cprp-lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
let current = 'vi';

function storedLanguage() {
  const entry = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${COOKIE}=`));
  return entry ? decodeURIComponent(entry.slice(COOKIE.length + 1)) : null;
}

export function initialLanguage() {
  const stored = storedLanguage();
  return stored && dictionaries[stored] ? stored : 'vi';
}

export function setLanguage(lang) {
  current = dictionaries[lang] ? lang : 'vi';
  document.documentElement.lang = current;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${COOKIE}=${current}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
  return current;
}

export function language() {
  return current;
}

export function locale() {
  return dictionaries[current].locale;
}

function lookup(dictionary, key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), dictionary);
}

/** The text for a dotted key, with {placeholders} filled; falls back to Vietnamese, then to the key. */
export function t(key, params = {}) {
  let text = lookup(dictionaries[current], key);
  if (typeof text !== 'string') text = lookup(vi, key);
  if (typeof text !== 'string') return key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** The label of a code of one kind (concern, severity, agency, ...); an unknown code shows as itself. */
export function label(kind, code) {
  if (code == null) return '–';
  const text = lookup(dictionaries[current], `enum.${kind}.${code}`) ?? lookup(vi, `enum.${kind}.${code}`);
  return typeof text === 'string' ? text : String(code);
}

/** Every code of a kind the dictionaries know, in dictionary order. */
export function codes(kind) {
  return Object.keys(vi.enum[kind] ?? {});
}

/** Fills every element carrying data-i18n with its text. */
export function applyStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  document.title = t('title');
}
