package dev.tpsync.batch.internal;

import dev.tpsync.client.NewWorkout;
import java.util.Objects;

/** A plan item with the create body the processor built for it; what the writer receives. */
public record OutgoingWorkout(PlanItem item, NewWorkout body) {

    public OutgoingWorkout {
        Objects.requireNonNull(item, "item == null");
        Objects.requireNonNull(body, "body == null");
    }
}
