package org.assemblyhub.assembly.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.assembly.domain.Announcement;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Role;

import java.util.List;

/**
 * Projects the assembly state into each audience's view. This is the one place that decides who sees what
 * (DESIGN.md §7); the canary tests in VisibilityTest keep it honest.
 */
public final class AudienceViews {
    /** Screens show the latest announcements; the full record stays in the journal. */
    static final int ANNOUNCEMENTS_SHOWN = 50;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AudienceViews() {}

    public static ObjectNode project(AssemblyState state, Audience audience) {
        ObjectNode view = JSON.objectNode();
        ObjectNode assembly = view.putObject("assembly");
        assembly.put("id", state.id());
        assembly.put("title", state.title());
        assembly.put("question", state.question());
        assembly.put("public", state.isPublic());
        if (state.deliveryKeyFingerprint() != null)
            assembly.put("invitationsSealedFor", state.deliveryKeyFingerprint());
        view.put("phase", state.phase().wire());
        view.set("announcements", announcements(state.announcements()));
        switch (audience.kind()) {
            case FACILITATOR, LEAD -> view.set("presence", presence(state));
            case ORGANISER -> view.set("roster", roster(state));
            default -> {}
        }
        return view;
    }

    private static ObjectNode announcements(List<Announcement> all) {
        ObjectNode node = JSON.objectNode();
        int from = Math.max(0, all.size() - ANNOUNCEMENTS_SHOWN);
        for (int i = from; i < all.size(); i++) {
            Announcement a = all.get(i);
            node.putObject(a.id()).put("order", i + 1).put("text", a.text()).put("at", a.at().toString());
        }
        return node;
    }

    /** Facilitators see names and who is online, never contact details or attributes. */
    private static ObjectNode presence(AssemblyState state) {
        ObjectNode node = JSON.objectNode();
        for (Person p : state.people().values()) {
            if (p.role() == Role.OBSERVER) continue;
            ObjectNode entry = node.putObject(p.id())
                    .put("name", p.displayName())
                    .put("role", p.role().wire())
                    .put("online", state.present().contains(p.id()));
            if (state.phoneOnly().contains(p.id())) entry.put("phoneOnly", true);
        }
        return node;
    }

    private static ObjectNode roster(AssemblyState state) {
        ObjectNode node = JSON.objectNode();
        for (Person p : state.people().values()) {
            ObjectNode entry = node.putObject(p.id())
                    .put("name", p.displayName())
                    .put("role", p.role().wire())
                    .put("online", state.present().contains(p.id()))
                    .put("invited", state.hasActiveInvitation(p.id()));
            if (p.role() == Role.MEMBER)
                entry.put("phoneOnly", state.phoneOnly().contains(p.id()));
            if (state.erased().contains(p.id())) entry.put("erased", true);
            if (p.contact() != null) entry.put("contact", p.contact());
            ObjectNode attributes = entry.putObject("attributes");
            p.attributes().forEach(attributes::put);
        }
        return node;
    }
}
