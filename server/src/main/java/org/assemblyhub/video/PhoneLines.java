package org.assemblyhub.video;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.plug.Answers;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code phone-dial-in}: for the people who steer groups, the phone-only members of the groups that meet now and how
 * each joins their group's call — the numbers and the group's PIN, for the facilitator to read to them. A group's
 * PIN goes to that group's facilitators, the lead and organisers only: members and observers are refused, and a
 * facilitator learns only the groups they facilitate. With the built-in mesh there is no dial-in: the answer says so
 * ({@code provider: "mesh"}), and the screen says who is phone-only and that nobody can call in.
 */
final class PhoneLines {
    private final VideoAccess video;
    private final String assemblyId;
    private final Vertx vertx;

    PhoneLines(VideoAccess video, String assemblyId, Vertx vertx) {
        this.video = video;
        this.assemblyId = assemblyId;
        this.vertx = vertx;
    }

    Future<JsonObject> answer(Model model, Actor actor) {
        if (actor.personId() == null || actor.role() == Role.OBSERVER || actor.role() == Role.MEMBER) {
            return Future.succeededFuture(Answers.error(
                    "forbidden", "Only a group's facilitators, the lead and organisers see dial-in PINs."));
        }
        boolean desk = actor.role() == Role.ORGANISER
                || actor.personId().equals(model.agenda().lead());
        var seating = model.seating();
        List<Integer> groups = new ArrayList<>();
        if (seating.isOpen()) {
            for (int g : seating.meeting()) {
                boolean mine = seating.seatOf(actor.personId())
                        .map(s -> s.facilitates() && s.group() == g)
                        .orElse(false);
                if (desk || mine) groups.add(g);
            }
        }
        List<Future<JsonObject>> lines = new ArrayList<>();
        for (int g : groups) {
            List<String> phones = seating.members(g).stream()
                    .filter(model.roster().phoneOnly()::contains)
                    .sorted()
                    .toList();
            if (phones.isEmpty()) continue;
            JsonArray members = new JsonArray();
            phones.forEach(p -> members.add(
                    new JsonObject().put("id", p).put("name", model.roster().displayName(p))));
            JsonObject line = new JsonObject().put("group", g).put("members", members);
            VideoRoom room = video.room(assemblyId, seating.round(), g);
            lines.add(Future.fromCompletionStage(video.dialIn(room), vertx.getOrCreateContext())
                    .map(dialIn -> dialIn == null ? line : line.put("dialIn", dialIn))
                    .otherwise(line));
        }
        return Future.all(lines).map(all -> {
            JsonArray out = new JsonArray();
            lines.forEach(f -> out.add(f.result()));
            JsonObject result = new JsonObject()
                    .put("provider", video.provider())
                    .put("round", seating.round())
                    .put("groups", out);
            return Answers.ack(0, result);
        });
    }
}
