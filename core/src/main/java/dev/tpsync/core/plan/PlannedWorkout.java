package dev.tpsync.core.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One workout of a validated plan, placed on a calendar date.
 *
 * <p>{@code sourceLine} is where it came from (1-based line in the plan file), for messages only:
 * it takes no part in {@link #contentHash()}, so reformatting a file does not change what was planned.
 *
 * @param date           the calendar day (a date, never an instant)
 * @param sport          the TrainingPeaks sport
 * @param title          non-blank title, at most 500 characters
 * @param duration       planned duration, positive, or null
 * @param distanceMeters planned distance in metres, positive, or null
 * @param tss            planned TSS, non-negative, or null
 * @param intensityFactor planned IF, in (0, 5], or null
 * @param description    free text, or null
 * @param startTime      planned local start time, or null
 * @param sourceLine     1-based line of the plan file where the row starts
 */
public record PlannedWorkout(
        LocalDate date,
        Sport sport,
        String title,
        @Nullable Duration duration,
        @Nullable Double distanceMeters,
        @Nullable Double tss,
        @Nullable Double intensityFactor,
        @Nullable String description,
        @Nullable LocalTime startTime,
        int sourceLine) {

    public PlannedWorkout {
        Objects.requireNonNull(date, "date == null");
        Objects.requireNonNull(sport, "sport == null");
        Objects.requireNonNull(title, "title == null");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is blank");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        if (distanceMeters != null && !(distanceMeters > 0)) {
            throw new IllegalArgumentException("distanceMeters must be positive: " + distanceMeters);
        }
        if (tss != null && !(tss >= 0)) {
            throw new IllegalArgumentException("tss must be >= 0: " + tss);
        }
        if (intensityFactor != null && !(intensityFactor > 0 && intensityFactor <= 5)) {
            throw new IllegalArgumentException("intensityFactor must be in (0, 5]: " + intensityFactor);
        }
    }

    /**
     * A SHA-256 (hex) of everything that would be sent to TrainingPeaks, and nothing else.
     * Two rows that plan the same workout on the same day have the same hash.
     */
    public String contentHash() {
        String canonical = String.join("\u001f",
                date.toString(),
                Integer.toString(sport.typeId()),
                title,
                duration == null ? "" : Long.toString(duration.toSeconds()),
                distanceMeters == null ? "" : Double.toString(distanceMeters),
                tss == null ? "" : Double.toString(tss),
                intensityFactor == null ? "" : Double.toString(intensityFactor),
                description == null ? "" : description,
                startTime == null ? "" : startTime.toString());
        return sha256(canonical);
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
