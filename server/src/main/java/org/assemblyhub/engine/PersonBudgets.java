package org.assemblyhub.engine;

import org.assemblyhub.support.RateLimiter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each person's command budget in one assembly, across all their sockets: twenty tabs do not buy twenty times the
 * rate (nor twenty times the journal growth). Lives on the engine's context; the least recently active are forgotten
 * past a few thousand people.
 */
final class PersonBudgets {
    private static final int KEPT = 5_000;

    private final int perSecond;
    private final Map<String, RateLimiter> budgets = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > KEPT;
        }
    };

    PersonBudgets(int perSecond) {
        this.perSecond = perSecond;
    }

    boolean tryAcquire(String personId) {
        return budgets.computeIfAbsent(personId, p -> new RateLimiter(perSecond, System::nanoTime))
                .tryAcquire();
    }
}
