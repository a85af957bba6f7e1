package org.assemblyhub.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an address names this computer only (127.0.0.0/8, ::1, localhost), read from the text alone: no name is
 * looked up, so a name that an attacker's DNS points at 127.0.0.1 is not loopback here.
 */
public final class Loopback {
    private static final Pattern IPV4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private Loopback() {}

    /** A bind address or a host name: {@code 127.0.0.1}, {@code ::1}, {@code [::1]}, {@code localhost}. */
    public static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost")
                || h.equals("localhost.")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1")
                || IPV4.matcher(h).matches();
    }

    /** An HTTP authority ({@code Host} header, or an origin's): its host part is loopback, whatever the port. */
    public static boolean isLoopbackAuthority(String authority) {
        if (authority == null || authority.isBlank() || authority.contains("@")) return false;
        String a = authority.strip();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            if (end < 0) return false;
            String rest = a.substring(end + 1);
            return (rest.isEmpty() || rest.matches(":\\d{1,5}")) && isLoopback(a.substring(0, end + 1));
        }
        int colon = a.indexOf(':');
        if (colon >= 0 && !a.substring(colon).matches(":\\d{1,5}")) return false;
        return isLoopback(colon < 0 ? a : a.substring(0, colon));
    }
}
