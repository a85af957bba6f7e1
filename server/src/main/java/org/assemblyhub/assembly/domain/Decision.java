package org.assemblyhub.assembly.domain;

import java.util.List;

/** The answer of {@link AssemblyDecider}: the facts to record, or the reason nothing happens. */
public sealed interface Decision {
    record Accepted(List<DomainEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {}

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
