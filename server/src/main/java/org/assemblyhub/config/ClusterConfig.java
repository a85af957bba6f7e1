package org.assemblyhub.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How this hub joins a cluster of hubs ({@code --cluster}); {@link #NONE}: it runs alone.
 *
 * @param enabled           join a Vert.x cluster through Hazelcast
 * @param members           {@code host:port} of the other members for TCP/IP discovery (empty: only this one, or
 *                          Kubernetes discovery)
 * @param host              the address this node binds and announces to the others (Hazelcast and the event bus)
 * @param port              Hazelcast's port (5701)
 * @param name              the cluster's name: nodes with another name never join this cluster
 * @param kubernetesService the headless Service whose DNS names the members, instead of a member list
 * @param leaseMs           how long an assembly's ownership lease lasts without renewal; the owner renews it every
 *                          fifth of it and stops acknowledging at half of it when it could not
 */
public record ClusterConfig(
        boolean enabled,
        List<String> members,
        String host,
        int port,
        String name,
        String kubernetesService,
        long leaseMs) {
    public static final int DEFAULT_PORT = 5701;
    public static final String DEFAULT_NAME = "assembly-hub";
    public static final long DEFAULT_LEASE_MS = 12_000;

    public static final ClusterConfig NONE =
            new ClusterConfig(false, List.of(), "127.0.0.1", DEFAULT_PORT, DEFAULT_NAME, null, DEFAULT_LEASE_MS);

    public ClusterConfig {
        members = List.copyOf(members);
    }

    /**
     * How many members a node must see to renew or take ownership: a majority of the member list (this node
     * included), so that the two sides of a network split can never both own an assembly. With Kubernetes discovery
     * there is no list to count, and it is 1.
     */
    public int quorum() {
        if (kubernetesService != null) return 1;
        Set<String> all = new HashSet<>();
        all.add(host + ":" + port);
        for (String member : members) all.add(member.contains(":") ? member : member + ":" + DEFAULT_PORT);
        return all.size() / 2 + 1;
    }
}
