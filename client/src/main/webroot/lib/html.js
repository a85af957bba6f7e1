// The one place that names the view library's location (a WebJar served by the hub).
export { html, render, nothing } from '/webjars/lit-html/3.3.2/lit-html.js';
export { repeat } from '/webjars/lit-html/3.3.2/directives/repeat.js';
export { live } from '/webjars/lit-html/3.3.2/directives/live.js';
