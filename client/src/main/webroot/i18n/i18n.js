// French and English, chosen from the browser's language and switchable; the choice is remembered on this device.
import en from './en.js';
import fr from './fr.js';

const DICTIONARIES = { en, fr };
const STORAGE_KEY = 'assembly-hub.lang';

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

export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? DICTIONARIES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}
