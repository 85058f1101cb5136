package dev.tpsync.batch;

import dev.tpsync.client.NewWorkout;
import dev.tpsync.core.plan.PlannedWorkout;
import java.time.Duration;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Turns a planned workout into the body of a create request (tp-api.md §3): duration as decimal
 * hours, distance in metres, the sport's {@code workoutTypeValueId}, and the start time as a local
 * date-time on the workout's day. Stateless and thread-safe.
 */
public final class WorkoutBodyMapper {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private WorkoutBodyMapper() {
    }

    /** The create body for {@code workout} on {@code athleteId}'s calendar; no structure is sent. */
    public static NewWorkout toNewWorkout(long athleteId, PlannedWorkout workout) {
        LocalDateTime start = workout.startTime() == null ? null : workout.date().atTime(workout.startTime());
        return new NewWorkout(
                athleteId,
                workout.date(),
                workout.sport().typeId(),
                workout.title(),
                workout.description(),
                decimalHours(workout.duration()),
                workout.distanceMeters(),
                workout.tss(),
                workout.intensityFactor(),
                start,
                null);
    }

    /** A duration in decimal hours (20 min = 0.333…, 90 min = 1.5), or null for null. */
    public static @Nullable Double decimalHours(@Nullable Duration duration) {
        return duration == null ? null : duration.toSeconds() / SECONDS_PER_HOUR;
    }
}
