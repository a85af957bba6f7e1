package org.assemblyhub.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one node of a cluster that runs the outreach. Its outboxes and link secret live in its own data directory, so
 * two nodes given the outreach settings would each keep an outbox and send reminders twice: the first to claim the
 * seat (a Hazelcast map entry naming it) runs it; another that finds the seat held by a node still in the cluster
 * keeps its outreach off and says so. A node that left frees the seat for the next one to start with the settings.
 */
public final class OutreachSeat {
    static final String MAP = "assembly-hub.outreach";
    private static final String KEY = "outreach";

    private OutreachSeat() {}

    /** Blocking (Hazelcast): the node holding the seat after this node's claim — this node's id if it got it. */
    public static String claim(HazelcastInstance hazelcast) {
        IMap<String, String> seats = hazelcast.getMap(MAP);
        String me = hazelcast.getCluster().getLocalMember().getUuid().toString();
        Set<String> members = hazelcast.getCluster().getMembers().stream()
                .map(Member::getUuid)
                .map(Object::toString)
                .collect(Collectors.toSet());
        for (int attempt = 0; attempt < 10; attempt++) {
            String holder = seats.putIfAbsent(KEY, me);
            if (holder == null || holder.equals(me)) return me;
            if (members.contains(holder)) return holder;
            if (seats.replace(KEY, holder, me)) return me;
        }
        return seats.get(KEY);
    }

    /** The node's id in the cluster, as {@link #claim} names it. */
    public static String me(HazelcastInstance hazelcast) {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }
}
