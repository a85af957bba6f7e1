package org.assemblyhub.learning.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.learning.domain.Learning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learning section of each audience's view, kept while nothing it is made of moves: a vote in a ballot or a card
 * in a group must not rebuild the materials and the queue of fifty audiences. Kept nodes are shared by consecutive
 * views (the diff skips them); nobody may change them.
 */
public final class LearningViews {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What the section is made of: the learning state, the phase, the calendar, the stage, the seats, the roster. */
    private record Key(
            long learning,
            Phase phase,
            List<Agenda.Scheduled> schedule,
            Optional<PlannedSegment> current,
            long seats,
            int people) {}

    private final Map<Audience, Optional<ObjectNode>> byAudience = new HashMap<>();
    private Key key;

    public Optional<ObjectNode> of(Model model, Learning learning, Audience audience) {
        Agenda agenda = model.agenda();
        Key now = new Key(
                learning.version(),
                model.roster().phase(),
                agenda.schedule(),
                agenda.current(),
                model.seating().version(),
                model.roster().people().size());
        if (!now.equals(key)) {
            byAudience.clear();
            key = now;
        }
        return byAudience.computeIfAbsent(audience, a -> project(model, learning, now, a));
    }

    private static Optional<ObjectNode> project(Model model, Learning l, Key key, Audience audience) {
        boolean nothing = l.library.modules().isEmpty()
                && l.questions.all().isEmpty()
                && !l.questions.live()
                && key.schedule().isEmpty();
        Optional<ObjectNode> now = MaterialsView.now(key.current(), l.questions.live());
        if (nothing && now.isEmpty()) return Optional.empty();
        ObjectNode node = JSON.objectNode();
        node.set("modules", MaterialsView.modules(l.library, key.phase(), key.schedule(), audience));
        node.set("agenda", MaterialsView.agenda(l.library, key.schedule(), audience));
        now.ifPresent(n -> node.set("now", n));
        node.set(
                "qa",
                QuestionsView.project(
                        l.questions, model.roster(), model.seating().lastGroups(), audience));
        if (audience.kind() == Audience.Kind.FACILITATOR
                || audience.kind() == Audience.Kind.LEAD
                || audience.kind() == Audience.Kind.ORGANISER) {
            node.put("progressVersion", l.progress.version());
        }
        return Optional.of(node);
    }
}
