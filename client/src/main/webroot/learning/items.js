// Finding materials in the view: items by id, with their module, and where each sits on the page.

/** Every item of the view's modules, by id (each with moduleId). */
export function itemsById(view) {
  const items = new Map();
  for (const module of view?.learning?.modules ?? []) {
    for (const item of module.items ?? []) items.set(item.id, { ...item, moduleId: module.id });
  }
  return items;
}

/** The id of an item's place on the page (links from the agenda and from "now"). */
export function itemAnchor(itemId) {
  return `lm-item-${itemId}`;
}

/** The URL of a stored file of this assembly (and of its rendered HTML, for Markdown). */
export function fileUrl(ctx, hash, rendered = false) {
  return `/api/assemblies/${encodeURIComponent(ctx.assemblyId)}/files/${encodeURIComponent(hash)}${rendered ? '/html' : ''}`;
}

/** A file given as a hash or as {hash, …}. */
export function hashOf(file) {
  return typeof file === 'string' ? file : file?.hash;
}
