package dev.tpsync.batch.internal;

import dev.tpsync.core.plan.PlannedWorkout;
import java.util.Objects;

/**
 * One workout of the plan as the job reads it.
 *
 * @param index   0-based position in the plan (file order)
 * @param itemKey the plan's stable key for it ({@code <contentHash>#n}), the ledger key
 * @param workout the workout
 */
public record PlanItem(int index, String itemKey, PlannedWorkout workout) {

    public PlanItem {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        Objects.requireNonNull(itemKey, "itemKey == null");
        Objects.requireNonNull(workout, "workout == null");
    }
}
