package org.assemblyhub.engine;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The command keys found in the journal, with the seq of their last event: the most recent {@code capacity}, in the
 * order they first appeared — exactly what a replay puts in the {@link CommandLog}, so that a snapshot can restore it
 * and a command retried after a restart is still answered from the journal.
 */
final class KeyLog implements Serializable {
    private final int capacity;
    private final LinkedHashMap<String, Long> seqByKey = new LinkedHashMap<>();

    KeyLog(int capacity) {
        this.capacity = capacity;
    }

    void put(String key, long seq) {
        seqByKey.put(key, seq);
        if (seqByKey.size() > capacity) {
            var eldest = seqByKey.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** In the order the keys first appeared, as the command log must take them. */
    void forEach(BiConsumer<String, Long> each) {
        seqByKey.forEach(each);
    }

    Map<String, Long> asMap() {
        return Collections.unmodifiableMap(seqByKey);
    }
}
