package dev.tpsync.batch.internal;

import dev.tpsync.core.plan.Plan;
import java.util.List;
import java.util.Objects;

/**
 * The plan's content hash and per-workout ledger keys, computed once per run: both hash every workout,
 * and the reader, writer, progress listener and result all need them.
 *
 * @param planHash {@link Plan#contentHash()}
 * @param itemKeys {@link Plan#itemKeys()}, in plan order
 */
public record PlanIdentity(String planHash, List<String> itemKeys) {

    public PlanIdentity {
        Objects.requireNonNull(planHash, "planHash == null");
        itemKeys = List.copyOf(itemKeys);
    }

    public static PlanIdentity of(Plan plan) {
        return new PlanIdentity(plan.contentHash(), plan.itemKeys());
    }
}
