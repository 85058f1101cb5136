package dev.tpsync.core.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A TrainingPeaks sport with its verified {@code workoutTypeValueId} (tp-api.md §5).
 *
 * <p>Names are matched case-insensitively, ignoring spaces, hyphens and underscores, so
 * {@code "Day Off"}, {@code "day-off"} and {@code "DAYOFF"} are the same sport.
 */
public enum Sport {
    SWIM(1, "swim", "swimming"),
    BIKE(2, "bike", "cycling", "ride", "road bike"),
    RUN(3, "run", "running"),
    BRICK(4, "brick"),
    CROSSTRAIN(5, "crosstrain", "cross train", "cross-training", "x-train", "xtrain"),
    RACE(6, "race"),
    DAY_OFF(7, "day off", "rest", "off", "rest day"),
    MTB(8, "mtb", "mountain bike"),
    STRENGTH(9, "strength", "weights"),
    CUSTOM(10, "custom"),
    XC_SKI(11, "xc-ski", "xc ski", "cross country ski", "nordic ski"),
    ROWING(12, "rowing", "row"),
    WALK(13, "walk", "walking", "hike"),
    OTHER(100, "other");

    private final int typeId;
    private final List<String> names;

    Sport(int typeId, String... names) {
        this.typeId = typeId;
        this.names = List.of(names);
    }

    /** The TrainingPeaks {@code workoutTypeValueId} (equal to the family ID for these base sports). */
    public int typeId() {
        return typeId;
    }

    /** The canonical name users write, e.g. {@code "day off"}. */
    public String displayName() {
        return names.get(0);
    }

    /** All accepted spellings, canonical first. */
    public List<String> names() {
        return names;
    }

    /** Finds a sport by any accepted spelling; empty when unknown. */
    public static Optional<Sport> byName(String name) {
        String key = normalise(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(s -> s.names.stream().anyMatch(n -> normalise(n).equals(key)))
                .findFirst();
    }

    /** Finds a sport by its TrainingPeaks type ID; empty when we do not know it. */
    public static Optional<Sport> byTypeId(int typeId) {
        return Arrays.stream(values()).filter(s -> s.typeId == typeId).findFirst();
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    }
}
