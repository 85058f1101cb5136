package dev.tpsync.batch;

import dev.tpsync.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test time that moves only when someone "sleeps" on it: the client's backoff, Retry-After and
 * rate-limiter waits cost no real time. Also serves as the sandbox's nano-time source, so a
 * server-side rate limit refills in the same virtual time. Thread-safe.
 */
final class VirtualClock extends Clock implements Sleeper {

    private final Instant start;
    private final AtomicLong elapsedNanos = new AtomicLong();
    private final AtomicLong sleeps = new AtomicLong();

    /** Starts at the real current second, so HTTP dates from a real-time server stay close to it. */
    VirtualClock() {
        this.start = Instant.ofEpochSecond(Instant.now().getEpochSecond());
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.incrementAndGet();
        elapsedNanos.addAndGet(Math.max(0, duration.toNanos()));
    }

    long nanoTime() {
        return elapsedNanos.get();
    }

    Duration elapsed() {
        return Duration.ofNanos(elapsedNanos.get());
    }

    long sleepCount() {
        return sleeps.get();
    }

    @Override
    public Instant instant() {
        return start.plusNanos(elapsedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
