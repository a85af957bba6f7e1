package org.assemblyhub.outreach.domain;

import java.util.Locale;
import java.util.Map;

/**
 * What a roster's {@code contact} is, for the outreach: an e-mail address, a telephone number for text messages, or
 * neither. Duplicates are found on a normal form (an address in lower case, a number's digits).
 */
public final class Contacts {
    private static final String EMAIL = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+";

    private Contacts() {}

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && s.matches(EMAIL);
    }

    /** International or national: an optional '+', then 6 to 15 digits, spaces, dots, dashes and brackets allowed. */
    public static boolean isPhone(String s) {
        return s != null
                && s.matches("\\+?[0-9 ().-]{6,24}")
                && digits(s).length() >= 6
                && digits(s).length() <= 15;
    }

    /** The channel for this contact, or null when it is none of the two. */
    public static Channel channel(String contact) {
        if (contact == null || contact.isBlank()) return null;
        String c = contact.strip();
        if (isEmail(c)) return Channel.EMAIL;
        if (isPhone(c)) return Channel.SMS;
        return null;
    }

    /** The form two contacts are compared in: a number's digits (with its '+'), an address in lower case. */
    public static String normal(String contact) {
        String c = contact.strip();
        if (isEmail(c)) return c.toLowerCase(Locale.ROOT);
        return (c.startsWith("+") ? "+" : "") + digits(c);
    }

    /** The person's language from the roster's {@code language} (or {@code langue}) column, else {@code fallback}. */
    public static String language(Map<String, String> attributes, String fallback) {
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String key = a.getKey().strip().toLowerCase(Locale.ROOT);
            if (!key.equals("language") && !key.equals("langue")) continue;
            String value = a.getValue() == null ? "" : a.getValue().strip().toLowerCase(Locale.ROOT);
            if (value.startsWith("fr")) return "fr";
            if (value.startsWith("en") || value.startsWith("an")) return "en";
        }
        return fallback;
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }
}
