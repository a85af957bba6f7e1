package org.assemblyhub.sortition.domain;

/**
 * The bounds on how many panel members may have one value of one feature. The flex bounds say how far an organiser
 * accepts to relax them when the quotas cannot all be met ({@code minFlex <= min <= max <= maxFlex}).
 */
public record Quota(String feature, String value, int min, int max, int minFlex, int maxFlex) {
    public Quota {
        if (min < 0 || min > max || minFlex > min || maxFlex < max) {
            throw new IllegalArgumentException("quota " + feature + "/" + value + " needs 0 <= min_flex <= min <= max"
                    + " <= max_flex, got " + minFlex + ", " + min + ", " + max + ", " + maxFlex);
        }
    }

    public static Quota of(String feature, String value, int min, int max) {
        return new Quota(feature, value, min, max, 0, max);
    }

    public Quota withBounds(int newMin, int newMax) {
        return new Quota(feature, value, newMin, newMax, Math.min(minFlex, newMin), Math.max(maxFlex, newMax));
    }
}
