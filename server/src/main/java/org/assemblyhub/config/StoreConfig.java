package org.assemblyhub.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the journals are kept. {@code file} (the default): one file per assembly in the data directory, fsync'd, for
 * a single node. {@code redis}: one stream per assembly in the Redis at {@code redisUrl}, shared by the nodes of a
 * cluster; the hub refuses to start unless that Redis persists every acknowledged write ({@code appendonly yes},
 * {@code appendfsync always}), or {@code acceptWeakerDurability} says the operator knowingly accepts less.
 *
 * @param kind                   file or redis
 * @param redisUrl               {@code redis://[[user]:password@]host[:port][/db]} ({@code rediss://} with TLS)
 * @param acceptWeakerDurability start against a Redis that may lose acknowledged writes in a crash (logged loudly)
 */
public record StoreConfig(Kind kind, String redisUrl, boolean acceptWeakerDurability) {
    public enum Kind {
        FILE,
        REDIS
    }

    public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
    public static final StoreConfig FILE = new StoreConfig(Kind.FILE, null, false);

    public StoreConfig {
        if (kind == null) throw new ConfigException("store must be file or redis");
        if (kind == Kind.REDIS) {
            if (redisUrl == null || redisUrl.isBlank()) redisUrl = DEFAULT_REDIS_URL;
            redisUrl = redisUrl.strip();
            if (!validRedisUrl(redisUrl)) {
                throw new ConfigException("redisUrl must look like redis://host:port (or rediss:// for TLS), got '"
                        + redacted(redisUrl) + "'");
            }
        }
    }

    public static StoreConfig redis(String url, boolean acceptWeakerDurability) {
        return new StoreConfig(Kind.REDIS, url, acceptWeakerDurability);
    }

    public boolean isRedis() {
        return kind == Kind.REDIS;
    }

    /** The URL without its password, for logs and messages. */
    public String redisUrlForLogs() {
        return redisUrl == null ? null : redacted(redisUrl);
    }

    @Override
    public String toString() {
        return "StoreConfig[" + kind.name().toLowerCase() + (isRedis() ? " " + redisUrlForLogs() : "")
                + (acceptWeakerDurability ? ", weaker durability accepted" : "") + "]";
    }

    private static boolean validRedisUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String redacted(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
