// The languages the screens speak, in the order the language button goes through them. French and English are built
// in: each feature's strings.js and errors.fr.js / errors.en.js hold their texts. Another language is one file,
// languages/<code>.js (every text of the app and every error code, see docs/translating.md), imported and listed here.
export default [
  { code: 'fr', name: 'Français', locale: 'fr-FR', switchLabel: 'Afficher en français' },
  { code: 'en', name: 'English', locale: 'en-GB', switchLabel: 'Show in English' },
];
