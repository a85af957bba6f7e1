// A talk: the video with its captions and transcript, or a link when it is hosted elsewhere. Watching 90 % of the
// video marks it done: the time actually played (the video's played ranges), not a jump to the end.
import { html } from '../lib/html.js';
import { t, language } from '../i18n/i18n.js';
import { state, isDone, refreshMine, updateMine } from './mine.js';
import { fileUrl, hashOf } from './items.js';
import { renderedPage } from './pages.js';
import { dataSaver } from '../lib/data-saver.js';

const WATCHED_SHARE = 0.9;

/** Seconds of the video that were really played (overlapping plays count once). */
export function playedSeconds(video) {
  let total = 0;
  for (let i = 0; i < video.played.length; i++) total += video.played.end(i) - video.played.start(i);
  return total;
}

function checkWatched(ctx, item, video, learner) {
  const s = state(ctx);
  if (!learner || s.sentWatched.has(item.id) || isDone(ctx, item.id)) return;
  const duration = Number.isFinite(video.duration) && video.duration > 0 ? video.duration : item.durationSeconds;
  if (!duration || playedSeconds(video) < WATCHED_SHARE * duration) return;
  s.sentWatched.add(item.id); // once: an error is shown next to the video, and not again at every tick
  ctx.send('mark-done', { itemId: item.id, how: 'watched' }, { near: video }).then((ack) => {
    if (!ack) return;
    updateMine(ctx, (mine) => ({ ...mine, done: [...new Set([...mine.done, item.id])] }));
    refreshMine(ctx);
    ctx.redraw();
  });
}

function transcript(ctx, item) {
  const hash = hashOf(item.transcript);
  if (!hash) return '';
  const shown = state(ctx).notes;
  const key = `transcript/${item.id}`;
  return html`<details class="lm-transcript" data-testid="learn-transcript"
      @toggle=${(e) => { shown[key] = e.target.open; ctx.redraw(); }}>
    <summary>${t('learn.talk.transcript')}</summary>
    ${shown[key] ? renderedPage(ctx, hash, 'learn-transcript-text') : ''}
  </details>`;
}

/** learner: the person's watching counts (members, facilitators). */
export function talk(ctx, item, learner) {
  const video = hashOf(item.file);
  if (!video) {
    // A talk hosted elsewhere keeps its transcript here: for deaf members it may be the only text of it.
    return item.url ? html`<p><a href=${item.url} target="_blank" rel="noopener noreferrer" data-testid="learn-talk-link">
      ${t('learn.talk.open')}<span class="visually-hidden"> (${t('learn.newTab')})</span></a></p>${transcript(ctx, item)}` : '';
  }
  const captions = hashOf(item.captions);
  const onProgress = (e) => checkWatched(ctx, item, e.target, learner);
  return html`<div class="lm-player">
      <video controls preload=${dataSaver() ? 'none' : 'metadata'} playsinline src=${fileUrl(ctx, video)} data-testid="learn-video" data-item=${item.id}
        aria-label=${t('learn.talk.video', { title: item.title })} @timeupdate=${onProgress} @ended=${onProgress}>
        ${captions ? html`<track kind="captions" srclang=${item.language || language()} label=${t('learn.talk.captions')}
          src=${fileUrl(ctx, captions)} default>` : ''}
      </video>
    </div>
    ${captions ? '' : html`<p class="muted">${t('learn.talk.noCaptions')}</p>`}
    ${transcript(ctx, item)}`;
}
