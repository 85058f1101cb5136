package dev.tpsync.batch;

import dev.tpsync.client.CreatedWorkout;
import dev.tpsync.client.ForwardingTpApi;
import dev.tpsync.client.NewWorkout;
import dev.tpsync.client.TpApi;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests a stop, as a shutdown hook would, as soon as the {@code n}th create has landed, while that
 * request is still in flight for the writer. Counts creates from any thread.
 */
final class StopAfterCreates extends ForwardingTpApi {

    private final int n;
    private final StopSignal stop;
    private final AtomicInteger creates = new AtomicInteger();

    StopAfterCreates(TpApi target, int n, StopSignal stop) {
        super(target);
        this.n = n;
        this.stop = stop;
    }

    @Override
    public CreatedWorkout createWorkout(long athleteId, NewWorkout workout) {
        CreatedWorkout created = super.createWorkout(athleteId, workout);
        if (creates.incrementAndGet() == n) {
            stop.requestStop();
        }
        return created;
    }
}
