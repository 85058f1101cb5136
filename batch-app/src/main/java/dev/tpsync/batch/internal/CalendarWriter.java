package dev.tpsync.batch.internal;

import dev.tpsync.batch.ImportOptions;
import dev.tpsync.batch.ImportStoppedException;
import dev.tpsync.batch.LedgerEntry;
import dev.tpsync.batch.LedgerRepository;
import dev.tpsync.client.CalendarWorkout;
import dev.tpsync.client.CreatedWorkout;
import dev.tpsync.client.NewWorkout;
import dev.tpsync.client.TpApi;
import dev.tpsync.client.TpApiException;
import dev.tpsync.core.plan.PlannedWorkout;
import java.io.InterruptedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Puts a chunk of workouts on the calendar so that each plan workout ends up there exactly once,
 * however often the chunk is written (Spring Batch writes a failed chunk again on restart).
 *
 * <p>The ledger ({@link LedgerRepository}) is the memory; its writes commit at once, outside the
 * chunk transaction. For each chunk:
 * <ol>
 *   <li>Load the ledger rows of the chunk's item keys (one query).</li>
 *   <li>If any row is PENDING (an earlier attempt crashed, or lost its response), read the calendar
 *       back with <em>one</em> {@code listWorkouts} call over the min..max day of those rows. A PENDING
 *       item adopts a listed workout with the same day, {@code workoutTypeValueId} and title whose
 *       ID is not yet in the ledger for this athlete: the row becomes CREATED with that ID and the
 *       item counts as already present. A listed workout is adopted by at most one row; the writer
 *       never changes or deletes anything on the calendar.</li>
 *   <li>Then: a CREATED row is counted as already present and nothing is sent. For the rest, PENDING
 *       rows are inserted for the chunk's unsent workouts in one committed transaction; then, in chunk
 *       order, each workout is POSTed and its row becomes CREATED with the returned ID, committed at
 *       once. When the chunk fails part-way, the rows of workouts it never got to send are removed
 *       again.</li>
 *   <li>If the POST fails with {@link TpApiException#outcomeUnknown()} (a lost response), that day
 *       is read back and a match adopted as above; without a match the POST is sent again, at most
 *       {@value #MAX_CREATE_ATTEMPTS} attempts in all, after which the last error is rethrown and the
 *       row stays PENDING for the next run to resolve.</li>
 *   <li>If the POST fails with an error that certainly did not create anything (token expired,
 *       forbidden, other 4xx, rate limited, unavailable without an unknown outcome), the PENDING row
 *       is deleted and the error rethrown, so the step fails and the job can be restarted. Any other
 *       failure keeps the row PENDING (a read-back will settle it) and is rethrown.</li>
 * </ol>
 * A clean run therefore makes exactly one request per workout and no read-back at all.
 *
 * <p>A create that <em>timed out</em> may still be running at the server, so before that read-back
 * the writer waits {@link ImportOptions#timeoutSettle()}; reading back at once could miss a workout
 * that lands a moment later and send it a second time.
 *
 * <p>Stopping: before each create (and before each repeated POST) the writer checks the run's
 * {@link dev.tpsync.batch.StopSignal}. When it is set, the writer throws
 * {@link ImportStoppedException} with the ledger consistent: rows of finished creates are CREATED,
 * the next workout has no row yet, and a create whose answer was lost stays PENDING for the next
 * run to settle. The same exception may come out of the client when a stop cuts a retry wait
 * short; nothing of that call reached TrainingPeaks, so its PENDING row is removed.
 *
 * <p>Concurrency ({@link ImportOptions#concurrency()} above 1): the ledger lookup, the read-back of
 * PENDING rows and the one PENDING insert stay on the step thread; only the chunk's creates are
 * spread over up to that many worker threads of a pool this writer owns (closed with the Spring
 * context). Each create settles its own row exactly as above. Workouts that a read-back could mistake
 * for each other (same day, sport and title) are sent by one worker in chunk order, so a read-back
 * after a lost response never sees a sibling's create that is still in flight. When a create fails,
 * no new create is started; those in flight finish and settle their rows, the rows of workouts never
 * sent are removed, and the first failure is rethrown with the later ones suppressed. The stop signal
 * is checked before each create. All requests go through the one {@link TpApi}, so its rate limit
 * holds for all workers together. With concurrency 1 no pool exists and the creates are sent one
 * after the other on the step thread, in chunk order.
 *
 * <p>Retries: the client already retries transient failures; this writer only repeats POSTs whose
 * outcome it verified to be "not created", and the step is not fault-tolerant, so retries never
 * multiply across layers. {@link #write} is called by one step thread at a time.
 */
public final class CalendarWriter implements ItemWriter<OutgoingWorkout>, AutoCloseable {

    /** POST attempts per workout when responses keep getting lost. */
    static final int MAX_CREATE_ATTEMPTS = 5;

    private final TpApi api;
    private final LedgerRepository ledger;
    private final RunCounters counters;
    private final long athleteId;
    private final String planHash;
    private final ImportOptions options;
    /** Worker threads for concurrent creates; null when creates are sent one after the other. */
    private final @Nullable ExecutorService creators;

    public CalendarWriter(TpApi api, LedgerRepository ledger, RunCounters counters, long athleteId, String planHash,
                          ImportOptions options) {
        this.options = Objects.requireNonNull(options, "options == null");
        this.api = Objects.requireNonNull(api, "api == null");
        this.ledger = Objects.requireNonNull(ledger, "ledger == null");
        this.counters = Objects.requireNonNull(counters, "counters == null");
        this.athleteId = athleteId;
        this.planHash = Objects.requireNonNull(planHash, "planHash == null");
        this.creators = options.concurrency() > 1 ? creatorPool(options.concurrency()) : null;
    }

    /** Releases the worker threads of concurrent creates, if any; a write never runs at the same time. */
    @Override
    public void close() {
        if (creators != null) {
            creators.shutdown();
        }
    }

    private static ExecutorService creatorPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "tpsync-create-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
    }

    @Override
    public void write(Chunk<? extends OutgoingWorkout> chunk) {
        List<? extends OutgoingWorkout> items = chunk.getItems();
        if (items.isEmpty()) {
            return;
        }
        Map<String, LedgerEntry> rows = ledger.findAll(athleteId, items.stream().map(o -> o.item().itemKey()).toList());

        List<OutgoingWorkout> pending = new ArrayList<>();
        for (OutgoingWorkout o : items) {
            LedgerEntry row = rows.get(o.item().itemKey());
            if (row != null && row.state() == LedgerEntry.State.PENDING) {
                pending.add(o);
            }
        }
        Set<String> adopted = adoptPending(pending);

        List<OutgoingWorkout> toSend = new ArrayList<>();
        Map<String, PlannedWorkout> fresh = new LinkedHashMap<>();
        for (OutgoingWorkout o : items) {
            String key = o.item().itemKey();
            LedgerEntry row = rows.get(key);
            if (row != null && row.state() == LedgerEntry.State.CREATED) {
                counters.alreadyPresent();
            } else if (!adopted.contains(key)) {
                toSend.add(o);
                if (row == null) {
                    fresh.put(key, o.item().workout());
                }
            }
        }
        if (toSend.isEmpty()) {
            return;
        }
        options.stop().throwIfStopRequested();
        ledger.insertPendingAll(athleteId, planHash, fresh);
        send(toSend, fresh);
    }

    /**
     * Sends the creates of {@code toSend} (rows already PENDING): on the step thread in chunk order, or
     * on up to {@code concurrency} workers, each taking whole look-alike groups. Returns when every
     * create started has settled; throws the first failure after removing the rows of workouts never
     * sent.
     */
    private void send(List<OutgoingWorkout> toSend, Map<String, PlannedWorkout> fresh) {
        boolean[] started = new boolean[toSend.size()];   // each index written by one thread, read after it ends
        Failures failures = new Failures();
        if (creators == null) {
            List<Integer> inOrder = IntStream.range(0, toSend.size()).boxed().toList();
            sendGroups(toSend, new ArrayDeque<>(List.of(inOrder)), started, failures);
        } else {
            Queue<List<Integer>> groups = new ConcurrentLinkedQueue<>(lookAlikeGroups(toSend));
            int workers = Math.min(options.concurrency(), groups.size());
            List<Future<?>> running = new ArrayList<>(workers);
            try {
                for (int w = 0; w < workers; w++) {
                    running.add(creators.submit(() -> sendGroups(toSend, groups, started, failures)));
                }
            } catch (RejectedExecutionException e) {
                failures.add(e);
            }
            awaitAll(running, failures);
        }
        Throwable first = failures.first();
        if (first == null) {
            return;
        }
        List<OutgoingWorkout> unsent = new ArrayList<>();
        for (int i = 0; i < toSend.size(); i++) {
            if (!started[i]) {
                unsent.add(toSend.get(i));
            }
        }
        forgetUnsent(unsent, fresh, first);
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException("a create failed", first);
    }

    /** One worker: takes groups until none is left or a create failed; checks the stop before each create. */
    private void sendGroups(List<OutgoingWorkout> toSend, Queue<List<Integer>> groups, boolean[] started,
                            Failures failures) {
        List<Integer> group;
        while (!failures.any() && (group = groups.poll()) != null) {
            for (int i : group) {
                if (failures.any()) {
                    return;
                }
                try {
                    options.stop().throwIfStopRequested();
                    started[i] = true;
                    create(toSend.get(i));
                } catch (RuntimeException | Error t) {
                    failures.add(t);
                    return;
                }
            }
        }
    }

    /** Waits for every worker without being interruptible: a worker's create must settle its ledger row. */
    private static void awaitAll(List<Future<?>> running, Failures failures) {
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    failures.add(new ImportStoppedException());   // start nothing more; in-flight creates finish
                } catch (ExecutionException e) {
                    failures.add(Objects.requireNonNullElse(e.getCause(), e));
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Indices of {@code toSend} grouped by what a read-back matches on (day, sport, title), each group
     * in chunk order, groups in the order of their first member.
     */
    private static List<List<Integer>> lookAlikeGroups(List<OutgoingWorkout> toSend) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < toSend.size(); i++) {
            NewWorkout body = toSend.get(i).body();
            String key = Objects.requireNonNull(matchKey(body.workoutDay(), body.workoutTypeValueId(), body.title()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    /** The failures of one concurrent chunk: the first one in time, with later ones suppressed in it. */
    private static final class Failures {
        private final AtomicReference<@Nullable Throwable> first = new AtomicReference<>();

        void add(Throwable t) {
            if (!first.compareAndSet(null, t)) {
                Throwable primary = Objects.requireNonNull(first.get());
                if (primary != t) {
                    primary.addSuppressed(t);
                }
            }
        }

        boolean any() {
            return first.get() != null;
        }

        @Nullable Throwable first() {
            return first.get();
        }
    }

    /**
     * After a failure, removes the rows this write inserted for workouts it never got to send, so the
     * next run does not read their days back for nothing. Rows left over from earlier runs stay.
     */
    private void forgetUnsent(List<OutgoingWorkout> unsent, Map<String, PlannedWorkout> fresh, Throwable failure) {
        List<String> keys = unsent.stream().map(o -> o.item().itemKey()).filter(fresh::containsKey).toList();
        try {
            ledger.deletePendingAll(athleteId, keys);
        } catch (RuntimeException cleanupFailed) {
            // Harmless: a PENDING row only costs one read-back on the next run.
            failure.addSuppressed(cleanupFailed);
        }
    }

    /** Settles PENDING rows from one read-back of their days; returns the keys that found their workout. */
    private Set<String> adoptPending(List<OutgoingWorkout> pending) {
        Set<String> adopted = new HashSet<>();
        if (pending.isEmpty()) {
            return adopted;
        }
        LocalDate from = pending.stream().map(o -> o.body().workoutDay()).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = pending.stream().map(o -> o.body().workoutDay()).max(Comparator.naturalOrder()).orElseThrow();
        List<CalendarWorkout> calendar = api.listWorkouts(athleteId, from, to);
        Set<Long> owned = owned(calendar);
        for (OutgoingWorkout o : pending) {
            Optional<CalendarWorkout> match = findMatch(calendar, o.body(), owned);
            if (match.isPresent()) {
                settled(o.item().itemKey(), match.get().workoutId(), counters::alreadyPresent);
                owned.add(match.get().workoutId());
                adopted.add(o.item().itemKey());
            }
        }
        return adopted;
    }

    /** Sends one create whose ledger row is PENDING, settling the row however the call ends. */
    private void create(OutgoingWorkout o) {
        String key = o.item().itemKey();
        boolean mayHaveLanded = false;
        TpApiException last = null;
        for (int attempt = 1; attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                options.stop().throwIfStopRequested();   // the row stays PENDING: an earlier POST may have landed
            }
            try {
                CreatedWorkout created = api.createWorkout(athleteId, o.body());
                settled(key, created.workoutId(), counters::created);
                return;
            } catch (ImportStoppedException stopped) {
                // Raised by a stop-aware sleeper while the client waited to retry: this call sent
                // nothing that may have landed (a POST with an unknown outcome is never retried).
                if (!mayHaveLanded) {
                    ledger.deletePending(athleteId, key);
                }
                throw stopped;
            } catch (TpApiException e) {
                if (!outcomeUnknown(e)) {
                    if (!mayHaveLanded && certainlyNotApplied(e)) {
                        ledger.deletePending(athleteId, key);
                    }
                    throw e;
                }
                mayHaveLanded = true;
                last = e;
                if (timedOut(e)) {
                    settle();
                }
                LocalDate day = o.body().workoutDay();
                List<CalendarWorkout> listed = api.listWorkouts(athleteId, day, day);
                Optional<CalendarWorkout> match = findMatch(listed, o.body(), owned(listed));
                if (match.isPresent()) {
                    settled(key, match.get().workoutId(), counters::created);
                    return;
                }
            }
        }
        throw Objects.requireNonNull(last);
    }

    /** Marks the row CREATED with TrainingPeaks' ID (committed at once) and counts it with {@code how}. */
    private void settled(String itemKey, long workoutId, Runnable how) {
        ledger.markCreated(athleteId, itemKey, workoutId);
        counters.newlyOnCalendar();
        how.run();
    }

    /** The IDs among {@code listed} that a ledger row already owns, so no second row adopts them. */
    private Set<Long> owned(List<CalendarWorkout> listed) {
        return ledger.ownedAmong(athleteId, listed.stream().map(CalendarWorkout::workoutId).toList());
    }

    /** The request may still be running at the server: give it a moment before reading back. */
    private void settle() {
        if (options.timeoutSettle().isZero()) {
            return;
        }
        try {
            options.settleSleeper().sleep(options.timeoutSettle());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportStoppedException();
        }
    }

    private static boolean timedOut(Throwable e) {
        return Causes.find(e, InterruptedIOException.class) != null;
    }

    /** A lost response, also when the client reports it wrapped in another failure. */
    private static boolean outcomeUnknown(TpApiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TpApiException api && api.outcomeUnknown()) {
                return true;
            }
        }
        return false;
    }

    private static boolean certainlyNotApplied(TpApiException e) {
        return e instanceof TpApiException.TokenExpired
                || e instanceof TpApiException.Forbidden
                || e instanceof TpApiException.ClientError
                || e instanceof TpApiException.RateLimited
                || e instanceof TpApiException.Unavailable;
    }

    /** The first listed workout with the same day, sport and title that no ledger row owns yet. */
    static Optional<CalendarWorkout> findMatch(List<CalendarWorkout> calendar, NewWorkout body, Set<Long> owned) {
        String wanted = matchKey(body.workoutDay(), body.workoutTypeValueId(), body.title());
        return calendar.stream()
                .filter(c -> wanted.equals(matchKey(c.workoutDay(), c.workoutTypeValueId(), c.title())))
                .filter(c -> !owned.contains(c.workoutId()))
                .findFirst();
    }

    /**
     * What a read-back matches a create on: day, sport and title (stripped). The same key groups the
     * workouts that concurrent workers must send one after the other, so the two can never disagree.
     * Null when the listed workout lacks a sport or title (it then matches nothing).
     */
    static @Nullable String matchKey(LocalDate day, @Nullable Integer sport, @Nullable String title) {
        return sport == null || title == null ? null : day + "|" + sport + "|" + title.strip();
    }
}
