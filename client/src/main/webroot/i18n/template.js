// The start of a new language's file: every text of the app and every error code, in English, in the shape
// languages/<code>.js takes. Translators open any page of the hub and run, in the browser's console:
//   copy((await import('/i18n/template.js')).template('de', 'Deutsch', 'de-DE', 'Auf Deutsch anzeigen'))
// then paste into client/src/main/webroot/i18n/languages/de.js, translate the texts, and list it in languages.js
// (docs/translating.md). The app's screens must have been opened first on that page so that every feature added its
// strings: the app's page (/) does that as it starts.
import { dictionaries } from './i18n.js';
import errors from './errors.js';

const quoted = (text) => JSON.stringify(text);

export function template(code, name, locale, switchLabel) {
  const strings = Object.entries(dictionaries().en).sort(([a], [b]) => a.localeCompare(b));
  const codes = Object.entries(errors.en).sort(([a], [b]) => a.localeCompare(b));
  return `// ${name}: every text of the app and every error code (docs/translating.md).
export default {
  code: ${quoted(code)},
  name: ${quoted(name)},
  locale: ${quoted(locale)},
  switchLabel: ${quoted(switchLabel)},
  strings: {
${strings.map(([key, text]) => `    ${quoted(key)}: ${quoted(text)},`).join('\n')}
  },
  errors: {
${codes.map(([key, text]) => `    ${quoted(key)}: ${quoted(text)},`).join('\n')}
  },
};
`;
}
