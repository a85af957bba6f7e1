package org.assemblyhub.config;

/**
 * What one client or one assembly may cost the hub.
 *
 * @param socketsPerAddress     open WebSockets per client address (a family, a library, a town hall behind one address)
 * @param httpPerSecond         HTTP API requests per second per client address, with bursts of three times as many
 * @param trustProxy            take the client's address from {@code X-Real-IP} (only behind a reverse proxy that sets
 *                              it, overwriting what clients send; otherwise anyone could claim any address)
 * @param assemblyTextBytes     journal growth allowed per assembly from participants' text (notes, cards, answers…)
 * @param personTextBytes       the same, per person, so one person cannot use up an assembly's allowance
 * @param maxSilenceMs          a socket that sends nothing (clients ping every 25 s) for this long is closed with 4408
 * @param metricsToken          bearer token that opens {@code /metrics} to scrapers other than a local one without a
 *                              proxy (null: local scrapers only)
 */
public record LimitsConfig(
        int socketsPerAddress,
        int httpPerSecond,
        boolean trustProxy,
        long assemblyTextBytes,
        long personTextBytes,
        long maxSilenceMs,
        String metricsToken) {
    public LimitsConfig {
        metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
        if (metricsToken != null && metricsToken.length() < 24) {
            throw new ConfigException("metricsToken must be at least 24 characters long (it opens /metrics)");
        }
    }

    public LimitsConfig(
            int socketsPerAddress,
            int httpPerSecond,
            boolean trustProxy,
            long assemblyTextBytes,
            long personTextBytes,
            long maxSilenceMs) {
        this(socketsPerAddress, httpPerSecond, trustProxy, assemblyTextBytes, personTextBytes, maxSilenceMs, null);
    }

    /** The same limits with {@code token} opening /metrics. */
    public LimitsConfig withMetricsToken(String token) {
        return new LimitsConfig(
                socketsPerAddress, httpPerSecond, trustProxy, assemblyTextBytes, personTextBytes, maxSilenceMs, token);
    }

    /** Without the token: a configuration printed or logged must not open /metrics to whoever reads it. */
    @Override
    public String toString() {
        return "LimitsConfig[socketsPerAddress=" + socketsPerAddress + ", httpPerSecond=" + httpPerSecond
                + ", trustProxy=" + trustProxy + ", assemblyTextBytes=" + assemblyTextBytes + ", personTextBytes="
                + personTextBytes + ", maxSilenceMs=" + maxSilenceMs + ", metricsToken="
                + (metricsToken == null ? "none" : "set") + "]";
    }

    public LimitsConfig(
            int socketsPerAddress,
            int httpPerSecond,
            boolean trustProxy,
            long assemblyTextBytes,
            long personTextBytes) {
        this(socketsPerAddress, httpPerSecond, trustProxy, assemblyTextBytes, personTextBytes, 60_000);
    }

    /**
     * A note-taker saving a group's notes (up to 20 KB) every half minute through sixteen 90-minute sessions writes
     * about 15 MB; a hostile one at the command rate limit writes 200 KB a second. 32 MB a person and 1 GiB an
     * assembly leave the first untouched and stop the second within minutes.
     */
    public static final LimitsConfig DEFAULTS =
            new LimitsConfig(200, 20, false, 1024L * 1024 * 1024, 32L * 1024 * 1024);
}
