package dev.tpsync.batch.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this run did, kept outside the chunk transaction so that a rolled-back chunk still counts
 * the creates it really made. One instance per import context. Thread-safe.
 */
public final class RunCounters {

    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger alreadyPresent = new AtomicInteger();
    private final AtomicInteger newlyOnCalendar = new AtomicInteger();

    void created() {
        created.incrementAndGet();
    }

    void alreadyPresent() {
        alreadyPresent.incrementAndGet();
    }

    /** A ledger row of this plan became CREATED during this run (a create, or an adoption). */
    void newlyOnCalendar() {
        newlyOnCalendar.incrementAndGet();
    }

    /** Workouts this run created (including ones adopted after a lost response to its own POST). */
    public int createdCount() {
        return created.get();
    }

    /** Ledger rows of this plan that turned CREATED during this run, however they were settled. */
    public int newlyOnCalendarCount() {
        return newlyOnCalendar.get();
    }

    /** Workouts this run found already on the calendar (ledger CREATED, or adopted after a crash). */
    public int alreadyPresentCount() {
        return alreadyPresent.get();
    }
}
