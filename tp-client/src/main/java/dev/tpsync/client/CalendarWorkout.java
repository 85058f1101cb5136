package dev.tpsync.client;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A workout as listed on the calendar. Only the fields tpsync compares are kept; the day is the
 * part of {@code workoutDay} before {@code T}, never converted across time zones.
 */
public record CalendarWorkout(
        long workoutId,
        LocalDate workoutDay,
        @Nullable Integer workoutTypeValueId,
        @Nullable String title,
        @Nullable String description,
        @Nullable Double totalTimePlanned,
        @Nullable Double distancePlanned,
        @Nullable Double tssPlanned) {
}
