// The screens' languages (languages.js: French and English built in, another language one file), chosen from the
// browser's language and switchable; the choice is remembered on this device. The app's own strings are here
// (strings.js); each feature brings its own, added once when the page starts. Dates, times and numbers follow the
// language's locale (locale()): numbers given to t() are written the locale's way ("1 234" in French).
import common from './strings.js';
import builtInErrors from './errors.js';
import LANGUAGES from './languages.js';

const DICTIONARIES = Object.fromEntries(LANGUAGES.map((l) => [l.code, {}]));
const OWNERS = Object.fromEntries(LANGUAGES.map((l) => [l.code, {}])); // key → who added it, to name both sides
const errors = Object.fromEntries(LANGUAGES.map((l) => [l.code, builtInErrors[l.code] ?? l.errors ?? {}]));
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
// A language of its own file brings every text of the app at once (its strings), under its code.
for (const pack of LANGUAGES.filter((l) => l.strings)) addStrings(`languages/${pack.code}.js`, { [pack.code]: pack.strings });

/**
 * Keys defined twice, keys missing in a language, error codes missing in a language: none, or the strings are
 * broken (checked by ClientStringsIT; English is the reference).
 */
export function stringProblems() {
  const missing = (lang, other) => Object.keys(DICTIONARIES[other]).filter((key) => !(key in DICTIONARIES[lang]))
    .map((key) => `${lang} ${key}: missing (${OWNERS[other][key]} has it in ${other})`);
  const missingErrors = (lang) => Object.keys(errors.en).filter((code) => !Object.hasOwn(errors[lang], code))
    .map((code) => `${lang} error ${code}: missing`);
  const others = LANGUAGES.map((l) => l.code).filter((code) => code !== 'en');
  return [...problems, ...others.flatMap((lang) => [...missing(lang, 'en'), ...missing('en', lang), ...missingErrors(lang)])];
}

/** Every string of this page, per language (for the browser tests, translators and people debugging). */
export function dictionaries() {
  return Object.fromEntries(LANGUAGES.map((l) => [l.code, { ...DICTIONARIES[l.code] }]));
}

/** The language of the browser when the screens speak it (fr-CA → fr), else English. */
function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && DICTIONARIES[saved]) return saved;
  const wanted = (navigator.languages?.length ? navigator.languages : [navigator.language || 'fr'])
    .map((tag) => tag.toLowerCase().split('-')[0]);
  return wanted.find((code) => DICTIONARIES[code]) ?? 'en';
}

let current = initialLanguage();
let numbers = null;
document.documentElement.lang = current;

export function language() {
  return current;
}

/** The BCP 47 locale of the current language (fr-FR, en-GB): for Intl's dates, times, numbers and lists. */
export function locale() {
  return LANGUAGES.find((l) => l.code === current).locale;
}

/** The language the language button leads to (the next in the list), with its own name and label in that language. */
export function nextLanguage() {
  const at = LANGUAGES.findIndex((l) => l.code === current);
  const next = LANGUAGES[(at + 1) % LANGUAGES.length];
  return { code: next.code, name: next.name, label: next.switchLabel ?? next.name };
}

export function toggleLanguage() {
  current = nextLanguage().code;
  numbers = null;
  localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current;
}

/** A number as the current locale writes it ("1 234,5" in French, "1,234.5" in English). */
export function formatNumber(n) {
  numbers ??= new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  return numbers.format(n);
}

/**
 * The text of a key in the current language ({name} replaced by params.name). Keys 'error.<code>' read the error
 * catalogue (errors.js: every code the hub can send, kept apart from the features' strings).
 */
export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? errorCatalogue(current, key) ?? DICTIONARIES.en[key]
    ?? errorCatalogue('en', key) ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (typeof params[name] === 'number' ? formatNumber(params[name])
    : unerased(String(params[name] ?? ''))));
}

/**
 * What the server sends in place of an erased person's name or text (kernel Person.ERASED_NAME / ERASED_TEXT),
 * said in the reader's language: templates (lib/html.js) and t() pass every value through here.
 */
const ERASED = { '⟨erased member⟩': 'person.erased', '⟨erased⟩': 'person.erasedText' };

export function unerased(value) {
  return typeof value === 'string' && Object.hasOwn(ERASED, value) ? t(ERASED[value]) : value;
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
