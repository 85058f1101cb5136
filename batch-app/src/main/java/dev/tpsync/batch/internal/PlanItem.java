package dev.tpsync.batch.internal;

import dev.tpsync.core.plan.PlannedWorkout;
import java.util.Objects;

/**
 * One workout of the plan as the job reads it.
 *
 * @param itemKey the plan's stable key for it ({@code <contentHash>#n}), the ledger key
 * @param workout the workout
 */
public record PlanItem(String itemKey, PlannedWorkout workout) {

    public PlanItem {
        Objects.requireNonNull(itemKey, "itemKey == null");
        Objects.requireNonNull(workout, "workout == null");
    }
}
