package dev.tpsync.client;

import java.time.Duration;

/**
 * Waits for a while. The client sleeps only through this interface (backoff, {@code Retry-After},
 * rate-limiter waits), so tests can pass a fake that advances a virtual clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep(long)}. */
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
