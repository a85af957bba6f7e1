// The one place that names the view library's location (a WebJar served by the hub). Every value a template shows
// passes through unerased(): an erased person's name or text reads "erased member" in the reader's language.
import { html as litHtml } from '/webjars/lit-html/3.3.2/lit-html.js';
import { unerased } from '../i18n/i18n.js';

export { render, nothing } from '/webjars/lit-html/3.3.2/lit-html.js';

export function html(strings, ...values) {
  return litHtml(strings, ...values.map(unerased));
}
export { repeat } from '/webjars/lit-html/3.3.2/directives/repeat.js';
export { live } from '/webjars/lit-html/3.3.2/directives/live.js';
