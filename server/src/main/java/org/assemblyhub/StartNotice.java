package org.assemblyhub;

import org.assemblyhub.config.ClusterConfig;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.config.StoreConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * What the hub says once it runs: where people reach it, where it keeps the journals (a Redis URL without its
 * password), whether it is a node of a cluster and of which, and where anonymous observers connect. An operator
 * starting three nodes reads here that each joined the cluster it was meant to, on the shared journal.
 */
final class StartNotice {
    private StartNotice() {}

    /** {@code watchUrl}: the observers' endpoint pages open, or null when the hub has none. */
    static List<String> lines(HubConfig config, String watchUrl) {
        List<String> lines = new ArrayList<>();
        lines.add("assembly-hub is running on " + config.publicUrl() + " (listening on " + config.host() + ":"
                + config.port() + ", data in " + config.dataDir() + ")");
        StoreConfig store = config.store();
        lines.add(
                store.isRedis()
                        ? "journals in Redis at " + store.redisUrlForLogs()
                                + (store.acceptWeakerDurability() ? " (weaker durability accepted)" : "")
                        : "journals in files in the data directory");
        ClusterConfig cluster = config.cluster();
        if (cluster.enabled()) {
            String discovery = cluster.kubernetesService() != null
                    ? "Kubernetes service " + cluster.kubernetesService()
                    : cluster.members().isEmpty()
                            ? "no other member listed"
                            : "members " + String.join(", ", cluster.members());
            lines.add("cluster '" + cluster.name() + "': this node at " + cluster.host() + ":" + cluster.port() + ", "
                    + discovery + "; ownership lease " + cluster.leaseMs() + " ms");
        }
        if (watchUrl != null)
            lines.add("anonymous observers connect to " + watchUrl + " (port "
                    + config.watch().port() + ")");
        return lines;
    }
}
