package dev.tpsync.batch;

import dev.tpsync.client.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-way "please stop" flag for a running import, set from another thread (typically a JVM
 * shutdown hook on SIGINT/SIGTERM). The import finishes the request in flight, records it in the
 * ledger, sends nothing more and ends with {@link ImportResult.Outcome#INTERRUPTED}. Thread-safe;
 * once set it stays set.
 */
public final class StopSignal {

    private final CountDownLatch stop = new CountDownLatch(1);

    /** Asks the import to stop after the current request. Idempotent; never blocks. */
    public void requestStop() {
        stop.countDown();
    }

    public boolean isStopRequested() {
        return stop.getCount() == 0;
    }

    /** Throws {@link ImportStoppedException} if a stop was requested. */
    public void throwIfStopRequested() {
        if (isStopRequested()) {
            throw new ImportStoppedException();
        }
    }

    /**
     * A client {@link Sleeper} that ends a wait early when a stop is requested, so a long backoff or
     * {@code Retry-After} does not hold up shutdown. A wait cut short (or asked for after the stop)
     * throws {@link ImportStoppedException} instead of sleeping; it never interrupts the thread,
     * because an interrupt would also close the H2 database file. {@link Sleeper#REAL} waits on this
     * signal; any other delegate (a virtual clock in tests) is called as it is, with the stop checked
     * before and after.
     */
    public Sleeper sleeper(Sleeper delegate) {
        Objects.requireNonNull(delegate, "delegate == null");
        return duration -> {
            throwIfStopRequested();
            if (delegate == Sleeper.REAL) {
                long nanos = Math.max(0, duration.toNanos());
                if (stop.await(nanos, TimeUnit.NANOSECONDS)) {
                    throw new ImportStoppedException();
                }
            } else {
                delegate.sleep(duration);
                throwIfStopRequested();
            }
        };
    }

    /** Waits up to {@code timeout} for a stop request; true if one came. */
    public boolean await(Duration timeout) throws InterruptedException {
        return stop.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }
}
