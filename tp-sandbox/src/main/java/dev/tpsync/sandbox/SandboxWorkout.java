package dev.tpsync.sandbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A planned workout as the sandbox stores it.
 *
 * @param totalTimePlanned decimal hours
 * @param distancePlanned metres
 * @param structure the structure JSON text exactly as the client sent it (a string on the wire), or null
 * @param userTags the comma-separated tag string, or null
 */
public record SandboxWorkout(
        long workoutId,
        long athleteId,
        LocalDate workoutDay,
        int workoutTypeValueId,
        @Nullable String title,
        @Nullable String description,
        @Nullable Double totalTimePlanned,
        @Nullable Double distancePlanned,
        @Nullable Double tssPlanned,
        @Nullable Double ifPlanned,
        @Nullable LocalDateTime startTimePlanned,
        @Nullable String structure,
        @Nullable String userTags) {

    public SandboxWorkout {
        if (workoutId < 0) {
            throw new IllegalArgumentException("workoutId must be >= 0, got " + workoutId);
        }
        if (athleteId < 1) {
            throw new IllegalArgumentException("athleteId must be >= 1, got " + athleteId);
        }
        Objects.requireNonNull(workoutDay, "workoutDay == null");
    }

    /** Without user tags. */
    public SandboxWorkout(long workoutId, long athleteId, LocalDate workoutDay, int workoutTypeValueId,
            @Nullable String title, @Nullable String description, @Nullable Double totalTimePlanned,
            @Nullable Double distancePlanned, @Nullable Double tssPlanned, @Nullable Double ifPlanned,
            @Nullable LocalDateTime startTimePlanned, @Nullable String structure) {
        this(workoutId, athleteId, workoutDay, workoutTypeValueId, title, description, totalTimePlanned,
                distancePlanned, tssPlanned, ifPlanned, startTimePlanned, structure, null);
    }

    /** The same workout under another ID. */
    public SandboxWorkout withWorkoutId(long id) {
        return new SandboxWorkout(id, athleteId, workoutDay, workoutTypeValueId, title, description,
                totalTimePlanned, distancePlanned, tssPlanned, ifPlanned, startTimePlanned, structure, userTags);
    }
}
