package dev.tpsync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.client.TpApi;
import dev.tpsync.client.TpClient;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.sandbox.Fault;
import dev.tpsync.sandbox.FaultPlan;
import dev.tpsync.sandbox.RecordedRequest;
import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.TpSandbox;
import dev.tpsync.testing.VirtualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop requested from another thread (a signal) ends the run after the current request, resumably. */
class StopImportTest {

    @TempDir
    Path home;

    private final Plan plan = SandboxImports.plan(40);

    @Test
    void stopAfterThirteenCreates_endsInterrupted_ledgerConsistent_andTheRerunCompletesExactlyOnce() {
        StopSignal stop = new StopSignal();
        FakeTpApi.Calendar calendar = new FakeTpApi.Calendar();
        FakeTpApi fake = new FakeTpApi(calendar);
        TpApi stopAfter13 = new StopAfterCreates(fake, 13, stop);

        ImportResult stopped = ImportEngine.run(request(), stopAfter13, ImportListener.NONE, ImportOptions.withStop(stop));

        assertThat(stopped.outcome()).isEqualTo(ImportResult.Outcome.INTERRUPTED);
        assertThat(stopped.cause()).isNull();
        assertThat(stopped.created()).isEqualTo(13);
        assertThat(stopped.onCalendar()).isEqualTo(13);
        assertThat(fake.requests()).hasSize(13);
        assertThat(LedgerReader.entries(home, 4242)).hasSize(13).allMatch(e -> e.state() == LedgerEntry.State.CREATED);

        FakeTpApi second = new FakeTpApi(calendar);
        ImportResult resumed = ImportEngine.run(request(), second, ImportListener.NONE);

        assertThat(resumed.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(resumed.created()).isEqualTo(27);
        assertThat(resumed.alreadyPresent()).isEqualTo(3);   // the replayed chunk's first three
        assertThat(second.requests()).hasSize(27).allMatch(r -> r.startsWith("POST "));
        for (var w : plan.workouts()) {
            assertThat(calendar.countTitled(w.title())).as(w.title()).isEqualTo(1);
        }
    }

    @Test
    void stopDuringARetryWait_endsInterruptedAtOnce_andRemovesThePendingRowOfTheUnsentCreate() {
        StopSignal stop = new StopSignal();
        VirtualClock time = VirtualClock.startingNow();
        // The 6th POST meets a 503; the client then waits to retry, and the stop arrives during that wait.
        FaultPlan faults = FaultPlan.scripted().onPost(6, Fault.serviceUnavailable()).build();
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults().faultPlan(faults));
             TpClient client = SandboxImports.client(sandbox, time, 5)
                     .sleeper(stop.sleeper(d -> {
                         time.sleep(d);
                         if (d.toMillis() >= 100) {   // a retry backoff, not a rate-limiter permit wait
                             stop.requestStop();
                         }
                     }))
                     .rateLimit(1000)
                     .build()) {
            ImportRequest request = new ImportRequest(plan, Path.of("p.csv"), SandboxImports.ANCHOR,
                    sandbox.athleteId(), home, 10);

            ImportResult stopped = ImportEngine.run(request, client, ImportListener.NONE, ImportOptions.withStop(stop));

            assertThat(stopped.outcome()).isEqualTo(ImportResult.Outcome.INTERRUPTED);
            assertThat(stopped.onCalendar()).isEqualTo(5);
            assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(200, 200, 200, 200, 200, 503);
            assertThat(LedgerReader.entries(home, sandbox.athleteId()))
                    .hasSize(5).allMatch(e -> e.state() == LedgerEntry.State.CREATED);
        }
    }

    private ImportRequest request() {
        return new ImportRequest(plan, Path.of("p.csv"), SandboxImports.ANCHOR, 4242, home, 10);
    }
}
