package org.assemblyhub.recommendation;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.plug.Engine;
import org.assemblyhub.kernel.plug.Plugin;
import org.assemblyhub.recommendation.domain.BallotCommand;
import org.assemblyhub.recommendation.domain.BallotEvent;
import org.assemblyhub.recommendation.domain.Recommendations;

import java.util.List;

/**
 * What secret ballots need beside the journal: casts wait in a {@link CastPool} so that those decided together are
 * written in a random order, and the turnout is shown on a fixed grid of the wall clock ({@link TurnoutTicker}).
 */
final class BallotRuntime implements Plugin {
    private record Waiting(String key, Promise<JsonObject> answer) {}

    private final Engine engine;
    private final CastPool<Waiting> pool;
    private final TurnoutTicker turnout;

    BallotRuntime(Engine engine) {
        this.engine = engine;
        this.pool = new CastPool<>(
                engine.vertx(),
                (casts, waiting) -> engine.submitPool(
                        new BallotCommand.CastPooled(casts),
                        waiting.stream().map(Waiting::answer).toList(),
                        waiting.stream().map(Waiting::key).toList()));
        this.turnout = new TurnoutTicker(
                engine.vertx(), engine.clock(), () -> engine.submit(Actor.HUB, null, new BallotCommand.ShowTurnout()));
    }

    /** A member's cast joins the pool; a close lets the pool go first, so that casts made before it count. */
    @Override
    public boolean intercept(Actor actor, String key, DomainCommand command, Promise<JsonObject> answer) {
        if (command instanceof BallotCommand.CastBallot cast && actor.personId() != null) {
            pool.add(new BallotCommand.CastPooled.Cast(actor.personId(), cast), new Waiting(key, answer));
            return true;
        }
        if (command instanceof BallotCommand.CloseBallot) pool.release();
        return false;
    }

    @Override
    public void landed(List<DomainEvent> events) {
        if (events.stream().anyMatch(e -> e instanceof BallotEvent.BallotVoted)) turnout.changed();
    }

    /** After a restart, a vote whose turnout was not shown yet is shown at the next tick. */
    @Override
    public void started() {
        if (engine.model()
                .slice(RecommendationCapability.NAME, Recommendations.class)
                .ballots
                .turnoutToShow()) turnout.changed();
    }
}
