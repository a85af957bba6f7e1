package org.assemblyhub.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import org.assemblyhub.config.ClusterConfig;

/**
 * Hazelcast's configuration, built here rather than read from an XML file: a TCP/IP member list (a LAN, loopback) or
 * Kubernetes discovery through a headless Service; multicast never. The maps Vert.x keeps its event-bus
 * registrations in, and the ownership leases, have a backup on another member, so losing one node loses none of them.
 */
public final class HazelcastSetup {
    private HazelcastSetup() {}

    public static Config config(ClusterConfig cluster) {
        Config config = new Config();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // A member that stops answering (kill -9, a frozen process) is removed within seconds, not a minute.
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.logging.type", "jdk");
        var network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        network.setPublicAddress(cluster.host() + ":" + cluster.port());
        network.getInterfaces().setEnabled(true).addInterface(cluster.host());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (cluster.kubernetesService() != null) {
            network.setPublicAddress(null);
            network.getInterfaces().setEnabled(false);
            join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", cluster.kubernetesService());
        } else {
            join.getTcpIpConfig().setEnabled(true).addMember(cluster.host() + ":" + cluster.port());
            cluster.members().forEach(member -> join.getTcpIpConfig().addMember(member));
        }
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs")
                .setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig(Ownership.LEASES).setBackupCount(1));
        return config;
    }
}
