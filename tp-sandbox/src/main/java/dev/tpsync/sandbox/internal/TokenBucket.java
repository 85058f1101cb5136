package dev.tpsync.sandbox.internal;

import java.util.function.LongSupplier;

/** A thread-safe token bucket on a nanosecond time source, for the sandbox's server-side rate limit. */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(double requestsPerSecond, int burst, LongSupplier nanoTime) {
        this.capacity = burst;
        this.perNano = requestsPerSecond / 1e9;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Takes one token and returns 0, or takes nothing and returns the whole seconds (>= 1) until one is due. */
    public synchronized long tryAcquire() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double nanosUntilOne = (1 - tokens) / perNano;
        return Math.max(1, (long) Math.ceil(nanosUntilOne / 1e9));
    }
}
