package org.assemblyhub.config;

import java.nio.file.Path;

/**
 * Everything the hub reads at start-up, validated once by {@link ConfigLoader}.
 *
 * @param host            interface to listen on
 * @param port            HTTP port (the WebSocket gateway is on the same port, at /live)
 * @param dataDir         where the journal and the bootstrap-token hash live
 * @param publicUrl       how people reach the hub; invitation links start with it
 * @param bootstrapToken  organiser bootstrap token set by the operator, or null to generate one at first start
 * @param demo            create (once) and print the demo assembly
 * @param maxMessageBytes largest client message accepted (bigger ones get {@code message-too-large})
 * @param commandsPerSecond sustained command rate allowed per connection, with a burst of twice as many
 * @param secureCookies   mark the session cookie Secure (behind HTTPS)
 * @param video           video provider and its settings
 * @param limits          what one client address or one assembly may cost
 * @param learning        the largest learning material accepted, per kind of file
 * @param store           where the journals are kept (file in the data directory, or Redis)
 * @param cluster         whether and how this hub joins a cluster of hubs
 * @param watch           the observers' own WebSocket endpoint, if any
 * @param outreach        e-mail and text messages to members (SMTP server, SMS gateway), if any
 */
public record HubConfig(
        String host,
        int port,
        Path dataDir,
        String publicUrl,
        String bootstrapToken,
        boolean demo,
        int maxMessageBytes,
        int commandsPerSecond,
        boolean secureCookies,
        VideoConfig video,
        LimitsConfig limits,
        LearningConfig learning,
        StoreConfig store,
        ClusterConfig cluster,
        WatchConfig watch,
        OutreachConfig outreach) {
    public HubConfig(
            String host,
            int port,
            Path dataDir,
            String publicUrl,
            String bootstrapToken,
            boolean demo,
            int maxMessageBytes,
            int commandsPerSecond,
            boolean secureCookies,
            VideoConfig video,
            LimitsConfig limits,
            LearningConfig learning,
            StoreConfig store,
            ClusterConfig cluster,
            WatchConfig watch) {
        this(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                limits,
                learning,
                store,
                cluster,
                watch,
                OutreachConfig.NONE);
    }

    public HubConfig(
            String host,
            int port,
            Path dataDir,
            String publicUrl,
            String bootstrapToken,
            boolean demo,
            int maxMessageBytes,
            int commandsPerSecond,
            boolean secureCookies,
            VideoConfig video,
            LimitsConfig limits,
            LearningConfig learning,
            StoreConfig store,
            ClusterConfig cluster) {
        this(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                limits,
                learning,
                store,
                cluster,
                WatchConfig.NONE);
    }

    public HubConfig(
            String host,
            int port,
            Path dataDir,
            String publicUrl,
            String bootstrapToken,
            boolean demo,
            int maxMessageBytes,
            int commandsPerSecond,
            boolean secureCookies,
            VideoConfig video,
            LimitsConfig limits,
            LearningConfig learning,
            StoreConfig store) {
        this(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                limits,
                learning,
                store,
                ClusterConfig.NONE);
    }

    public HubConfig(
            String host,
            int port,
            Path dataDir,
            String publicUrl,
            String bootstrapToken,
            boolean demo,
            int maxMessageBytes,
            int commandsPerSecond,
            boolean secureCookies,
            VideoConfig video,
            LimitsConfig limits,
            LearningConfig learning) {
        this(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                limits,
                learning,
                StoreConfig.FILE,
                ClusterConfig.NONE);
    }

    /** This configuration with these learning settings (upload limits, where files are kept). */
    public HubConfig withLearning(LearningConfig learning) {
        return new HubConfig(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                limits,
                learning,
                store,
                cluster,
                watch,
                outreach);
    }

    /** This configuration with its journals kept as {@code store} says. */
    public HubConfig withStore(StoreConfig store) {
        return new HubConfig(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                limits,
                learning,
                store,
                cluster,
                watch,
                outreach);
    }

    public HubConfig(
            String host,
            int port,
            Path dataDir,
            String publicUrl,
            String bootstrapToken,
            boolean demo,
            int maxMessageBytes,
            int commandsPerSecond,
            boolean secureCookies,
            VideoConfig video,
            LimitsConfig limits) {
        this(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                limits,
                LearningConfig.DEFAULTS);
    }

    public HubConfig(
            String host,
            int port,
            Path dataDir,
            String publicUrl,
            String bootstrapToken,
            boolean demo,
            int maxMessageBytes,
            int commandsPerSecond,
            boolean secureCookies,
            VideoConfig video) {
        this(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                LimitsConfig.DEFAULTS);
    }

    public HubConfig(
            String host,
            int port,
            Path dataDir,
            String publicUrl,
            String bootstrapToken,
            boolean demo,
            int maxMessageBytes,
            int commandsPerSecond,
            boolean secureCookies) {
        this(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                VideoConfig.MESH);
    }

    /** This configuration with the observers' endpoint {@code watch}. */
    public HubConfig withOutreach(OutreachConfig outreach) {
        return new HubConfig(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                limits,
                learning,
                store,
                cluster,
                watch,
                outreach);
    }

    public HubConfig withWatch(WatchConfig watch) {
        return new HubConfig(
                host,
                port,
                dataDir,
                publicUrl,
                bootstrapToken,
                demo,
                maxMessageBytes,
                commandsPerSecond,
                secureCookies,
                video,
                limits,
                learning,
                store,
                cluster,
                watch,
                outreach);
    }
}
