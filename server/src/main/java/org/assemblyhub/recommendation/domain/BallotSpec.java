package org.assemblyhub.recommendation.domain;

import org.assemblyhub.kernel.agreement.AdoptionRule;

import java.io.Serializable;
import java.util.List;

/**
 * A final ballot: one or more drafts (each at the version put to the vote), each answered on the support scale
 * ({@link org.assemblyhub.poll.domain.PollKind#SUPPORT}), each read under the same adoption rule.
 */
public record BallotSpec(String title, List<Item> items, AdoptionRule rule) implements Serializable {
    public record Item(String draftId, int version, String title) implements Serializable {}

    public BallotSpec {
        items = List.copyOf(items);
    }
}
