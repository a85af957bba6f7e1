package org.assemblyhub.recommendation.domain;

import org.assemblyhub.recommendation.domain.DraftEvent.*;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fold of {@link DraftEvent}s: each draft with all its versions. */
public final class Drafts implements Serializable {
    public record Version(
            int version,
            String title,
            String text,
            Analysis analysis,
            int fromGroup,
            String note,
            String byPersonId,
            Instant at)
            implements Serializable {}

    public record Draft(String id, String fromIdeaId, List<Version> versions) implements Serializable {
        public Version latest() {
            return versions.get(versions.size() - 1);
        }

        public Optional<Version> version(int n) {
            return n >= 1 && n <= versions.size() ? Optional.of(versions.get(n - 1)) : Optional.empty();
        }
    }

    private final Map<String, Draft> drafts = new LinkedHashMap<>();

    public void evolve(DraftEvent event) {
        if (event instanceof DraftProposed e) {
            List<Version> versions = new ArrayList<>();
            versions.add(
                    new Version(1, e.title(), e.text(), e.analysis(), e.fromGroup(), null, e.byPersonId(), e.at()));
            drafts.put(e.draftId(), new Draft(e.draftId(), e.fromIdeaId(), versions));
        } else if (event instanceof DraftAmended e) {
            Draft d = drafts.get(e.draftId());
            if (d != null)
                d.versions()
                        .add(new Version(
                                e.version(),
                                e.title(),
                                e.text(),
                                e.analysis(),
                                e.fromGroup(),
                                e.note(),
                                e.byPersonId(),
                                e.at()));
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    public Optional<Draft> draft(String id) {
        return Optional.ofNullable(drafts.get(id));
    }

    public List<Draft> all() {
        return List.copyOf(drafts.values());
    }

    public int count() {
        return drafts.size();
    }
}
