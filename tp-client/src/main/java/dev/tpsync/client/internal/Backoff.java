package dev.tpsync.client.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th retry waits a random time between half and all of
 * {@code min(cap, base * factor^(n-1))}. The random source is injected so tests are repeatable.
 */
public final class Backoff {

    public static final Duration BASE = Duration.ofMillis(500);
    public static final double FACTOR = 2.0;
    public static final Duration CAP = Duration.ofSeconds(30);

    private final RandomGenerator random;

    public Backoff(RandomGenerator random) {
        this.random = random;
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        double full = BASE.toMillis() * Math.pow(FACTOR, Math.max(0, attempt - 1));
        long ceiling = (long) Math.min(CAP.toMillis(), full);
        long half = ceiling / 2;
        long jitter;
        synchronized (random) {
            jitter = random.nextLong(ceiling - half + 1);
        }
        return Duration.ofMillis(half + jitter);
    }
}
