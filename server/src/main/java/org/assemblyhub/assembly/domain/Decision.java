package org.assemblyhub.assembly.domain;

import java.util.List;

/** The answer of {@link AssemblyDecider}: the facts to record, or the reason nothing happens. */
public sealed interface Decision {
    record Accepted(List<AssemblyEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {}

    static Decision accept(AssemblyEvent... events) {
        return new Accepted(List.of(events));
    }

    static Decision accept(List<AssemblyEvent> events) {
        return new Accepted(events);
    }

    static Decision reject(String code, String message) {
        return new Rejected(Rejection.of(code, message));
    }
}
