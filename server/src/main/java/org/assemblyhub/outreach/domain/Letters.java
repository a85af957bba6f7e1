package org.assemblyhub.outreach.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The messages' texts, in French and in English, from {@code outreach/letters.<language>.properties}: the wording
 * lives there, not in code. A text's {@code {name}}, {@code {assembly}}, {@code {link}}… are filled in here.
 */
public final class Letters {
    private final Map<String, Properties> texts;
    private final ZoneId zone;

    private Letters(Map<String, Properties> texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    /** The hub's texts; dates are written in {@code zone}. */
    public static Letters load(ZoneId zone) {
        return new Letters(Map.of("fr", read("fr"), "en", read("en")), zone);
    }

    private static Properties read(String language) {
        String name = "/outreach/letters." + language + ".properties";
        try (InputStream in = Letters.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Letter write(MessageKind kind, String language, Letter.Facts facts) {
        Properties p = texts.getOrDefault(language, texts.get("fr"));
        String link = facts.link() == null
                ? p.getProperty("link.printed")
                : fill(p.getProperty("link.yours"), Map.of("link", facts.link()));
        Map<String, String> values = Map.of(
                "name", facts.name(),
                "assembly", facts.assembly(),
                "page", facts.page(),
                "link", link,
                "session", facts.session() == null ? "" : facts.session().title(),
                "start", start(p, language, facts),
                "prepare", prepare(p, facts),
                "note",
                        facts.note() == null || facts.note().isBlank()
                                ? ""
                                : fill(
                                        p.getProperty("note"),
                                        Map.of("note", facts.note().strip())),
                "techCheck", facts.techCheck());
        String k = kind.wire();
        String stop = kind.isReminder() && facts.stop() != null
                ? "\n\n" + fill(p.getProperty("reminders.stop"), Map.of("stop", facts.stop()))
                : "";
        return new Letter(
                fill(p.getProperty(k + ".subject"), values),
                fill(p.getProperty(k + ".body"), values) + stop + "\n\n" + p.getProperty("signature") + "\n",
                fill(p.getProperty(k + ".sms"), values));
    }

    private String start(Properties p, String language, Letter.Facts facts) {
        if (facts.session() == null || facts.session().plannedStart() == null) return "";
        DateTimeFormatter format =
                DateTimeFormatter.ofPattern(p.getProperty("date.pattern"), Locale.forLanguageTag(language));
        return format.format(facts.session().plannedStart().atZone(zone));
    }

    private static String prepare(Properties p, Letter.Facts facts) {
        if (facts.prepare().isEmpty()) return p.getProperty("prepare.nothing");
        StringBuilder out = new StringBuilder(p.getProperty("prepare.intro"));
        for (Letter.Material m : facts.prepare()) {
            out.append("\n- ").append(m.title());
            if (m.speaker() != null && !m.speaker().isBlank())
                out.append(" (").append(m.speaker()).append(")");
            if (m.url() != null && !m.url().isBlank()) out.append("\n  ").append(m.url());
        }
        return out.toString();
    }

    private static String fill(String template, Map<String, String> values) {
        if (template == null) throw new IllegalStateException("a text is missing from the letters' files");
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) out = out.replace("{" + v.getKey() + "}", v.getValue());
        return out;
    }
}
