package dev.tpsync.core.units;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses distances with a unit to metres: {@code 10km}, {@code 10 km}, {@code 5mi}, {@code 1500m},
 * {@code 800yd}, {@code 21.1 kilometres}. A number without a unit is refused, because {@code 10}
 * could be metres, kilometres or miles.
 *
 * <p>Units: {@code m meter(s) metre(s)}, {@code km kilometer(s) kilometre(s)}, {@code mi mile(s)},
 * {@code yd yds yard(s)}, case-insensitive. A mile is 1609.344 m and a yard 0.9144 m.
 */
public final class Distances {

    /** Longer than this is certainly a typo (the longest ultra-distance events stay well below it). */
    public static final double MAX_METERS = 10_000_000;

    private static final Pattern WITH_UNIT = Pattern.compile("([+-]?(?:\\d+(?:[.,]\\d+)?|[.,]\\d+))\\s*([a-z]*)");

    private Distances() {
    }

    /**
     * Parses a number followed by a unit to metres (zero included; the caller decides whether zero is allowed).
     *
     * @throws IllegalArgumentException with a plain-words reason (never echoing the value) when there is
     *                                  no unit, the unit is unknown, or the value is negative or too long
     */
    public static double parseMeters(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        Matcher m = WITH_UNIT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a distance (write a number and a unit, e.g. 10km, 5mi, 1500m, 800yd)");
        }
        if (m.group(2).isEmpty()) {
            throw new IllegalArgumentException("a distance needs a unit: m, km, mi or yd (e.g. 10km)");
        }
        return toMeters(Numbers.parseDecimal(m.group(1)), m.group(2));
    }

    /**
     * Converts {@code value} given in {@code unit} (any accepted spelling) to metres.
     *
     * @throws IllegalArgumentException when the unit is unknown or the value is negative or too long
     */
    public static double toMeters(BigDecimal value, String unit) {
        double factor = metersPer(unit).orElseThrow(() -> new IllegalArgumentException(
                "unknown distance unit (use m, km, mi or yd)"));
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a distance cannot be negative");
        }
        double meters = value.doubleValue() * factor;
        if (meters > MAX_METERS) {
            throw new IllegalArgumentException("is longer than " + (long) (MAX_METERS / 1000) + " km");
        }
        return meters;
    }

    /** How many metres one {@code unit} is; empty for an unknown unit. */
    public static Optional<Double> metersPer(String unit) {
        return Optional.ofNullable(switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "m", "meter", "meters", "metre", "metres" -> 1.0;
            case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> 1000.0;
            case "mi", "mile", "miles" -> 1609.344;
            case "yd", "yds", "yard", "yards" -> 0.9144;
            default -> null;
        });
    }
}
