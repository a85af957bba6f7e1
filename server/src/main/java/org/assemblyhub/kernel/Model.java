package org.assemblyhub.kernel;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole assembly as the engine holds it: one state slice per capability (by its name) and the quota usage every
 * capability's writing counts against. Serializable as a whole (snapshots). Capabilities read each other only
 * through the ports the slices implement ({@link Roster}, {@link Agenda}, {@link Seating}), never by type.
 */
public final class Model implements Serializable {
    private final Map<String, Object> slices = new LinkedHashMap<>();
    private final TextUsage usage = new TextUsage();
    /** Caches of derived things (views) that live and die with this model; never saved. */
    private transient Map<String, Object> caches;

    public void add(String capability, Object slice) {
        if (slice != null && slices.putIfAbsent(capability, slice) != null) {
            throw new IllegalStateException("two capabilities named " + capability);
        }
    }

    public <T> T slice(String capability, Class<T> type) {
        return type.cast(slices.get(capability));
    }

    /** The slice that plays this port (the one capability that implements it). */
    public <P> P port(Class<P> port) {
        for (Object slice : slices.values()) if (port.isInstance(slice)) return port.cast(slice);
        throw new IllegalStateException("no capability provides " + port.getSimpleName());
    }

    public Roster roster() {
        return port(Roster.class);
    }

    public Agenda agenda() {
        return port(Agenda.class);
    }

    public Seating seating() {
        return port(Seating.class);
    }

    public TextUsage usage() {
        return usage;
    }

    @SuppressWarnings("unchecked")
    public <T> T cache(String key, Supplier<T> make) {
        if (caches == null) caches = new HashMap<>();
        return (T) caches.computeIfAbsent(key, k -> make.get());
    }
}
