package org.assemblyhub.config;

import org.assemblyhub.outreach.domain.Contacts;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * How the hub reaches members outside the hub (docs/outreach.md): an SMTP server for e-mail, an HTTP gateway for text
 * messages, the language of members whose roster says none, the time zone dates are written in, and the first pause
 * before a failed message is tried again. Either channel may be missing ({@code null}): then nothing goes that way.
 * <pre>
 * setting              file key (in "outreach": {...})  env
 * SMTP host            mailHost            HUB_MAIL_HOST          (none: no e-mail)
 * SMTP port            mailPort            HUB_MAIL_PORT          (587)
 * STARTTLS             mailStartTls        HUB_MAIL_STARTTLS      required | optional | disabled (optional)
 * TLS from the start   mailSsl             HUB_MAIL_SSL           (false; true for port 465)
 * SMTP user            mailUsername        HUB_MAIL_USERNAME
 * SMTP password        mailPassword        HUB_MAIL_PASSWORD
 * sender               mailFrom            HUB_MAIL_FROM          (required with a host)
 * reply-to             mailReplyTo         HUB_MAIL_REPLY_TO
 * SMTP silence limit   mailTimeoutSeconds  HUB_MAIL_TIMEOUT_SECONDS (60: a server silent that long fails the try)
 * SMS gateway URL      smsUrl              HUB_SMS_URL            (none: no text messages)
 * SMS shared secret    smsSecret           HUB_SMS_SECRET         (required with a URL, 16+ characters)
 * default language     language            HUB_OUTREACH_LANGUAGE  fr | en (fr)
 * time zone            timeZone            HUB_OUTREACH_TIME_ZONE (UTC)
 * first retry after    retrySeconds        HUB_OUTREACH_RETRY_SECONDS (30; doubles up to 30 minutes)
 * bounce mailbox IMAP  bounceHost          HUB_BOUNCE_HOST        (none: later bounces are not read)
 *   its port           bouncePort          HUB_BOUNCE_PORT        (993; 143 without bounceSsl)
 *   TLS                bounceSsl           HUB_BOUNCE_SSL         (true)
 *   user, password     bounceUsername, bouncePassword  HUB_BOUNCE_USERNAME, HUB_BOUNCE_PASSWORD (required)
 *   folder             bounceFolder        HUB_BOUNCE_FOLDER      (INBOX)
 *   read every         bounceSeconds       HUB_BOUNCE_SECONDS     (60)
 * </pre>
 */
