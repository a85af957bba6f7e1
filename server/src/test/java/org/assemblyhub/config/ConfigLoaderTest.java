package org.assemblyhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assemblyhub.learning.library.FileKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class ConfigLoaderTest {
    @Test
    void defaults_need_nothing() {
        HubConfig config = ConfigLoader.load(List.of(), Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir().getFileName()).isEqualTo(Path.of("data"));
        assertThat(config.publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.maxMessageBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void the_demo_listens_on_127_0_0_1_unless_told_otherwise_and_a_hub_on_every_address() throws Exception {
        assertThat(ConfigLoader.load(List.of(), Map.of()).host()).isEqualTo("0.0.0.0");
        assertThat(ConfigLoader.load(List.of("--demo"), Map.of()).host()).isEqualTo("127.0.0.1");
        assertThat(ConfigLoader.load(List.of(), Map.of("HUB_DEMO", "true")).host())
                .isEqualTo("127.0.0.1");
        assertThat(ConfigLoader.load(List.of("--demo", "--host", "0.0.0.0"), Map.of())
                        .host())
                .isEqualTo("0.0.0.0");
        assertThat(ConfigLoader.load(List.of("--demo"), Map.of("HUB_HOST", "192.168.1.20"))
                        .host())
                .isEqualTo("192.168.1.20");
        Path file = Files.createTempFile("hub", ".json");
        Files.writeString(file, "{\"demo\": true, \"host\": \"0.0.0.0\"}");
        assertThat(ConfigLoader.load(List.of("--config", file.toString()), Map.of())
                        .host())
                .isEqualTo("0.0.0.0");
    }

    @Test
    void loopback_is_read_from_the_address_itself_never_from_a_name_lookup() {
        assertThat(List.of("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"))
                .allMatch(Loopback::isLoopback);
        assertThat(List.of("0.0.0.0", "::", "192.168.1.20", "127.0.0.1.evil.example", "localhost.evil.example", ""))
                .noneMatch(Loopback::isLoopback);
        assertThat(List.of("localhost:8080", "127.0.0.1:9000", "[::1]:8080", "localhost"))
                .allMatch(Loopback::isLoopbackAuthority);
        assertThat(List.of(
                        "evil.example:8080", "localhost:80@evil.example", "localhost:x", "[::1]x", "127.0.0.1.nip.io"))
                .noneMatch(Loopback::isLoopbackAuthority);
    }

    @Test
    void flags_win_over_environment_which_wins_over_the_file() throws Exception {
        Path file = Files.createTempFile("hub", ".json");
        Files.writeString(
                file,
                "{\"port\": 7000, \"data\": \"/tmp/from-file\", \"publicUrl\": \"https://assembly.example.org/\"}");

        HubConfig config = ConfigLoader.load(
                List.of("--config", file.toString(), "--port", "9000"),
                Map.of("PORT", "8500", "HUB_DATA", "/tmp/from-env"));

        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/from-env"));
        assertThat(config.publicUrl()).isEqualTo("https://assembly.example.org");
        assertThat(config.secureCookies()).isTrue();
    }

    @Test
    void a_port_that_is_not_a_number_is_explained() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("port")
                .hasMessageContaining("eighty");
    }

    @Test
    void an_unknown_flag_is_named() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--prot", "1"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--prot");
    }

    @Test
    void a_short_bootstrap_token_is_refused() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("HUB_BOOTSTRAP_TOKEN", "secret")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("24");
    }

    @Test
    void an_unknown_setting_in_the_file_is_named() throws Exception {
        Path file = Files.createTempFile("hub", ".json");
        Files.writeString(file, "{\"prot\": 1}");
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--config=" + file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("prot");
    }

    @Test
    void a_public_url_without_a_scheme_is_refused() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--public-url", "assembly.example.org"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("publicUrl");
    }

    @Test
    void video_defaults_to_the_built_in_mesh_and_jitsi_needs_its_domain_app_id_and_a_long_secret() {
        assertThat(ConfigLoader.load(List.of(), Map.of()).video().provider()).isEqualTo(VideoConfig.Provider.MESH);
        VideoConfig jitsi = ConfigLoader.load(
                        List.of(),
                        Map.of(
                                "HUB_VIDEO_PROVIDER",
                                "jitsi",
                                "HUB_JITSI_DOMAIN",
                                "meet.example.org",
                                "HUB_JITSI_APP_ID",
                                "hub",
                                "HUB_JITSI_SECRET",
                                "s".repeat(32),
                                "HUB_ICE_SERVERS",
                                "stun:stun.example.org:3478, turn:turn.example.org",
                                "HUB_TURN_SECRET",
                                "t".repeat(16)))
                .video();
        assertThat(jitsi.provider()).isEqualTo(VideoConfig.Provider.JITSI);
        assertThat(jitsi.iceServers()).containsExactly("stun:stun.example.org:3478", "turn:turn.example.org");

        assertThatThrownBy(() -> ConfigLoader.load(
                        List.of(),
                        Map.of(
                                "HUB_VIDEO_PROVIDER",
                                "jitsi",
                                "HUB_JITSI_DOMAIN",
                                "meet.example.org",
                                "HUB_JITSI_APP_ID",
                                "hub",
                                "HUB_JITSI_SECRET",
                                "short")))
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("HUB_VIDEO_PROVIDER", "zoom")))
                .hasMessageContaining("mesh, jitsi or none");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("HUB_ICE_SERVERS", "http://nope")))
                .hasMessageContaining("stun:/turn:");
    }

    @Test
    void turn_servers_need_credentials_and_relay_only_calls_need_a_turn_server() {
        VideoConfig secret = ConfigLoader.load(
                        List.of(),
                        Map.of(
                                "HUB_ICE_SERVERS",
                                "turns:turn.example.org:5349?transport=tcp",
                                "HUB_TURN_SECRET",
                                "coturn-static-auth-secret",
                                "HUB_RELAY_ONLY",
                                "true"))
                .video();
        assertThat(secret.turn().secret()).isEqualTo("coturn-static-auth-secret");
        assertThat(secret.turn().relayOnly()).isTrue();
        VideoConfig fixed = ConfigLoader.load(
                        List.of(),
                        Map.of(
                                "HUB_ICE_SERVERS",
                                "turn:turn.example.org",
                                "HUB_TURN_USERNAME",
                                "hub",
                                "HUB_TURN_CREDENTIAL",
                                "pw"))
                .video();
        assertThat(fixed.turn().username()).isEqualTo("hub");
        assertThat(fixed.turn().relayOnly()).isFalse();

        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("HUB_ICE_SERVERS", "turn:turn.example.org")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("need credentials");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("HUB_RELAY_ONLY", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("relayOnly needs at least one turn:");
        assertThatThrownBy(() -> ConfigLoader.load(
                        List.of(),
                        Map.of("HUB_ICE_SERVERS", "stun:stun.example.org", "HUB_TURN_SECRET", "t".repeat(16))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("names no turn:");
        assertThatThrownBy(() -> ConfigLoader.load(
                        List.of(), Map.of("HUB_ICE_SERVERS", "turn:t.example.org", "HUB_TURN_USERNAME", "hub")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("turnUsername and turnCredential go together");
        assertThatThrownBy(() -> ConfigLoader.load(
                        List.of(), Map.of("HUB_ICE_SERVERS", "turn:t.example.org", "HUB_TURN_SECRET", "short")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> ConfigLoader.load(
                        List.of(),
                        Map.of(
                                "HUB_ICE_SERVERS",
                                "turn:t.example.org",
                                "HUB_TURN_SECRET",
                                "t".repeat(16),
                                "HUB_TURN_USERNAME",
                                "hub",
                                "HUB_TURN_CREDENTIAL",
                                "pw")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("HUB_RELAY_ONLY", "maybe")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("relayOnly must be true or false");
    }

    @Test
    void upload_limits_default_to_512_32_1_and_1_mebibytes() {
        LearningConfig learning = ConfigLoader.load(List.of(), Map.of()).learning();
        assertThat(learning.limitOf(FileKind.VIDEO)).isEqualTo(512L * 1024 * 1024);
        assertThat(learning.limitOf(FileKind.PDF)).isEqualTo(32L * 1024 * 1024);
        assertThat(learning.limitOf(FileKind.MARKDOWN)).isEqualTo(1024L * 1024);
        assertThat(learning.limitOf(FileKind.CAPTIONS)).isEqualTo(1024L * 1024);
    }

    @Test
    void upload_limits_are_read_from_a_learning_object_in_the_file_and_from_the_environment() throws Exception {
        Path file = Files.createTempFile("hub", ".json");
        Files.writeString(file, "{\"learning\": {\"maxVideoBytes\": 1073741824, \"maxPdfBytes\": 1048576}}");

        LearningConfig learning = ConfigLoader.load(
                        List.of("--config", file.toString()), Map.of("HUB_LEARNING_MAX_PDF_BYTES", "2048"))
                .learning();

        assertThat(learning.maxVideoBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(learning.maxPdfBytes()).isEqualTo(2048);
        assertThat(learning.maxMarkdownBytes()).isEqualTo(1024L * 1024);
    }

    @Test
    void an_upload_limit_out_of_range_or_an_unknown_learning_key_is_explained() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("HUB_LEARNING_MAX_CAPTIONS_BYTES", "12")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("learning.maxCaptionsBytes")
                .hasMessageContaining("'12'");
        Path file = Files.createTempFile("hub", ".json");
        Files.writeString(file, "{\"learning\": {\"maxAudioBytes\": 4096}}");
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--config", file.toString()), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'learning.maxAudioBytes'");
    }

    @Test
    void the_file_journal_is_the_default_and_redis_is_chosen_by_flag_environment_or_file() throws Exception {
        assertThat(ConfigLoader.load(List.of(), Map.of()).store()).isEqualTo(StoreConfig.FILE);

        StoreConfig byFlag = ConfigLoader.load(
                        List.of("--store", "redis", "--redis-url", "redis://10.0.0.5:6380/2"), Map.of())
                .store();
        assertThat(byFlag.isRedis()).isTrue();
        assertThat(byFlag.redisUrl()).isEqualTo("redis://10.0.0.5:6380/2");
        assertThat(byFlag.acceptWeakerDurability()).isFalse();

        StoreConfig byEnv = ConfigLoader.load(
                        List.of(),
                        Map.of(
                                "HUB_STORE", "redis",
                                "HUB_REDIS_URL", "redis://redis:6379",
                                "HUB_ACCEPT_WEAKER_DURABILITY", "true"))
                .store();
        assertThat(byEnv.redisUrl()).isEqualTo("redis://redis:6379");
        assertThat(byEnv.acceptWeakerDurability()).isTrue();

        Path file = Files.createTempFile("hub", ".json");
        Files.writeString(file, "{\"store\": \"redis\", \"acceptWeakerDurability\": false}");
        StoreConfig byFile = ConfigLoader.load(
                        List.of("--config", file.toString(), "--accept-weaker-durability"), Map.of())
                .store();
        assertThat(byFile.redisUrl()).isEqualTo(StoreConfig.DEFAULT_REDIS_URL);
        assertThat(byFile.acceptWeakerDurability()).isTrue();
    }

    @Test
    void a_store_that_is_neither_file_nor_redis_is_explained() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--store", "postgres"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("store must be file or redis")
                .hasMessageContaining("postgres");
    }

    @Test
    void a_redis_url_that_is_not_one_is_explained_without_showing_its_password() {
        assertThatThrownBy(() -> ConfigLoader.load(
                        List.of("--store", "redis", "--redis-url", "http://:s3cret@redis:6379"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("redisUrl")
                .hasMessageNotContaining("s3cret");
        StoreConfig store = StoreConfig.redis("redis://:s3cret@redis:6379", false);
        assertThat(store.toString()).doesNotContain("s3cret").contains("redis:6379");
        assertThat(store.redisUrlForLogs()).isEqualTo("redis://***@redis:6379");
    }

    @Test
    void a_hub_runs_alone_unless_told_to_join_a_cluster_by_flag_environment_or_file() throws Exception {
        assertThat(ConfigLoader.load(List.of(), Map.of()).cluster()).isEqualTo(ClusterConfig.NONE);
        ClusterConfig byFlags = ConfigLoader.load(
                        List.of(
                                "--cluster",
                                "--cluster-members",
                                "10.0.0.2:5701, 10.0.0.3:5701",
                                "--cluster-host",
                                "10.0.0.1",
                                "--cluster-port",
                                "5702",
                                "--cluster-name",
                                "city"),
                        Map.of())
                .cluster();
        assertThat(byFlags.enabled()).isTrue();
        assertThat(byFlags.members()).containsExactly("10.0.0.2:5701", "10.0.0.3:5701");
        assertThat(byFlags.host()).isEqualTo("10.0.0.1");
        assertThat(byFlags.port()).isEqualTo(5702);
        assertThat(byFlags.name()).isEqualTo("city");
        assertThat(byFlags.leaseMs()).isEqualTo(ClusterConfig.DEFAULT_LEASE_MS);
        ClusterConfig byEnv = ConfigLoader.load(
                        List.of(),
                        Map.of(
                                "HUB_CLUSTER", "true",
                                "HUB_CLUSTER_KUBERNETES_SERVICE", "hub-headless.default.svc.cluster.local",
                                "HUB_CLUSTER_LEASE_MS", "4000"))
                .cluster();
        assertThat(byEnv.kubernetesService()).isEqualTo("hub-headless.default.svc.cluster.local");
        assertThat(byEnv.leaseMs()).isEqualTo(4000);
        Path file = Files.createTempFile("hub", ".json");
        Files.writeString(file, "{\"cluster\": true, \"clusterMembers\": \"hub-2:5701\", \"clusterName\": \"x\"}");
        ClusterConfig byFile = ConfigLoader.load(List.of("--config", file.toString()), Map.of())
                .cluster();
        assertThat(byFile.enabled()).isTrue();
        assertThat(byFile.members()).containsExactly("hub-2:5701");
        assertThat(byFile.name()).isEqualTo("x");
    }

    @Test
    void a_bad_cluster_setting_fails_the_start_naming_it() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--cluster-port", "70000"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusterPort");
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--cluster-members", "a b:1"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusterMembers");
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--cluster-lease-ms", "10"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusterLeaseMs");
    }

    @Test
    void a_node_needs_a_majority_of_the_member_list_itself_included() {
        ClusterConfig three = new ClusterConfig(
                true,
                List.of("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703"),
                "127.0.0.1",
                5701,
                "x",
                null,
                3000);
        assertThat(three.quorum()).isEqualTo(2);
        ClusterConfig alone = new ClusterConfig(true, List.of(), "127.0.0.1", 5701, "x", null, 3000);
        assertThat(alone.quorum()).isEqualTo(1);
        ClusterConfig five = new ClusterConfig(true, List.of("h2", "h3:5701", "h4", "h5"), "h1", 5701, "x", null, 3000);
        assertThat(five.quorum()).isEqualTo(3);
    }

    @Test
    void the_metrics_token_comes_from_the_environment_or_the_file_and_is_never_printed() throws Exception {
        String token = "a-metrics-token-of-thirty-two-chars";
        assertThat(ConfigLoader.load(List.of(), Map.of("HUB_METRICS_TOKEN", token))
                        .limits()
                        .metricsToken())
                .isEqualTo(token);
        Path file = Files.createTempFile("hub", ".json");
        Files.writeString(file, "{\"metricsToken\": \"" + token + "\"}");
        HubConfig config = ConfigLoader.load(List.of("--config", file.toString()), Map.of());
        assertThat(config.limits().metricsToken()).isEqualTo(token);
        assertThat(config.toString()).doesNotContain(token);
        assertThat(ConfigLoader.load(List.of(), Map.of()).limits().metricsToken())
                .isNull();
    }

    @Test
    void a_short_metrics_token_is_refused() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("HUB_METRICS_TOKEN", "short")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metricsToken");
    }

    @Test
    void observers_get_their_own_endpoint_only_when_a_port_is_given_and_its_url_follows_the_public_one() {
        assertThat(ConfigLoader.load(List.of(), Map.of()).watch().enabled()).isFalse();
        HubConfig config = ConfigLoader.load(
                List.of("--observer-port", "8081", "--public-url", "https://hub.example.org"), Map.of());
        assertThat(config.watch().enabled()).isTrue();
        assertThat(config.watch().browserUrl(config.publicUrl(), 8081)).isEqualTo("wss://hub.example.org:8081/watch");
        HubConfig proxied =
                ConfigLoader.load(List.of(), Map.of("HUB_OBSERVER_PORT", "8081", "HUB_OBSERVER_URL", "/watch"));
        assertThat(proxied.watch().browserUrl(proxied.publicUrl(), 8081)).isEqualTo("/watch");
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--observer-port", "8080"), Map.of()))
                .hasMessageContaining("observerPort must differ from port");
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--observer-url", "/watch"), Map.of()))
                .hasMessageContaining("observerUrl needs observerPort");
        assertThatThrownBy(() -> ConfigLoader.load(
                        List.of("--observer-port", "8081", "--observer-url", "javascript:alert(1)"), Map.of()))
                .hasMessageContaining("observerUrl must be");
    }
}
