package org.assemblyhub.support;

import java.text.Normalizer;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Ids made from a title for URLs, file names and Redis keys: its words in ASCII, and a short random suffix. */
public final class Slugs {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private Slugs() {}

    /**
     * {@code "Assemblée du Climat"} → {@code "assemblee-du-climat-k3v9qa"}; {@code fallback} for a title of no letter.
     */
    public static String of(String title, String fallback, RandomGenerator random) {
        String slug = Normalizer.normalize(title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) slug = slug.substring(0, 40).replaceAll("-+$", "");
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return (slug.isEmpty() ? fallback : slug) + "-" + suffix;
    }
}
