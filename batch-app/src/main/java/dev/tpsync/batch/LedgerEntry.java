package dev.tpsync.batch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of the idempotency ledger: what tpsync knows about one plan workout on one athlete's
 * calendar. A {@link State#PENDING} row means a create may or may not have reached TrainingPeaks;
 * the calendar is read back before anything is sent again for it.
 *
 * @param athleteId   the athlete
 * @param itemKey     the plan's stable per-workout key ({@code <contentHash>#n})
 * @param planHash    the content hash of the plan that first wrote the row
 * @param workoutDay  the calendar day
 * @param sportType   the {@code workoutTypeValueId}
 * @param title       the workout title
 * @param contentHash the workout's own content hash
 * @param state       PENDING or CREATED
 * @param workoutId   the TrainingPeaks workout ID once CREATED, else null
 * @param createdAt   when the row was written first
 * @param updatedAt   when the row last changed
 */
public record LedgerEntry(long athleteId, String itemKey, String planHash, LocalDate workoutDay, int sportType,
                          String title, String contentHash, State state, @Nullable Long workoutId,
                          LocalDateTime createdAt, LocalDateTime updatedAt) {

    public LedgerEntry {
        Objects.requireNonNull(itemKey, "itemKey == null");
        Objects.requireNonNull(planHash, "planHash == null");
        Objects.requireNonNull(workoutDay, "workoutDay == null");
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(contentHash, "contentHash == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
        if (state == State.CREATED && workoutId == null) {
            throw new IllegalArgumentException("a CREATED ledger row needs a workoutId: " + itemKey);
        }
    }

    /** Where a plan workout stands. */
    public enum State {
        /** A create was (or is about to be) sent; its outcome is not confirmed. */
        PENDING,
        /** TrainingPeaks confirmed the workout; {@code workoutId} holds its ID. */
        CREATED
    }
}
