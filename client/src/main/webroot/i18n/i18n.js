// French and English, chosen from the browser's language and switchable; the choice is remembered on this device.
// The app's own strings are here (strings.js); each feature brings its own, added once when the page starts.
import common from './strings.js';
import errors from './errors.js';

const DICTIONARIES = { en: {}, fr: {} };
const OWNERS = { en: {}, fr: {} }; // key → who added it, to name both sides when a key comes twice
const problems = [];
const STORAGE_KEY = 'assembly-hub.lang';

/**
 * Adds strings ({ fr: {...}, en: {...} }, the same keys in both). A key that is already there keeps its first text:
 * the clash is logged as an error and listed by stringProblems(), which the browser tests check.
 */
export function addStrings(owner, strings) {
  for (const [lang, texts] of Object.entries(strings)) {
    if (!DICTIONARIES[lang]) {
      problems.push(`${owner}: unknown language ${lang}`);
      continue;
    }
    for (const [key, text] of Object.entries(texts)) {
      if (key in DICTIONARIES[lang]) {
        problems.push(`${lang} ${key}: defined by ${OWNERS[lang][key]} and ${owner}`);
        console.error('string defined twice', lang, key, OWNERS[lang][key], owner);
        continue;
      }
      DICTIONARIES[lang][key] = text;
      OWNERS[lang][key] = owner;
    }
  }
}

addStrings('i18n', common);

/** Keys defined twice, keys missing in one language: none, or the strings are broken (checked by ClientStringsIT). */
export function stringProblems() {
  const missing = (lang, other) => Object.keys(DICTIONARIES[other]).filter((key) => !(key in DICTIONARIES[lang]))
    .map((key) => `${lang} ${key}: missing (${OWNERS[other][key]} has it in ${other})`);
  return [...problems, ...missing('fr', 'en'), ...missing('en', 'fr')];
}

/** Every string of this page, per language (for the browser tests and people debugging). */
export function dictionaries() {
  return { fr: { ...DICTIONARIES.fr }, en: { ...DICTIONARIES.en } };
}

function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && DICTIONARIES[saved]) return saved;
  return (navigator.language || 'fr').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

let current = initialLanguage();
document.documentElement.lang = current;

export function language() {
  return current;
}

export function toggleLanguage() {
  current = current === 'fr' ? 'en' : 'fr';
  localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current;
}

/**
 * The text of a key in the current language ({name} replaced by params.name). Keys 'error.<code>' read the error
 * catalogue (errors.js: every code the hub can send, kept apart from the features' strings).
 */
export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? errorCatalogue(current, key) ?? DICTIONARIES.en[key]
    ?? errorCatalogue('en', key) ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

function errorCatalogue(lang, key) {
  const code = /^error\.(.+)$/.exec(key)?.[1];
  return code && Object.hasOwn(errors[lang], code) ? errors[lang][code] : undefined;
}

/**
 * What an error ({code, message}) means, in the person's language: the catalogue's text of its code; the server's own
 * sentence only for a code the catalogue does not know (and a neutral sentence when there is neither).
 */
export function errorText(error) {
  const code = error?.code;
  if (code && Object.hasOwn(errors[current], code)) return t('error.' + code);
  if (error?.message) return t('error.generic', { message: error.message });
  return t('error.unknown');
}
