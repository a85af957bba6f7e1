package org.assemblyhub.learning.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.learning.domain.Item;
import org.assemblyhub.learning.domain.Learning;
import org.assemblyhub.learning.domain.Question;

import java.util.List;

/**
 * The learning phase in the open data: what members were taught (public items: titles, kinds, links, file hashes —
 * anyone can check a file they were given against its hash), how many items there were in all, and the archive of
 * answered questions. No person's name, progress or answer.
 */
public final class LearningOpenData {
    private LearningOpenData() {}

    public static void of(Learning learning, Phase phase, List<Agenda.Scheduled> schedule, ObjectNode openData) {
        if (learning.library.items().isEmpty() && learning.questions.all().isEmpty()) return;
        ObjectNode node = openData.putObject("learning");
        node.put("items", learning.library.items().size());
        ArrayNode materials = node.putArray("publicMaterials");
        for (Item item : learning.library.items()) {
            if (!learning.library.isPublic(item) || !learning.library.isOpen(item, phase, schedule)) continue;
            ObjectNode m = materials
                    .addObject()
                    .put("id", item.id())
                    .put(
                            "module",
                            learning.library
                                    .module(item.moduleId())
                                    .map(x -> x.title())
                                    .orElse(""))
                    .put("kind", item.kind().wire())
                    .put("title", item.title());
            if (item.speaker() != null) m.put("speaker", item.speaker());
            if (item.url() != null) m.put("url", item.url());
            if (item.file() != null) m.put("sha256", item.file());
        }
        node.put("questionsAsked", learning.questions.all().size());
        ArrayNode answered = node.putArray("answeredQuestions");
        for (Question q : learning.questions.withStatus(Question.Status.ANSWERED)) {
            ObjectNode a = answered.addObject()
                    .put("id", q.id())
                    .put("text", q.text())
                    .put("votes", learning.questions.votes(q.id()))
                    .put("answeredAt", q.answeredAt().toString());
            if (q.answer() != null) a.put("answer", q.answer());
        }
    }
}
