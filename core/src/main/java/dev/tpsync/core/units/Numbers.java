package dev.tpsync.core.units;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Plain decimal numbers as people type them in spreadsheets: {@code 12}, {@code 12.5}, {@code 12,5},
 * {@code .5}, with an optional sign. No thousands separators, no exponents.
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private Numbers() {
    }

    /**
     * Parses a decimal number (a comma is accepted as the decimal separator).
     *
     * @throws IllegalArgumentException with a plain-words reason (never the value itself) when it is not a number
     */
    public static BigDecimal parseDecimal(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("is not a number");
        }
        String normalised = s.replace(',', '.');
        if (normalised.endsWith(".")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return new BigDecimal(normalised);
    }

    /**
     * Parses a whole number; {@code 3.0} is accepted, {@code 3.5} is not.
     *
     * @throws IllegalArgumentException with a plain-words reason when it is not a whole number or is too large
     */
    public static long parseWhole(String text) {
        String s = text.strip();
        if (INTEGER.matcher(s).matches() && s.length() <= 18) {
            return Long.parseLong(s);
        }
        BigDecimal d = parseDecimal(s).stripTrailingZeros();
        if (d.scale() > 0) {
            throw new IllegalArgumentException("is not a whole number");
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large");
        }
    }
}
