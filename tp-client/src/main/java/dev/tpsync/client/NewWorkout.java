package dev.tpsync.client;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of a create-workout request (tp-api.md §3). Null fields are left out of the JSON.
 *
 * @param athleteId          same as the path's athlete
 * @param workoutDay         the calendar day, sent as {@code YYYY-MM-DD}
 * @param workoutTypeValueId the sport's type ID (tp-api.md §5)
 * @param title              the title
 * @param description        free text, or null
 * @param totalTimePlanned   decimal hours (1.5 = 1 h 30 min), or null
 * @param distancePlanned    metres, or null
 * @param tssPlanned         TSS, or null
 * @param ifPlanned          intensity factor, or null
 * @param startTimePlanned   local start time without zone, or null
 * @param structure          the structure JSON already encoded as a string, or null
 */
public record NewWorkout(
        long athleteId,
        LocalDate workoutDay,
        int workoutTypeValueId,
        String title,
        @Nullable String description,
        @Nullable Double totalTimePlanned,
        @Nullable Double distancePlanned,
        @Nullable Double tssPlanned,
        @Nullable Double ifPlanned,
        @Nullable LocalDateTime startTimePlanned,
        @Nullable String structure) {

    public NewWorkout {
        Objects.requireNonNull(workoutDay, "workoutDay == null");
        Objects.requireNonNull(title, "title == null");
    }
}
