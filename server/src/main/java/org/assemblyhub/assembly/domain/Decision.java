package org.assemblyhub.assembly.domain;

import java.util.List;

/** A decider's answer: the facts to record, the reason nothing happens, or (for a question) the answer. */
public sealed interface Decision {
    record Accepted(List<DomainEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {}

    /** A question answered from the state: nothing is recorded. */
    record Answered(java.util.Map<String, Object> result) implements Decision {}

    static Decision accept(DomainEvent... events) {
        return new Accepted(List.of(events));
    }

    static Decision accept(List<? extends DomainEvent> events) {
        return new Accepted(List.copyOf(events));
    }

    static Decision reject(String code, String message) {
        return new Rejected(Rejection.of(code, message));
    }
}
