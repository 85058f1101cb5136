package dev.tpsync.bench;

import dev.tpsync.sandbox.Fault;
import dev.tpsync.sandbox.FaultPlan;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault plan that injects nothing and only notes, on {@link System#nanoTime()}, when the sandbox saw its first
 * request and its first POST. The sandbox asks the plan after its rate-limit check, so
 * requests refused with 429 by the server-side limit are not seen here (they are in the request log).
 */
final class RequestClock implements FaultPlan {

    static final long NONE = Long.MIN_VALUE;

    private final AtomicLong first = new AtomicLong(NONE);
    private final AtomicLong firstPost = new AtomicLong(NONE);

    @Override
    public Fault decide(Request request) {
        long now = System.nanoTime();
        first.compareAndSet(NONE, now);
        if (request.method().equals("POST")) {
            firstPost.compareAndSet(NONE, now);
        }
        return Fault.none();
    }

    long first() {
        return first.get();
    }

    long firstPost() {
        return firstPost.get();
    }
}
