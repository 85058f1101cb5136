package dev.tpsync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.client.TpApiException;
import dev.tpsync.client.TpClient;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.sandbox.Fault;
import dev.tpsync.sandbox.FaultPlan;
import dev.tpsync.sandbox.RecordedRequest;
import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.TpSandbox;
import dev.tpsync.testing.VirtualClock;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole import (engine, ledger, real TpClient) against the real sandbox while it misbehaves:
 * random 429s (all Retry-After forms), 503s, resets, lost POST responses and responses slower than
 * the client's read timeout, with creates sent one at a time and four at a time. Client waits run in
 * virtual time; only the few slow answers cost real time.
 */
class FaultInjectionImportTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    /** Just over the read timeout: the client gives up while the sandbox is still going to store the workout. */
    private static final Duration SLOW = Duration.ofMillis(350);
    /** Real wait after a timed-out create, long enough for the slow answer above to land. */
    private static final Duration SETTLE = Duration.ofMillis(450);
    private static final int MAX_RUNS = 10;

    @TempDir
    Path home;

    @ParameterizedTest(name = "seed {0}, concurrency {1}")
    @CsvSource({"7, 1", "2026, 1", "7, 4", "2026, 4"})
    void randomFaults_restartUntilComplete_everyWorkoutCreatedExactlyOnce(long seed, int concurrency) {
        Plan plan = SandboxImports.plan(300);
        VirtualClock time = VirtualClock.startingNow();
        FaultPlan faults = FaultPlan.random(seed, 0.05, 0.04, 0.03, 0.03, 0.006);
        SandboxConfig config = SandboxConfig.defaults().faultPlan(faults).slowResponseDelay(SLOW);
        try (TpSandbox sandbox = TpSandbox.start(config)) {
            ImportRequest request = request(plan, sandbox.athleteId());
            List<ImportResult.Outcome> outcomes = new ArrayList<>();
            ImportResult last = null;
            for (int run = 0; run < MAX_RUNS && (last == null || last.outcome() != ImportResult.Outcome.COMPLETED); run++) {
                try (TpClient client = SandboxImports.client(sandbox, time, seed + run).readTimeout(READ_TIMEOUT).build()) {
                    ImportOptions options = ImportOptions.defaults().withTimeoutSettle(SETTLE,
                            d -> Thread.sleep(d.toMillis())).withConcurrency(concurrency);
                    last = ImportEngine.run(request, client, ImportListener.NONE, options);
                    outcomes.add(last.outcome());
                }
            }

            assertThat(outcomes).as("outcomes of the runs").last().isEqualTo(ImportResult.Outcome.COMPLETED);
            List<RecordedRequest> log = sandbox.requests();
            assertThat(log).as("the plan really met every kind of fault")
                    .extracting(RecordedRequest::fault)
                    .contains(Fault.Kind.TOO_MANY_REQUESTS, Fault.Kind.SERVICE_UNAVAILABLE, Fault.Kind.RESET,
                            Fault.Kind.LOST_RESPONSE);
            SandboxImports.assertCalendarHoldsPlanExactlyOnce(sandbox, plan);
            assertThat(sandbox.createCount()).isEqualTo(300);
            // Every POST the sandbox stored carried a different workout: none was sent again after it landed.
            List<String> storedBodies = log.stream()
                    .filter(r -> r.method().equals("POST") && r.status() == 200)
                    .map(RecordedRequest::body)
                    .toList();
            assertThat(storedBodies).hasSize(300).doesNotHaveDuplicates();
            assertThat(sandbox.violations()).isEmpty();

            List<LedgerEntry> ledger = ledger(sandbox.athleteId());
            assertThat(ledger).hasSize(300).allMatch(e -> e.state() == LedgerEntry.State.CREATED);
            assertThat(ledger).extracting(LedgerEntry::workoutId)
                    .containsExactlyInAnyOrderElementsOf(SandboxImports.sandboxIds(sandbox));
        }
    }

    @Test
    void serverRateLimitBelowTheClientRate_everyCreateLandsOnce_andEvery429IsWaitedOut() {
        Plan plan = SandboxImports.plan(500);
        VirtualClock time = VirtualClock.startingNow();
        ArrivalTimes arrivals = new ArrivalTimes(time);
        SandboxConfig config = SandboxConfig.defaults().rateLimit(5, 5).nanoTime(arrivals);
        try (TpSandbox sandbox = TpSandbox.start(config)) {
            arrivals.record();
            try (TpClient client = SandboxImports.client(sandbox, time, 1).rateLimit(20).build()) {
                ImportResult result = ImportEngine.run(request(plan, sandbox.athleteId()), client, ImportListener.NONE);

                assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
                assertThat(result.created()).isEqualTo(500);
            }
            List<RecordedRequest> log = sandbox.requests();
            assertThat(log).filteredOn(r -> r.status() == 429).isNotEmpty();
            assertThat(sandbox.createCount()).isEqualTo(500);
            assertThat(log).filteredOn(r -> r.method().equals("POST") && r.status() == 200).hasSize(500);
            SandboxImports.assertCalendarHoldsPlanExactlyOnce(sandbox, plan);
            // The sandbox always announces at least one second; the client never came back sooner.
            List<Long> arrived = arrivals.all();
            assertThat(arrived).hasSameSizeAs(log);
            for (int i = 0; i + 1 < log.size(); i++) {
                if (log.get(i).status() == 429) {
                    assertThat(arrived.get(i + 1) - arrived.get(i)).as("wait after the 429 of request %d", i + 1)
                            .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
                }
            }
        }
    }

    @Test
    void serviceThatStaysDown_endsUnavailable_withinThePatience_andLeavesNoLedgerRow() {
        Plan plan = SandboxImports.plan(20);
        VirtualClock time = VirtualClock.startingNow();
        SandboxConfig config = SandboxConfig.defaults().faultPlan(r -> Fault.serviceUnavailable());
        try (TpSandbox sandbox = TpSandbox.start(config);
             TpClient client = SandboxImports.client(sandbox, time, 3).maxWait(Duration.ofMinutes(2)).build()) {

            ImportResult result = ImportEngine.run(request(plan, sandbox.athleteId()), client, ImportListener.NONE);

            assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.UNAVAILABLE);
            assertThat(result.cause()).isInstanceOf(TpApiException.Unavailable.class);
            assertThat(result.onCalendar()).isZero();
            assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofMinutes(2));
            assertThat(sandbox.requests()).hasSizeGreaterThan(1).allMatch(r -> r.status() == 503);
            assertThat(sandbox.workouts()).isEmpty();
            assertThat(ledger(sandbox.athleteId())).isEmpty();
        }
    }

    @Test
    void closedPort_endsUnavailable_andLeavesNoLedgerRow() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        VirtualClock time = VirtualClock.startingNow();
        try (TpClient client = TpClient.builder().baseUrl("http://127.0.0.1:" + port)
                .credentials(new dev.tpsync.core.credentials.BearerToken("not-used"))
                .clock(time).sleeper(time::sleep).maxWait(Duration.ofSeconds(30)).build()) {

            ImportResult result = ImportEngine.run(request(SandboxImports.plan(5), 777L), client, ImportListener.NONE);

            assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.UNAVAILABLE);
            assertThat(result.cause()).isInstanceOf(TpApiException.Unavailable.class)
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
            assertThat(time.sleepCount()).isPositive();
            assertThat(ledger(777L)).isEmpty();
        }
    }

    private ImportRequest request(Plan plan, long athleteId) {
        return new ImportRequest(plan, Path.of("fault-plan.csv"), SandboxImports.ANCHOR, athleteId, home, 10);
    }

    private List<LedgerEntry> ledger(long athleteId) {
        return LedgerReader.entries(home, athleteId);
    }
}
