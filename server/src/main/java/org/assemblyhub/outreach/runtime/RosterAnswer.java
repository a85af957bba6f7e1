package org.assemblyhub.outreach.runtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.outreach.domain.Letter;
import org.assemblyhub.outreach.domain.Member;
import org.assemblyhub.outreach.domain.ReminderPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code outreach-roster} answer, read into the outreach's domain. */
record RosterAnswer(
        String title,
        boolean sealed,
        Map<String, Member> people,
        Map<String, ReminderPlan.Session> sessions,
        Map<String, List<Letter.Material>> prepare) {

    static RosterAnswer of(JsonObject result) {
        Map<String, Member> people = new LinkedHashMap<>();
        for (Object o : result.getJsonArray("people", new JsonArray())) {
            JsonObject p = (JsonObject) o;
            Map<String, String> attributes = new LinkedHashMap<>();
            p.getJsonObject("attributes", new JsonObject())
                    .forEach(a -> attributes.put(a.getKey(), String.valueOf(a.getValue())));
            people.put(
                    p.getString("id"),
                    new Member(
                            p.getString("id"),
                            p.getString("name"),
                            p.getString("role"),
                            p.getString("contact"),
                            attributes,
                            p.getBoolean("invited", false),
                            p.getString("linkNonce"),
                            p.getBoolean("erased", false)));
        }
        Map<String, ReminderPlan.Session> sessions = new LinkedHashMap<>();
        Map<String, List<Letter.Material>> prepare = new LinkedHashMap<>();
        for (Object o : result.getJsonArray("sessions", new JsonArray())) {
            JsonObject s = (JsonObject) o;
            String start = s.getString("start");
            sessions.put(
                    s.getString("id"),
                    new ReminderPlan.Session(
                            s.getString("id"),
                            s.getString("title"),
                            start == null ? null : Instant.parse(start),
                            s.getBoolean("held", false),
                            s.getBoolean("running", false)));
            List<Letter.Material> materials = new ArrayList<>();
            for (Object m : s.getJsonArray("prepare", new JsonArray())) {
                JsonObject item = (JsonObject) m;
                materials.add(
                        new Letter.Material(item.getString("title"), item.getString("speaker"), item.getString("url")));
            }
            prepare.put(s.getString("id"), materials);
        }
        return new RosterAnswer(
                result.getString("title"), result.getBoolean("sealed", false), people, sessions, prepare);
    }

    Set<String> erased() {
        Set<String> erased = new HashSet<>();
        people.values().forEach(m -> {
            if (m.erased()) erased.add(m.id());
        });
        return erased;
    }

    List<Member> members() {
        return List.copyOf(people.values());
    }
}
