package org.assemblyhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The outreach's settings, from the environment or the config file's "outreach" block, each checked at start. */
class OutreachConfigTest {
    @Test
    void without_settings_the_hub_writes_to_nobody() {
        OutreachConfig outreach = ConfigLoader.load(List.of(), Map.of()).outreach();

        assertThat(outreach.any()).isFalse();
        assertThat(outreach.language()).isEqualTo("fr");
        assertThat(outreach.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void smtp_and_the_sms_gateway_come_from_the_environment() {
        OutreachConfig outreach = ConfigLoader.load(
                        List.of(),
                        Map.of(
                                "HUB_MAIL_HOST", "smtp.example.org",
                                "HUB_MAIL_STARTTLS", "required",
                                "HUB_MAIL_USERNAME", "hub",
                                "HUB_MAIL_PASSWORD", "secret",
                                "HUB_MAIL_FROM", "assembly@example.org",
                                "HUB_MAIL_REPLY_TO", "team@example.org",
                                "HUB_SMS_URL", "https://sms.example.org/send",
                                "HUB_SMS_SECRET", "0123456789abcdef",
                                "HUB_OUTREACH_LANGUAGE", "en",
                                "HUB_OUTREACH_TIME_ZONE", "Europe/Paris"))
                .outreach();

        assertThat(outreach.mail())
                .isEqualTo(new OutreachConfig.Mail(
                        "smtp.example.org",
                        587,
                        OutreachConfig.StartTls.REQUIRED,
                        false,
                        "hub",
                        "secret",
                        "assembly@example.org",
                        "team@example.org"));
        assertThat(outreach.sms().url().toString()).isEqualTo("https://sms.example.org/send");
        assertThat(outreach.language()).isEqualTo("en");
        assertThat(outreach.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(outreach.firstRetry()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void the_bounce_mailbox_needs_a_mail_server_and_its_login_and_reads_every_minute_over_tls_by_default() {
        Map<String, String> env = new HashMap<>(Map.of(
                "HUB_MAIL_HOST", "smtp.example.org",
                "HUB_MAIL_FROM", "assembly@example.org",
                "HUB_BOUNCE_HOST", "imap.example.org",
                "HUB_BOUNCE_USERNAME", "assembly@example.org",
                "HUB_BOUNCE_PASSWORD", "secret"));
        OutreachConfig.BounceMailbox bounces =
                ConfigLoader.load(List.of(), env).outreach().bounces();
        assertThat(bounces)
                .isEqualTo(new OutreachConfig.BounceMailbox(
                        "imap.example.org",
                        993,
                        true,
                        "assembly@example.org",
                        "secret",
                        "INBOX",
                        Duration.ofSeconds(60)));

        env.remove("HUB_BOUNCE_PASSWORD");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("outreach.bouncePassword");
        env.put("HUB_BOUNCE_PASSWORD", "secret");
        env.remove("HUB_MAIL_HOST");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("outreach.mailHost");
    }

    @Test
    void the_config_file_takes_an_outreach_block() throws Exception {
        Path file = Files.createTempFile("hub", ".json");
        Files.writeString(
                file,
                """
                {"outreach": {"mailHost": "127.0.0.1", "mailPort": 2525, "mailFrom": "a@example.org",
                              "mailStartTls": "disabled", "retrySeconds": 5}}
                """);

        OutreachConfig outreach = ConfigLoader.load(List.of("--config", file.toString()), Map.of())
                .outreach();

        assertThat(outreach.mail().port()).isEqualTo(2525);
        assertThat(outreach.mail().startTls()).isEqualTo(OutreachConfig.StartTls.DISABLED);
        assertThat(outreach.firstRetry()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void each_bad_value_stops_the_start_naming_its_setting() {
        assertThatThrownBy(() -> load("HUB_MAIL_HOST", "smtp.example.org"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("outreach.mailFrom");
        assertThatThrownBy(() -> load("HUB_MAIL_HOST", "h", "HUB_MAIL_FROM", "a@example.org", "HUB_MAIL_PORT", "0"))
                .hasMessageContaining("outreach.mailPort");
        assertThatThrownBy(() -> load("HUB_MAIL_HOST", "h", "HUB_MAIL_FROM", "a@example.org", "HUB_MAIL_USERNAME", "u"))
                .hasMessageContaining("outreach.mailPassword");
        assertThatThrownBy(() -> load("HUB_MAIL_HOST", "h", "HUB_MAIL_FROM", "a@example.org", "HUB_MAIL_STARTTLS", "x"))
                .hasMessageContaining("outreach.mailStartTls");
        assertThatThrownBy(() -> load("HUB_SMS_URL", "ftp://x", "HUB_SMS_SECRET", "0123456789abcdef"))
                .hasMessageContaining("outreach.smsUrl");
        assertThatThrownBy(() -> load("HUB_SMS_URL", "https://x.example", "HUB_SMS_SECRET", "short"))
                .hasMessageContaining("outreach.smsSecret");
        assertThatThrownBy(() -> load("HUB_OUTREACH_LANGUAGE", "de")).hasMessageContaining("outreach.language");
        assertThatThrownBy(() -> load("HUB_OUTREACH_TIME_ZONE", "Mars/Olympus")).hasMessageContaining("timeZone");
    }

    private static HubConfig load(String... env) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < env.length; i += 2) map.put(env[i], env[i + 1]);
        return ConfigLoader.load(List.of(), map);
    }
}
