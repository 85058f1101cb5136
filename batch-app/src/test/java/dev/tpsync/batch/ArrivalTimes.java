package dev.tpsync.batch;

import dev.tpsync.testing.VirtualClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The sandbox's nano-time source in virtual time. Once {@link #record()} is called it also notes every
 * reading; the sandbox's rate limiter reads it once per request, so the notes are the virtual arrival
 * times of the requests, in arrival order. Thread-safe.
 */
final class ArrivalTimes implements LongSupplier {

    private final VirtualClock time;
    private final AtomicBoolean recording = new AtomicBoolean();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    ArrivalTimes(VirtualClock time) {
        this.time = time;
    }

    /** Starts noting readings (call it after the sandbox has started, so its own start-up reading is left out). */
    void record() {
        recording.set(true);
    }

    @Override
    public long getAsLong() {
        long now = time.nanoTime();
        if (recording.get()) {
            arrivals.add(now);
        }
        return now;
    }

    List<Long> all() {
        return List.copyOf(arrivals);
    }
}
