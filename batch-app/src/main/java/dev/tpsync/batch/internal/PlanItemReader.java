package dev.tpsync.batch.internal;

import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlannedWorkout;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the plan's workouts in file order, each with its ledger key.
 *
 * <p>Restart: the count of items read is saved under {@code planReader.read.count} at every chunk
 * commit; on restart the reader continues after the last committed chunk, so the chunk that failed
 * is read (and written) again. The writer is idempotent for that reason. Not thread-safe: one step
 * thread only. Not final: the step-scoped bean is a CGLIB proxy.
 */
public class PlanItemReader extends AbstractItemCountingItemStreamItemReader<PlanItem> {

    /** Name of the reader; prefix of its keys in the step's execution context. */
    public static final String NAME = "planReader";

    private final List<PlannedWorkout> workouts;
    private final List<String> keys;

    public PlanItemReader(Plan plan, List<String> itemKeys) {
        if (itemKeys.size() != plan.workouts().size()) {
            throw new IllegalArgumentException("one key per workout expected");
        }
        this.workouts = plan.workouts();
        this.keys = List.copyOf(itemKeys);
        setName(NAME);
    }

    @Override
    protected @Nullable PlanItem doRead() {
        int index = getCurrentItemCount() - 1;   // the base class counts before calling doRead
        if (index >= workouts.size()) {
            return null;
        }
        return new PlanItem(keys.get(index), workouts.get(index));
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        // Random access: doRead() works from the restored item count alone.
    }

    @Override
    protected void doOpen() {
    }

    @Override
    protected void doClose() {
    }
}