public record OutreachConfig(
        Mail mail, Sms sms, String language, ZoneId zone, Duration firstRetry, BounceMailbox bounces) {
    public static final OutreachConfig NONE =
            new OutreachConfig(null, null, "fr", ZoneId.of("UTC"), Duration.ofSeconds(30), null);

    public OutreachConfig(Mail mail, Sms sms, String language, ZoneId zone, Duration firstRetry) {
        this(mail, sms, language, zone, firstRetry, null);
    }

    /** Environment variable → key in the loader's settings. */
    static final Map<String, String> ENV_KEYS = Map.ofEntries(
            Map.entry("HUB_MAIL_HOST", "outreach.mailHost"),
            Map.entry("HUB_MAIL_PORT", "outreach.mailPort"),
            Map.entry("HUB_MAIL_STARTTLS", "outreach.mailStartTls"),
            Map.entry("HUB_MAIL_SSL", "outreach.mailSsl"),
            Map.entry("HUB_MAIL_USERNAME", "outreach.mailUsername"),
            Map.entry("HUB_MAIL_PASSWORD", "outreach.mailPassword"),
            Map.entry("HUB_MAIL_FROM", "outreach.mailFrom"),
            Map.entry("HUB_MAIL_REPLY_TO", "outreach.mailReplyTo"),
            Map.entry("HUB_MAIL_TIMEOUT_SECONDS", "outreach.mailTimeoutSeconds"),
            Map.entry("HUB_SMS_URL", "outreach.smsUrl"),
            Map.entry("HUB_SMS_SECRET", "outreach.smsSecret"),
            Map.entry("HUB_OUTREACH_LANGUAGE", "outreach.language"),
            Map.entry("HUB_OUTREACH_TIME_ZONE", "outreach.timeZone"),
            Map.entry("HUB_OUTREACH_RETRY_SECONDS", "outreach.retrySeconds"),
            Map.entry("HUB_BOUNCE_HOST", "outreach.bounceHost"),
            Map.entry("HUB_BOUNCE_PORT", "outreach.bouncePort"),
            Map.entry("HUB_BOUNCE_SSL", "outreach.bounceSsl"),
            Map.entry("HUB_BOUNCE_USERNAME", "outreach.bounceUsername"),
            Map.entry("HUB_BOUNCE_PASSWORD", "outreach.bouncePassword"),
            Map.entry("HUB_BOUNCE_FOLDER", "outreach.bounceFolder"),
            Map.entry("HUB_BOUNCE_SECONDS", "outreach.bounceSeconds"));

    public enum StartTls {
        REQUIRED,
        OPTIONAL,
        DISABLED
    }

    /**
     * {@code username} and {@code password} may be null (a relay that trusts the hub's address); {@code timeout}: how
     * long the server may stay silent before a try fails (and is tried again later) — a frozen server, or something
     * else listening on its port, must not hold the messages of an assembly for ever.
     */
    public record Mail(
            String host,
            int port,
            StartTls startTls,
            boolean ssl,
            String username,
            String password,
            String from,
            String replyTo,
            Duration timeout) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

        public Mail(
                String host,
                int port,
                StartTls startTls,
                boolean ssl,
                String username,
                String password,
                String from,
                String replyTo) {
            this(host, port, startTls, ssl, username, password, from, replyTo, DEFAULT_TIMEOUT);
        }

        public Mail withTimeout(Duration timeout) {
            return new Mail(host, port, startTls, ssl, username, password, from, replyTo, timeout);
        }
    }

    /** {@code secret} goes in the {@code X-Hub-Secret} header of every request to {@code url}. */
    public record Sms(URI url, String secret) {}

    /**
     * The IMAP mailbox where bounces arrive after the SMTP server took a message (delivery status notifications to
     * the sender's address): the hub reads the unread reports there and marks them read; other mail is left alone.
     */
    public record BounceMailbox(
            String host, int port, boolean ssl, String username, String password, String folder, Duration every) {}

    public boolean any() {
        return mail != null || sms != null;
    }

    public OutreachConfig withMail(Mail mail) {
        return new OutreachConfig(mail, sms, language, zone, firstRetry, bounces);
    }

    public OutreachConfig withSms(Sms sms) {
        return new OutreachConfig(mail, sms, language, zone, firstRetry, bounces);
    }

    public OutreachConfig withZone(ZoneId zone) {
        return new OutreachConfig(mail, sms, language, zone, firstRetry, bounces);
    }

    public OutreachConfig withFirstRetry(Duration firstRetry) {
        return new OutreachConfig(mail, sms, language, zone, firstRetry, bounces);
    }

    public OutreachConfig withBounces(BounceMailbox bounces) {
        return new OutreachConfig(mail, sms, language, zone, firstRetry, bounces);
    }

    static OutreachConfig from(Map<String, String> values) {
        String language = values.getOrDefault("outreach.language", "fr").trim().toLowerCase();
        if (!language.equals("fr") && !language.equals("en"))
            throw new ConfigException("outreach.language must be fr or en, got '" + language + "'");
        ZoneId zone;
        try {
            zone = ZoneId.of(values.getOrDefault("outreach.timeZone", "UTC").trim());
        } catch (DateTimeException e) {
            throw new ConfigException("outreach.timeZone must be a time zone such as Europe/Paris, got '"
                    + values.get("outreach.timeZone") + "'");
        }
        int retry = number(values, "outreach.retrySeconds", 30, 1, 3600);
        Mail mail = mail(values);
        BounceMailbox bounces = bounces(values);
        if (bounces != null && mail == null)
            throw new ConfigException("outreach.bounceHost needs outreach.mailHost: bounces come back to sent mail");
        return new OutreachConfig(mail, sms(values), language, zone, Duration.ofSeconds(retry), bounces);
    }

    private static BounceMailbox bounces(Map<String, String> values) {
        String host = blankToNull(values.get("outreach.bounceHost"));
        if (host == null) return null;
        boolean ssl = !values.containsKey("outreach.bounceSsl") || flag(values, "outreach.bounceSsl");
        int port = number(values, "outreach.bouncePort", ssl ? 993 : 143, 1, 65535);
        String username = blankToNull(values.get("outreach.bounceUsername"));
        String password = blankToNull(values.get("outreach.bouncePassword"));
        if (username == null || password == null)
            throw new ConfigException("outreach.bounceUsername and outreach.bouncePassword are needed to read bounces");
        String folder = values.getOrDefault("outreach.bounceFolder", "INBOX").trim();
        int every = number(values, "outreach.bounceSeconds", 60, 1, 86_400);
        return new BounceMailbox(
                host, port, ssl, username, password, folder.isEmpty() ? "INBOX" : folder, Duration.ofSeconds(every));
    }

    private static Mail mail(Map<String, String> values) {
        String host = values.get("outreach.mailHost");
        if (host == null || host.isBlank()) return null;
        boolean ssl = flag(values, "outreach.mailSsl");
        int port = number(values, "outreach.mailPort", ssl ? 465 : 587, 1, 65535);
        String tls =
                values.getOrDefault("outreach.mailStartTls", "optional").trim().toUpperCase();
        StartTls startTls;
        try {
            startTls = StartTls.valueOf(tls);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "outreach.mailStartTls must be required, optional or disabled, got '" + tls + "'");
        }
        String username = blankToNull(values.get("outreach.mailUsername"));
        String password = blankToNull(values.get("outreach.mailPassword"));
        if ((username == null) != (password == null))
            throw new ConfigException("outreach.mailUsername and outreach.mailPassword go together");
        String from = blankToNull(values.get("outreach.mailFrom"));
        if (from == null || !Contacts.isEmail(from))
            throw new ConfigException("outreach.mailFrom must be the sender's e-mail address, got '" + from + "'");
        String replyTo = blankToNull(values.get("outreach.mailReplyTo"));
        if (replyTo != null && !Contacts.isEmail(replyTo))
            throw new ConfigException("outreach.mailReplyTo must be an e-mail address, got '" + replyTo + "'");
        int timeout = number(values, "outreach.mailTimeoutSeconds", 60, 1, 3_600);
        return new Mail(
                host.trim(), port, startTls, ssl, username, password, from, replyTo, Duration.ofSeconds(timeout));
    }

    private static Sms sms(Map<String, String> values) {
        String url = blankToNull(values.get("outreach.smsUrl"));
        if (url == null) return null;
        if (!url.matches("https?://[^\\s/]+(/\\S*)?"))
            throw new ConfigException("outreach.smsUrl must be an http(s) URL, got '" + url + "'");
        String secret = blankToNull(values.get("outreach.smsSecret"));
        if (secret == null || secret.length() < 16)
            throw new ConfigException("outreach.smsSecret must be at least 16 characters (the gateway checks it)");
        return new Sms(URI.create(url), secret);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean flag(Map<String, String> values, String key) {
        String raw = values.getOrDefault(key, "false").trim().toLowerCase();
        if (raw.equals("true") || raw.equals("false")) return raw.equals("true");
        throw new ConfigException(key + " must be true or false, got '" + raw + "'");
    }

    private static int number(Map<String, String> values, String key, int fallback, int min, int max) {
        String raw = values.get(key);
        if (raw == null) return fallback;
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    key + " must be a whole number between " + min + " and " + max + ", got '" + raw + "'");
        }
    }
}
