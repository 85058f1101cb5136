package dev.tpsync.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A UTC clock whose time moves only when told: by {@link #advance(Duration)}, or by {@link #sleep(Duration)},
 * which also records the wait. Modules adapt it to their own sleeper with {@code time::sleep}, so backoff,
 * {@code Retry-After} and rate-limiter waits cost no real time. Thread-safe: concurrent sleepers each add
 * their full wait, and every reader sees one consistent time.
 */
public final class VirtualClock extends Clock {

    private final Instant start;
    private long elapsedNanos;
    private final List<Duration> sleeps = new ArrayList<>();

    private VirtualClock(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(start);
    }

    /** Starts at the current wall-clock second, so HTTP dates from a server on real time stay close to it. */
    public static VirtualClock startingNow() {
        return new VirtualClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    /** Moves time on without recording a sleep; a negative duration is refused. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + duration);
        }
        elapsedNanos += duration.toNanos();
    }

    /** Records the wait as asked for and moves time on by it (by nothing if it is negative); returns at once. */
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        elapsedNanos += Math.max(0, duration.toNanos());
    }

    /** Time moved on since the start, by sleeps and advances. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** Like {@link System#nanoTime()}, in virtual time: nanoseconds since the start. */
    public synchronized long nanoTime() {
        return elapsedNanos;
    }

    /** {@link #nanoTime()} as a supplier, for components that take a nano-time source. */
    public LongSupplier nanoTimeSource() {
        return this::nanoTime;
    }

    /** Every wait asked for, in the order they were asked for. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized int sleepCount() {
        return sleeps.size();
    }

    /** The sum of all waits asked for (negative ones included as asked). */
    public synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public synchronized Instant instant() {
        return start.plusNanos(elapsedNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Returns this clock: virtual time is always UTC, and a copy would stop moving with it. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
