// SHA-256 of a text (UTF-8), as bytes. WebCrypto where the page is a secure context (https, or localhost); on a
// plain-http page elsewhere crypto.subtle does not exist, and the js-sha256 WebJar (served by the hub, loaded only
// then) computes the same digest.
const PORTABLE = '/webjars/js-sha256/0.11.1/src/sha256.js';

export async function sha256(text) {
  if (globalThis.crypto?.subtle) return sha256WebCrypto(text);
  return sha256Portable(text);
}

export async function sha256WebCrypto(text) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

export async function sha256Portable(text) {
  await import(PORTABLE); // a classic script: it sets window.sha256
  return new Uint8Array(window.sha256.arrayBuffer(new TextEncoder().encode(text)));
}
