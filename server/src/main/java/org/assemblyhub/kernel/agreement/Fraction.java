package org.assemblyhub.kernel.agreement;

import java.io.Serializable;

/** An exact threshold such as 4/5: compared with integers only, so 79.9 % never rounds up to 80 %. */
public record Fraction(int numerator, int denominator) implements Serializable {
    public Fraction {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                    "a fraction between 0 and 1 is needed, got " + numerator + "/" + denominator);
        }
    }

    /** {@code part / whole >= this}, exactly; an empty whole reaches nothing but a zero threshold. */
    public boolean reachedBy(long part, long whole) {
        if (whole == 0) return numerator == 0;
        return part * denominator >= (long) numerator * whole;
    }

    public static Fraction parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("write a fraction as n/d, e.g. 4/5");
        return new Fraction(
                Integer.parseInt(text.substring(0, slash).strip()),
                Integer.parseInt(text.substring(slash + 1).strip()));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
