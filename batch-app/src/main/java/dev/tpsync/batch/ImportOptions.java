package dev.tpsync.batch;

import dev.tpsync.client.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * How an import run is controlled beyond its {@link ImportRequest}. Holds no secret.
 *
 * @param stop          lets another thread ask the run to stop after the current request
 * @param timeoutSettle after a create timed out, how long to wait before reading the day back:
 *                      the server may still be working on the request, and reading back at once
 *                      could miss a workout that is about to land (and create it a second time)
 * @param settleSleeper how that wait is spent (a real sleep in production)
 * @param concurrency   creates in flight at once within a chunk, 1..{@value #MAX_CONCURRENCY}; 1 sends
 *                      them one after the other. All of them share the client's rate limit, and a chunk
 *                      smaller than this uses fewer threads
 */
public record ImportOptions(StopSignal stop, Duration timeoutSettle, Sleeper settleSleeper, int concurrency) {

    /** The default wait after a timed-out create before the read-back. */
    public static final Duration DEFAULT_TIMEOUT_SETTLE = Duration.ofSeconds(5);
    /** The most creates one run may have in flight at once. */
    public static final int MAX_CONCURRENCY = 8;

    public ImportOptions {
        Objects.requireNonNull(stop, "stop == null");
        Objects.requireNonNull(timeoutSettle, "timeoutSettle == null");
        Objects.requireNonNull(settleSleeper, "settleSleeper == null");
        if (timeoutSettle.isNegative()) {
            throw new IllegalArgumentException("timeoutSettle must not be negative: " + timeoutSettle);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be in 1.." + MAX_CONCURRENCY + ": " + concurrency);
        }
    }

    /** A fresh stop signal and the default settle wait, spent with a real sleep that a stop cuts short. */
    public static ImportOptions defaults() {
        return withStop(new StopSignal());
    }

    /** The defaults with the given stop signal. */
    public static ImportOptions withStop(StopSignal stop) {
        return new ImportOptions(stop, DEFAULT_TIMEOUT_SETTLE, stop.sleeper(Sleeper.REAL), 1);
    }

    /** The same options with another settle wait after timed-out creates. */
    public ImportOptions withTimeoutSettle(Duration settle, Sleeper sleeper) {
        return new ImportOptions(stop, settle, sleeper, concurrency);
    }

    /** The same options with up to {@code creates} creates in flight at once (1..{@value #MAX_CONCURRENCY}). */
    public ImportOptions withConcurrency(int creates) {
        return new ImportOptions(stop, timeoutSettle, settleSleeper, creates);
    }
}
