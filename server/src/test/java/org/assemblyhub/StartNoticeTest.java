package org.assemblyhub;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.config.ConfigLoader;
import org.assemblyhub.config.HubConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class StartNoticeTest {
    @Test
    void a_single_hub_says_where_it_runs_and_that_its_journals_are_files() {
        HubConfig config = ConfigLoader.load(List.of("--port", "9000", "--data", "/tmp/hub"), Map.of());
        List<String> lines = StartNotice.lines(config, null);
        assertThat(lines.get(0)).contains("http://localhost:9000", "0.0.0.0:9000", "/tmp/hub");
        assertThat(lines).contains("journals in files in the data directory").hasSize(2);
    }

    @Test
    void a_cluster_node_names_its_cluster_members_and_redis_without_the_password_and_the_observers_endpoint() {
        HubConfig config = ConfigLoader.load(
                List.of(
                        "--cluster",
                        "--store",
                        "redis",
                        "--redis-url",
                        "redis://:s3cret-redis-pass@redis:6379",
                        "--cluster-host",
                        "hub1",
                        "--cluster-members",
                        "hub1:5701,hub2:5701",
                        "--observer-port",
                        "8081"),
                Map.of());
        String said = String.join("\n", StartNotice.lines(config, "ws://localhost:8081/watch"));
        assertThat(said)
                .contains("journals in Redis at redis://", "redis:6379")
                .contains("cluster 'assembly-hub': this node at hub1:5701, members hub1:5701, hub2:5701")
                .contains("ownership lease 12000 ms")
                .contains("anonymous observers connect to ws://localhost:8081/watch (port 8081)")
                .doesNotContain("s3cret-redis-pass");
    }
}
