// What the hub knows of this person's learning (learning-mine: what they did, answered, voted for and asked), never
// part of a shared view: asked after every (re)connection, after each of the person's own learning actions, and when
// the questions' view changes. Kept in ctx.ui.learning with what the screens remember between draws.

/** Members and facilitators learn: they prepare, mark done, answer tasks, ask and vote. */
export function learns(me) {
  return Boolean(me?.personId) && (me.role === 'member' || me.role === 'facilitator');
}

/** The learning screens' memory: mine (the last answer of learning-mine, or null) and what panels keep. */
export function state(ctx) {
  return (ctx.ui.learning ||= {
    mine: null,
    asking: false,
    again: false,
    qaSeen: null,
    sentWatched: new Set(),
    feedback: {},
    pages: {},
    notes: {},
  });
}

export function isDone(ctx, itemId) {
  return Boolean(state(ctx).mine?.done?.includes(itemId));
}

export function hasVoted(ctx, questionId) {
  return Boolean(state(ctx).mine?.votes?.includes(questionId));
}

/**
 * Asks learning-mine again (one query at a time; a call while one runs asks once more after it). Sent straight on the
 * socket: a refusal (an older hub, a role change) leaves the screen as it was rather than showing an error.
 */
export function refreshMine(ctx) {
  const s = state(ctx);
  if (!learns(ctx.me) || !ctx.connection) return;
  if (s.asking) {
    s.again = true;
    return;
  }
  s.asking = true;
  // After the current task: on `personal` the socket first re-sends what it had pending, and this would go twice.
  Promise.resolve().then(() => ctx.connection.send('learning-mine', {})).then(
    (ack) => { s.mine = normalise(ack?.result); },
    () => {},
  ).finally(() => {
    s.asking = false;
    if (s.again) {
      s.again = false;
      refreshMine(ctx);
    }
    watchPending(ctx);
    ctx.redraw();
  });
}

function normalise(result) {
  return {
    done: result?.done ?? [],
    answers: result?.answers ?? {},
    votes: result?.votes ?? [],
    questions: result?.questions ?? [],
  };
}

/** Changes what is known of this person's learning before the hub says so (the answer to learning-mine follows). */
export function updateMine(ctx, change) {
  const s = state(ctx);
  s.mine = change(s.mine ?? normalise(null));
}

/**
 * What of the questions' view can change this person's own questions and votes: which questions are in the queue
 * and the archive (approved, merged, hidden after approval, answered) and their words (an edit) — not the vote counts,
 * which change all the time in a live Q&A and say nothing new about this person.
 */
function questionsShape(view) {
  const qa = view?.learning?.qa;
  if (!qa) return 'none';
  return JSON.stringify([(qa.queue ?? []).map((q) => [q.id, q.text, q.edited?.note]), (qa.archive ?? []).map((q) => q.id)]);
}

/** After every (re)connection: what this person did may have changed elsewhere (another device). */
export function onPersonal(ctx) {
  state(ctx).qaSeen = questionsShape(ctx.view);
  refreshMine(ctx);
}

/** Up to this long after a change everyone sees, so that a whole assembly does not ask in the same instant. */
const SPREAD_MS = 800;

/**
 * When the questions change (a question approved, merged, edited, answered), the person's own questions and votes
 * may have changed too.
 */
export function onView(ctx) {
  const s = state(ctx);
  if (!learns(ctx.me)) return;
  const shape = questionsShape(ctx.view);
  if (shape !== s.qaSeen) {
    s.qaSeen = shape;
    clearTimeout(s.soon);
    s.soon = setTimeout(() => refreshMine(ctx), Math.random() * SPREAD_MS);
  }
  watchPending(ctx);
}

/** A pending question can be hidden without any change members see: while one waits, learning-mine is asked this often. */
const PENDING_POLL_MS = 15_000;

function watchPending(ctx) {
  const s = state(ctx);
  const waiting = s.mine?.questions?.some((q) => q.status === 'pending');
  if (waiting && !s.poll) {
    s.poll = setInterval(() => refreshMine(ctx), PENDING_POLL_MS);
  } else if (!waiting && s.poll) {
    clearInterval(s.poll);
    s.poll = null;
  }
}
