package org.assemblyhub.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which sockets each person has open, so presence changes only on a person's first and last connection; and how many
 * sockets follow the assembly in all (which sets the pace of view updates, {@link ViewPace}).
 */
final class Connections {
    private final Map<String, String> personByConnection = new HashMap<>();
    private final Map<String, Integer> countByPerson = new HashMap<>();
    private final Set<String> anonymous = new HashSet<>();

    /** A public observer's socket: no presence, but it counts in the fan-out. */
    void openAnonymous(String connectionId) {
        if (connectionId != null) anonymous.add(connectionId);
    }

    /** Every socket following the assembly, people's and anonymous observers'. */
    int sockets() {
        return personByConnection.size() + anonymous.size();
    }

    /** Returns true when this is the person's first open connection. */
    boolean open(String connectionId, String personId) {
        if (connectionId == null || personByConnection.putIfAbsent(connectionId, personId) != null) return false;
        return countByPerson.merge(personId, 1, Integer::sum) == 1;
    }

    /** Returns the person whose connection closed, or null if it was unknown. */
    String close(String connectionId) {
        if (connectionId != null && anonymous.remove(connectionId)) return null;
        String personId = connectionId == null ? null : personByConnection.remove(connectionId);
        if (personId != null) countByPerson.computeIfPresent(personId, (p, n) -> n == 1 ? null : n - 1);
        return personId;
    }

    /** The open connections whose id starts with {@code prefix} (a node's, in a cluster). */
    Set<String> startingWith(String prefix) {
        Set<String> found = new HashSet<>();
        for (String id : personByConnection.keySet()) if (id.startsWith(prefix)) found.add(id);
        for (String id : anonymous) if (id.startsWith(prefix)) found.add(id);
        return found;
    }

    Set<String> people() {
        return Set.copyOf(countByPerson.keySet());
    }

    boolean isConnected(String personId) {
        return countByPerson.containsKey(personId);
    }
}
