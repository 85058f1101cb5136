package dev.tpsync.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Small arithmetic and formatting helpers for benchmark figures. */
final class Stats {

    private Stats() {
    }

    /** The median; for an even count the mean of the two middle values. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("median of no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Items per second over {@code nanos}. */
    static double perSecond(long items, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("elapsed time must be positive, got " + nanos + " ns");
        }
        return items * 1e9 / nanos;
    }

    /** Share of the server's rate that an import of {@code n} workouts reached in {@code nanos}: (n/rate)/elapsed. */
    static double rateUse(long n, double rate, long nanos) {
        return (n / rate) / (nanos / 1e9);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String mebibytes(long kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
