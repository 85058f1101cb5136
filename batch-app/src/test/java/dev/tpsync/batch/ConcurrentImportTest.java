package dev.tpsync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.batch.FakeTpApi.Fault;
import dev.tpsync.client.CalendarWorkout;
import dev.tpsync.client.CreatedWorkout;
import dev.tpsync.client.ForwardingTpApi;
import dev.tpsync.client.NewWorkout;
import dev.tpsync.client.TpApi;
import dev.tpsync.client.TpApiException;
import dev.tpsync.client.TpClient;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlannedWorkout;
import dev.tpsync.core.plan.Sport;
import dev.tpsync.sandbox.RecordedRequest;
import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.TpSandbox;
import dev.tpsync.testing.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creates sent by several worker threads within a chunk ({@link ImportOptions#concurrency()} above 1). */
class ConcurrentImportTest {

    private static final long ATHLETE = 4242L;

    @TempDir
    Path home;

    private final Plan plan = SandboxImports.plan(40);

    @Test
    void concurrencyFour_hasSeveralCreatesInFlightAtOnce_neverMoreThanFour_andCreatesEachWorkoutOnce() {
        FakeTpApi fake = new FakeTpApi();
        Probe probe = new Probe(fake);
        ImportEngineTest.RecordingListener listener = new ImportEngineTest.RecordingListener();

        ImportResult result = ImportEngine.run(request(10), probe, listener, ImportOptions.defaults().withConcurrency(4));

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(result.created()).isEqualTo(40);
        assertThat(result.onCalendar()).isEqualTo(40);
        assertThat(probe.maxInFlight.get()).as("creates in flight at once").isGreaterThan(1).isLessThanOrEqualTo(4);
        assertThat(probe.threads).allMatch(t -> t.startsWith("tpsync-create-"));
        assertThat(fake.requests()).hasSize(40).allMatch(r -> r.startsWith("POST "));
        assertEachPlanWorkoutOnCalendarOnce(fake.calendar());
        assertThat(LedgerReader.entries(home, ATHLETE)).hasSize(40).allMatch(e -> e.state() == LedgerEntry.State.CREATED);
        LocalDate anchor = SandboxImports.ANCHOR;
        assertThat(listener.events).containsExactly("started 40/0",
                "chunk 10/40 " + anchor.plusDays(4), "chunk 20/40 " + anchor.plusDays(9),
                "chunk 30/40 " + anchor.plusDays(14), "chunk 40/40 " + anchor.plusDays(19));
    }

    @Test
    void concurrencyOne_sendsOnTheStepThread_inPlanOrder() {
        FakeTpApi fake = new FakeTpApi();
        Probe probe = new Probe(fake);
        probe.overlap.countDown();   // nothing to wait for

        ImportResult result = ImportEngine.run(request(10), probe, ImportListener.NONE, ImportOptions.defaults());

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(probe.maxInFlight.get()).isEqualTo(1);
        assertThat(probe.threads).noneMatch(t -> t.startsWith("tpsync-create-"));
        assertThat(fake.requests()).containsExactlyElementsOf(plan.workouts().stream()
                .map(w -> "POST " + w.date() + " " + w.title()).toList());
    }

    @Test
    void tokenExpiryMidChunk_withConcurrencyFour_endsTokenExpired_leavesNoPendingRow_andTheRerunCompletesExactlyOnce() {
        FakeTpApi.Calendar calendar = new FakeTpApi.Calendar();
        FakeTpApi first = new FakeTpApi(calendar).failCreate(13, Fault.TOKEN_EXPIRED);
        ImportOptions four = ImportOptions.defaults().withConcurrency(4);

        ImportResult stopped = ImportEngine.run(request(10), first, ImportListener.NONE, four);

        assertThat(stopped.outcome()).isEqualTo(ImportResult.Outcome.TOKEN_EXPIRED);
        assertThat(stopped.cause()).isInstanceOf(TpApiException.TokenExpired.class);
        int landed = calendar.all().size();
        assertThat(landed).isEqualTo(12);   // the fake refuses its 13th create and every one after it
        assertThat(stopped.created()).isEqualTo(landed);
        assertThat(stopped.onCalendar()).isEqualTo(landed);
        // Refused creates and the ones never started left no row behind.
        assertThat(LedgerReader.entries(home, ATHLETE)).hasSize(landed).allMatch(e -> e.state() == LedgerEntry.State.CREATED);

        FakeTpApi second = new FakeTpApi(calendar);
        ImportResult resumed = ImportEngine.run(request(10), second, ImportListener.NONE, four);

        assertThat(resumed.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(resumed.created()).isEqualTo(40 - landed);
        assertThat(resumed.onCalendar()).isEqualTo(40);
        assertThat(second.requests()).hasSize(40 - landed).allMatch(r -> r.startsWith("POST "));   // no read-back needed
        assertEachPlanWorkoutOnCalendarOnce(calendar);
        assertThat(LedgerReader.entries(home, ATHLETE)).hasSize(40).allMatch(e -> e.state() == LedgerEntry.State.CREATED);
    }

    @Test
    void stopRequestedMidChunk_withConcurrencyFour_endsInterrupted_afterTheCreatesInFlight_andTheRerunCompletes() {
        StopSignal stop = new StopSignal();
        FakeTpApi.Calendar calendar = new FakeTpApi.Calendar();
        FakeTpApi fake = new FakeTpApi(calendar);
        TpApi stopAfter13 = new StopAfterCreates(fake, 13, stop);

        ImportResult stopped = ImportEngine.run(request(10), stopAfter13, ImportListener.NONE,
                ImportOptions.withStop(stop).withConcurrency(4));

        assertThat(stopped.outcome()).isEqualTo(ImportResult.Outcome.INTERRUPTED);
        int landed = calendar.all().size();
        assertThat(landed).isBetween(13, 16);   // at most three more creates were already in flight
        assertThat(fake.requests()).hasSize(landed);
        assertThat(LedgerReader.entries(home, ATHLETE)).hasSize(landed).allMatch(e -> e.state() == LedgerEntry.State.CREATED);

        FakeTpApi second = new FakeTpApi(calendar);
        ImportResult resumed = ImportEngine.run(request(10), second, ImportListener.NONE,
                ImportOptions.defaults().withConcurrency(4));

        assertThat(resumed.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(second.requests()).hasSize(40 - landed);
        assertEachPlanWorkoutOnCalendarOnce(calendar);
    }

    @Test
    void identicalWorkoutsOfOneDay_areSentByOneWorkerInTurn_soALostResponseIsSettledWithoutAMixUp() {
        LocalDate day = SandboxImports.ANCHOR;
        List<PlannedWorkout> workouts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workouts.add(new PlannedWorkout(day, Sport.RUN, "Intervals", Duration.ofMinutes(45), null, 50.0,
                    null, null, null, i + 2));
        }
        IntStream.range(0, 4).forEach(i -> workouts.add(new PlannedWorkout(day.plusDays(1), Sport.BIKE, "Ride " + i,
                Duration.ofMinutes(60), null, 60.0, null, null, null, i + 6)));
        Plan twins = new Plan("twins.csv", workouts);
        FakeTpApi fake = new FakeTpApi().failCreate(2, Fault.LOST_RESPONSE).failCreate(5, Fault.LOST_RESPONSE);
        Probe probe = new Probe(fake);
        ImportRequest request = new ImportRequest(twins, Path.of("twins.csv"), day, ATHLETE, home, 8);

        ImportResult result = ImportEngine.run(request, probe, ImportListener.NONE, ImportOptions.defaults().withConcurrency(4));

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(probe.intervalThreads).as("threads that sent the identical workouts").hasSize(4).containsOnly(
                probe.intervalThreads.get(0));
        assertThat(fake.calendar().countTitled("Intervals")).isEqualTo(4);
        assertThat(fake.calendar().all()).hasSize(8);
        List<LedgerEntry> ledger = LedgerReader.entries(home, ATHLETE);
        assertThat(ledger).hasSize(8).allMatch(e -> e.state() == LedgerEntry.State.CREATED);
        assertThat(ledger).extracting(LedgerEntry::workoutId)
                .containsExactlyInAnyOrderElementsOf(fake.calendar().all().stream().map(CalendarWorkout::workoutId).toList());
    }

    /**
     * The four workers share the client's limiter (5 per second, burst 5). Virtual time jumps when a
     * worker "sleeps" for its permit, so up to four requests already granted may reach the sandbox
     * after the jump; hence the sandbox's bucket of 15 (two client periods plus those four) and the
     * bound of rate + burst + concurrency per virtual second. Four limiters of 5/s each would allow
     * 20 per second and meet 429s.
     */
    @Test
    void concurrencyFour_sharesTheClientRateLimit_soTheSandboxLimitAtThatRateSendsNo429() {
        Plan sixty = SandboxImports.plan(60);
        VirtualClock time = VirtualClock.startingNow();
        ArrivalTimes arrivals = new ArrivalTimes(time);
        SandboxConfig config = SandboxConfig.defaults().rateLimit(5, 15).nanoTime(arrivals);
        try (TpSandbox sandbox = TpSandbox.start(config)) {
            arrivals.record();
            try (TpClient client = SandboxImports.client(sandbox, time, 1).rateLimit(5).build()) {
                ImportRequest request = new ImportRequest(sixty, Path.of("p.csv"), SandboxImports.ANCHOR,
                        sandbox.athleteId(), home, 10);

                ImportResult result = ImportEngine.run(request, client, ImportListener.NONE,
                        ImportOptions.defaults().withConcurrency(4));

                assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
                assertThat(result.created()).isEqualTo(60);
            }
            List<RecordedRequest> log = sandbox.requests();
            assertThat(log).hasSize(60).allMatch(r -> r.method().equals("POST") && r.status() == 200);
            SandboxImports.assertCalendarHoldsPlanExactlyOnce(sandbox, sixty);
            assertThat(arrivals.all()).hasSameSizeAs(log);
            List<Long> sorted = arrivals.all().stream().sorted().toList();
            long second = Duration.ofSeconds(1).toNanos();
            for (long from : sorted) {
                long inWindow = sorted.stream().filter(t -> t >= from && t < from + second).count();
                assertThat(inWindow).as("requests in the virtual second from %d ns", from).isLessThanOrEqualTo(5 + 5 + 4);
            }
            assertThat(time.elapsed()).as("60 permits at 5 per second").isGreaterThanOrEqualTo(Duration.ofSeconds(11));
        }
    }

    private ImportRequest request(int chunkSize) {
        return new ImportRequest(plan, Path.of("p.csv"), SandboxImports.ANCHOR, ATHLETE, home, chunkSize);
    }

    private void assertEachPlanWorkoutOnCalendarOnce(FakeTpApi.Calendar calendar) {
        assertThat(calendar.all()).hasSize(plan.workouts().size());
        for (PlannedWorkout w : plan.workouts()) {
            assertThat(calendar.countTitled(w.title())).as(w.title()).isEqualTo(1);
        }
    }

    /**
     * Counts creates in flight and remembers the sending threads. Until two creates have met, each
     * waits for the other (at most a few seconds, a safety net only), so overlap is certain when the
     * writer really sends concurrently and costs no sleep.
     */
    private static final class Probe extends ForwardingTpApi {
        final CountDownLatch overlap = new CountDownLatch(2);
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<String> intervalThreads = new CopyOnWriteArrayList<>();

        Probe(TpApi target) {
            super(target);
        }

        @Override
        public CreatedWorkout createWorkout(long athleteId, NewWorkout workout) {
            String thread = Thread.currentThread().getName();
            threads.add(thread);
            if (workout.title().equals("Intervals")) {
                intervalThreads.add(thread);
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                overlap.countDown();
                overlap.await(5, TimeUnit.SECONDS);
                return super.createWorkout(athleteId, workout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}
