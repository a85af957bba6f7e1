// Uploading a file for a learning item (docs/learning.md, "Files"): the bytes go as they are to the hub, which checks
// them by their content; the person sees how far the upload is, and a refusal in their own language.

/** The kind the hub checks a reading's file as: Markdown for text files, else PDF. */
export function readingKind(file) {
  return /\.(md|markdown|txt)$/i.test(file.name) || file.type.startsWith('text/') ? 'markdown' : 'pdf';
}

/**
 * Sends file to the hub as kind (video, pdf, markdown, captions); onProgress(percent) while it goes. Resolves with
 * {file: {hash, kind, mediaType, bytes, name, pages?}} or {error: {code, message}} (never rejects). XMLHttpRequest,
 * not fetch: only it tells how much of the body has been sent.
 */
export function uploadFile(assemblyId, kind, file, onProgress) {
  const query = new URLSearchParams({ kind, name: file.name });
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/assemblies/${encodeURIComponent(assemblyId)}/files?${query}`);
    request.withCredentials = true;
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(Math.round((100 * e.loaded) / e.total));
    });
    request.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch (e) { /* not JSON: a proxy's page, said as a generic error below */ }
      if (request.status >= 200 && request.status < 300 && body?.hash) resolve({ file: body });
      else if (body?.code) resolve({ error: body });
      else resolve({ error: request.status === 413 ? { code: 'upload-too-large' } : { message: `HTTP ${request.status}` } });
    });
    request.addEventListener('error', () => resolve({ error: {} })); // no answer at all: "something went wrong"
    request.send(file);
  });
}

/** A local video's length in whole seconds, read from its metadata (0 when the browser cannot tell). */
export function videoSeconds(file) {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    video.preload = 'metadata';
    video.muted = true;
    video.hidden = true;
    const url = URL.createObjectURL(file);
    const done = (seconds) => {
      URL.revokeObjectURL(url);
      video.remove();
      resolve(Number.isFinite(seconds) ? Math.min(14400, Math.round(seconds)) : 0);
    };
    video.addEventListener('loadedmetadata', () => done(video.duration));
    video.addEventListener('error', () => done(0));
    video.src = url;
    document.body.append(video);
  });
}
