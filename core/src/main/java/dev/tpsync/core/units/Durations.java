package dev.tpsync.core.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations people write in plans, to whole seconds (rounded half up).
 *
 * <ul>
 *   <li>a bare number is minutes: {@code 90}, {@code 42.5}</li>
 *   <li>a clock is hours and minutes, optionally seconds: {@code 1:30} (90 min), {@code 1:30:15}</li>
 *   <li>numbers with units, largest first: {@code 90m}, {@code 90min}, {@code 1.5h}, {@code 1h30m},
 *       {@code 1h30} (minutes implied), {@code 1h 30min 15s}, {@code 45s}</li>
 * </ul>
 * Units: {@code h hr hrs hour hours}, {@code m min mins minute minutes}, {@code s sec secs second seconds};
 * a comma may be the decimal separator. Zero is returned as {@link Duration#ZERO}; whether zero is
 * acceptable is the caller's decision.
 */
public final class Durations {

    /** The longest duration accepted, so that typos such as {@code 9000h} are caught. */
    public static final Duration MAX = Duration.ofHours(1000);

    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{1,2})(?::(\\d{1,2}))?");
    private static final Pattern PART = Pattern.compile("\\s*(\\d+(?:[.,]\\d+)?|[.,]\\d+)\\s*([a-z]*)");

    private Durations() {
    }

    /**
     * Parses {@code text} as a duration.
     *
     * @throws IllegalArgumentException with a plain-words reason (never echoing the value) when it is
     *                                  not a duration, is negative or is longer than {@link #MAX}
     */
    public static Duration parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        if (s.startsWith("+")) {
            s = s.substring(1).strip();
        }
        BigDecimal seconds;
        Matcher clock = CLOCK.matcher(s);
        if (clock.matches()) {
            seconds = clockSeconds(clock);
        } else {
            seconds = unitSeconds(s);
        }
        return checked(seconds.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static BigDecimal clockSeconds(Matcher clock) {
        if (clock.group(1).length() > 6) {
            throw new IllegalArgumentException(tooLong());
        }
        long hours = Long.parseLong(clock.group(1));
        int minutes = Integer.parseInt(clock.group(2));
        int secs = clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3));
        if (minutes > 59 || secs > 59) {
            throw new IllegalArgumentException("minutes and seconds in h:mm or h:mm:ss must be 0 to 59");
        }
        if (hours > MAX.toHours()) {
            throw new IllegalArgumentException(tooLong());
        }
        return BigDecimal.valueOf(hours * 3600 + minutes * 60L + secs);
    }

    private static BigDecimal unitSeconds(String s) {
        Matcher m = PART.matcher(s);
        BigDecimal total = BigDecimal.ZERO;
        int pos = 0;
        int lastRank = Integer.MAX_VALUE;
        int parts = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw notADuration();
            }
            BigDecimal number = Numbers.parseDecimal(m.group(1));
            String unit = m.group(2);
            int rank;
            if (unit.isEmpty()) {
                // A bare number, last: minutes when alone, or the minutes of "1h30".
                if (m.end() != s.length() || (parts > 0 && lastRank != 2)) {
                    throw notADuration();
                }
                rank = 1;
            } else {
                rank = rank(unit);
            }
            if (rank >= lastRank) {
                throw new IllegalArgumentException("write the parts largest first, each once, e.g. 1h30m");
            }
            total = total.add(number.multiply(BigDecimal.valueOf(rank == 2 ? 3600 : rank == 1 ? 60 : 1)));
            if (total.compareTo(BigDecimal.valueOf(MAX.toSeconds())) > 0) {
                throw new IllegalArgumentException(tooLong());
            }
            lastRank = rank;
            parts++;
            pos = m.end();
        }
        if (parts == 0) {
            throw notADuration();
        }
        return total;
    }

    private static int rank(String unit) {
        return switch (unit) {
            case "h", "hr", "hrs", "hour", "hours" -> 2;
            case "m", "min", "mins", "minute", "minutes" -> 1;
            case "s", "sec", "secs", "second", "seconds" -> 0;
            default -> throw new IllegalArgumentException(
                    "unknown time unit (use h, min or s, e.g. 90min, 1h30m, 1:30:00)");
        };
    }

    private static Duration checked(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(tooLong());
        }
        return d;
    }

    private static IllegalArgumentException notADuration() {
        return new IllegalArgumentException(
                "is not a duration (write minutes like 90, or 90min, 1.5h, 1h30m, 45s, 1:30 or 1:30:00)");
    }

    private static String tooLong() {
        return "is longer than " + MAX.toHours() + " hours";
    }
}
