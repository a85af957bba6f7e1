package org.assemblyhub.kernel;

import java.util.List;
import java.util.Map;

/** A decider's answer: the facts to record, the reason nothing happens, or (for a question) the answer. */
public sealed interface Verdict {
    record Accepted(List<DomainEvent> events) implements Verdict {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Verdict {}

    /** A question answered from the state: nothing is recorded. */
    record Answered(Map<String, Object> result) implements Verdict {}

    static Verdict accept(DomainEvent... events) {
        return new Accepted(List.of(events));
    }

    static Verdict accept(List<? extends DomainEvent> events) {
        return new Accepted(List.copyOf(events));
    }

    static Verdict reject(String code, String message) {
        return new Rejected(Rejection.of(code, message));
    }

    /** The refusal of every change once the assembly is closed. */
    static Verdict assemblyClosed() {
        return reject("assembly-closed", "The assembly is closed: nothing can change any more.");
    }
}
