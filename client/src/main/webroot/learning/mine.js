// What the hub knows of this person's learning (learning-mine: what they did, answered, voted for and asked), never
// part of a shared view: asked after every (re)connection, after each of the person's own learning actions, and when
// the questions' view changes. Kept in ctx.ui.learning with what the screens remember between draws.

/** Members and facilitators learn: they prepare, mark done, answer tasks, ask and vote. */
export function learns(me) {
  return Boolean(me?.personId) && (me.role === 'member' || me.role === 'facilitator');
}

/** Observers (invited or public) see the calendar, public materials and the archive of answers only. */
export function observes(me) {
  return !me?.personId || me.role === 'observer';
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

/** After every (re)connection: what this person did may have changed elsewhere (another device). */
export function onPersonal(ctx) {
  state(ctx).qaSeen = JSON.stringify(ctx.view?.learning?.qa ?? null);
  refreshMine(ctx);
}

/**
 * When the questions change (a question approved, merged, answered, votes), the person's own questions and votes may
 * have changed too.
 */
export function onView(ctx) {
  const s = state(ctx);
  if (!learns(ctx.me)) return;
  const qa = JSON.stringify(ctx.view?.learning?.qa ?? null);
  if (qa !== s.qaSeen) {
    s.qaSeen = qa;
    refreshMine(ctx);
  }
  watchPending(ctx);
}

/** A pending question can be hidden without any change members see: while one waits, ask every half minute. */
function watchPending(ctx) {
  const s = state(ctx);
  const waiting = s.mine?.questions?.some((q) => q.status === 'pending');
  if (waiting && !s.poll) {
    s.poll = setInterval(() => refreshMine(ctx), 30_000);
  } else if (!waiting && s.poll) {
    clearInterval(s.poll);
    s.poll = null;
  }
}
