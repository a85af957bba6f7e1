package org.assemblyhub.kernel.plug;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one reader of wire command arguments, so that every command follows the same rules: texts are stripped and
 * bounded, numbers are whole and inside their range (a value out of range is refused, never wrapped — 2^32 + 1 is
 * not 1), flags are real booleans, lists are bounded. A problem is a {@link BadArgs} with a sentence for the sender.
 */
public final class WireArgs {
    public static final int MAX_ID = 64;
    /** Group numbers on the wire: far more than any assembly has, far less than what wraps. */
    public static final int MAX_GROUP = 1_000;
    /** Levels and scale values on the wire (the deciders check the real range). */
    public static final int MAX_LEVEL = 100;

    private final JsonObject args;

    public WireArgs(JsonObject args) {
        this.args = args == null ? new JsonObject() : args;
    }

    public boolean has(String key) {
        return args.getValue(key) != null;
    }

    /** Optional text, stripped; null when absent. */
    public String text(String key, int max) {
        return text(key, args.getValue(key), max);
    }

    public String requiredText(String key, int max) {
        String s = text(key, max);
        if (s == null || s.isEmpty()) throw new BadArgs("'" + key + "' is required.");
        return s;
    }

    /** An id chosen by the hub or the organisers: 1–64 characters, no spaces. */
    public String id(String key) {
        String s = requiredText(key, MAX_ID);
        if (!s.chars().allMatch(c -> c > 32 && c < 127)) throw new BadArgs("'" + key + "' is not a valid id.");
        return s;
    }

    public String optionalId(String key) {
        return has(key) ? id(key) : null;
    }

    public int integer(String key, int min, int max) {
        if (!has(key)) throw new BadArgs("'" + key + "' is required.");
        return integer(key, args.getValue(key), min, max);
    }

    public int integer(String key, int min, int max, int fallback) {
        return has(key) ? integer(key, min, max) : fallback;
    }

    public Integer optionalInteger(String key, int min, int max) {
        return has(key) ? integer(key, min, max) : null;
    }

    /** A flag: absent means {@code fallback}; anything but true or false is refused. */
    public boolean flag(String key, boolean fallback) {
        Object value = args.getValue(key);
        if (value == null) return fallback;
        if (!(value instanceof Boolean b)) throw new BadArgs("'" + key + "' must be true or false.");
        return b;
    }

    public List<String> texts(String key, int maxItems, int maxEach) {
        List<String> out = new ArrayList<>();
        for (Object o : list(key, maxItems)) out.add(text(key, o, maxEach));
        return out;
    }

    public List<Integer> integers(String key, int maxItems, int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (Object o : list(key, maxItems)) out.add(integer(key, o, min, max));
        return out;
    }

    /** A list of at most {@code maxItems} (absent: empty). */
    public JsonArray list(String key, int maxItems) {
        Object raw = args.getValue(key);
        if (raw == null) return new JsonArray();
        if (!(raw instanceof JsonArray list)) throw new BadArgs("'" + key + "' must be a list.");
        if (list.size() > maxItems) throw new BadArgs("'" + key + "' holds at most " + maxItems + " items.");
        return list;
    }

    /** A nested object read with the same rules, or null when absent. */
    public WireArgs object(String key) {
        Object raw = args.getValue(key);
        if (raw == null) return null;
        if (!(raw instanceof JsonObject o)) throw new BadArgs("'" + key + "' must be an object.");
        return new WireArgs(o);
    }

    /** One of a few words ({@code choices}: wire word → value); absent means {@code fallback}. */
    public <T> T oneOf(String key, Map<String, T> choices, T fallback) {
        String word = text(key, 40);
        if (word == null) return fallback;
        T value = choices.get(word.toLowerCase(Locale.ROOT));
        if (value == null)
            throw new BadArgs("'" + key + "' is one of " + String.join(", ", new TreeSet<>(choices.keySet())) + ".");
        return value;
    }

    /** A value parsed from text by {@code parse}; a parse failure is refused with {@code help}. */
    public <T> T parsed(String key, Function<String, T> parse, String help) {
        String s = text(key, 40);
        if (s == null) return null;
        try {
            return parse.apply(s);
        } catch (RuntimeException e) {
            throw new BadArgs(help);
        }
    }

    public JsonObject raw() {
        return args;
    }

    private static String text(String key, Object value, int max) {
        if (value == null) return null;
        if (!(value instanceof String s)) throw new BadArgs("'" + key + "' must be text.");
        if (s.length() > max) throw new BadArgs("'" + key + "' is longer than " + max + " characters.");
        return s.strip();
    }

    private static int integer(String key, Object value, int min, int max) {
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigInteger) {
            throw new BadArgs("'" + key + "' must be a whole number from " + min + " to " + max + ".");
        } else {
            // 1.5, 1e400 (infinite as a double), "3": not a whole number in JSON's sense, whatever it would round to.
            throw new BadArgs("'" + key + "' must be a whole number.");
        }
        if (v < min || v > max)
            throw new BadArgs("'" + key + "' must be a whole number from " + min + " to " + max + ".");
        return (int) v;
    }

    /** Arguments that cannot make a command; its message is shown to the sender as {@code invalid-args}. */
    public static final class BadArgs extends RuntimeException {
        public BadArgs(String message) {
            super(message, null, false, false);
        }
    }
}
