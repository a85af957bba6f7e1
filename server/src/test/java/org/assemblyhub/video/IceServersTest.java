package org.assemblyhub.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.TurnConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

class IceServersTest {
    static final List<String> URLS =
            List.of("stun:stun.example.org:3478", "turn:turn.example.org:3478", "turns:turn.example.org:5349");

    @Test
    void with_coturns_shared_secret_each_person_gets_credentials_of_their_own_that_expire_in_twelve_hours() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L - 12 * 3600), ZoneOffset.UTC);
        IceServers ice = new IceServers(URLS, new TurnConfig(null, null, "coturn-shared-secret-0123", true), clock);

        JsonArray servers = ice.forUser("u-test");

        assertThat(servers.getJsonObject(0))
                .isEqualTo(new JsonObject().put("urls", new JsonArray().add("stun:stun.example.org:3478")));
        JsonObject turn = servers.getJsonObject(1);
        assertThat(turn.getJsonArray("urls"))
                .containsExactly("turn:turn.example.org:3478", "turns:turn.example.org:5349");
        assertThat(turn.getString("username")).isEqualTo("1700000000:u-test");
        // printf '1700000000:u-test' | openssl dgst -sha1 -hmac 'coturn-shared-secret-0123' -binary | base64
        assertThat(turn.getString("credential")).isEqualTo("J9GW/4FPd5A8mBKzxsa9lpYGzFg=");
        assertThat(ice.transportPolicy()).isEqualTo("relay");
        assertThat(ice.forUser("u-other").getJsonObject(1).getString("credential"))
                .isNotEqualTo(turn.getString("credential"));
    }

    @Test
    void static_credentials_are_handed_out_as_configured_and_anonymous_visitors_get_stun_only() {
        IceServers ice = new IceServers(URLS, new TurnConfig("hub", "s3cret", null, false), Clock.systemUTC());

        JsonObject turn = ice.forUser("u-test").getJsonObject(1);
        assertThat(turn.getString("username")).isEqualTo("hub");
        assertThat(turn.getString("credential")).isEqualTo("s3cret");
        assertThat(ice.transportPolicy()).isEqualTo("all");
        assertThat(ice.forUser(null)).hasSize(1);
    }
}
