// Dictionaries and the language switch: Vietnamese by default, English available; the choice is kept in
// localStorage and mirrored in <html lang>.
import vi from './i18n/vi.js';
import en from './i18n/en.js';

const dictionaries = { vi, en };
const STORAGE_KEY = 'cprp.dashboard.lang';
let current = 'vi';

function storedLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: default language
  }
}

export function initialLanguage() {
  const stored = storedLanguage();
  return stored && dictionaries[stored] ? stored : 'vi';
}

export function setLanguage(lang) {
  current = dictionaries[lang] ? lang : 'vi';
  document.documentElement.lang = current;
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // not persisted; the switch still works for this page
  }
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
