package dev.tpsync.bench;

import dev.tpsync.client.TpClient;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.sandbox.RecordedRequest;
import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.SandboxWorkout;
import dev.tpsync.sandbox.TpSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Part (c): HTTP requests per workout on a clean run (sandbox request log), and creates sent again after a restart:
 * the first token stops after a request budget (401), the second run resumes with a fresh token in the same state
 * directory, and every POST of the second run is compared with the bodies the first run already got created.
 */
final class RestartScenario {

    static final double TARGET_REQUESTS_PER_WORKOUT = 1.02;

    private RestartScenario() {
    }

    static void run(BenchArgs a, Path workDir, ReportTable table, PrintStream log) throws IOException {
        int n = a.restartN;
        Path csv = PlanCsv.write(workDir.resolve("restart-" + n + ".csv"), n);
        Plan plan = EngineHarness.readPlan(csv);

        log.printf("(c) clean run of %d workouts...%n", n);
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults());
             TpClient client = EngineHarness.client(sandbox, sandbox.issueToken(EngineHarness.TOKEN_LIFETIME),
                     EngineHarness.UNLIMITED_RATE)) {
            EngineHarness.run(plan, csv, EngineHarness.newHome(workDir, "clean"), sandbox.athleteId(), client);
            List<RecordedRequest> requests = sandbox.requests();
            double perWorkout = (double) requests.size() / n;
            table.check("c", "HTTP requests per workout, clean run (N=" + n + ", engine)",
                    Stats.fixed(perWorkout, 3) + " (" + byMethod(requests) + ")", "<= " + TARGET_REQUESTS_PER_WORKOUT,
                    perWorkout <= TARGET_REQUESTS_PER_WORKOUT);
        }

        int budget = a.effectiveRestartBudget();
        log.printf("(c) restart: first token allows %d requests, then a fresh token resumes...%n", budget);
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults())) {
            Path home = EngineHarness.newHome(workDir, "restart");
            EngineHarness.Run first;
            try (TpClient client = EngineHarness.client(sandbox,
                    sandbox.issueToken(EngineHarness.TOKEN_LIFETIME, budget), EngineHarness.UNLIMITED_RATE)) {
                first = EngineHarness.run(plan, csv, home, sandbox.athleteId(), client);
            }
            List<RecordedRequest> before = sandbox.requests();
            Set<String> createdBefore = new HashSet<>();
            for (RecordedRequest q : before) {
                if (q.method().equals("POST") && q.status() == 200) {
                    createdBefore.add(q.body());
                }
            }
            EngineHarness.Run second;
            try (TpClient client = EngineHarness.client(sandbox, sandbox.issueToken(EngineHarness.TOKEN_LIFETIME, 0),
                    EngineHarness.UNLIMITED_RATE)) {
                second = EngineHarness.run(plan, csv, home, sandbox.athleteId(), client);
            }
            List<RecordedRequest> all = sandbox.requests();
            List<RecordedRequest> after = all.subList(before.size(), all.size());
            long resent = after.stream().filter(q -> q.method().equals("POST") && createdBefore.contains(q.body())).count();
            long posts = all.stream().filter(q -> q.method().equals("POST")).count();
            long refused = all.stream().filter(q -> q.status() == 401).count();
            List<SandboxWorkout> calendar = sandbox.workouts();
            long distinct = calendar.stream().map(SandboxWorkout::title).distinct().count();

            table.info("c", "restart: run 1 (token budget " + budget + ") / run 2 (fresh token)",
                    first.result().outcome() + " after " + createdBefore.size() + " created / "
                            + second.result().outcome() + ", " + second.result().created() + " created, "
                            + second.result().alreadyPresent() + " already present");
            table.info("c", "  POSTs sent vs workouts (both runs)", posts + " POSTs (" + refused + " refused with 401) for "
                    + n + " workouts; requests by method " + byMethod(all));
            table.check("c", "  creates re-sent after restart", Long.toString(resent), "0", resent == 0);
            table.check("c", "  calendar after restart: workouts / distinct", calendar.size() + " / " + distinct,
                    n + " / " + n, calendar.size() == n && distinct == n);
        }
    }

    private static String byMethod(List<RecordedRequest> requests) {
        Map<String, Integer> counts = new TreeMap<>();
        for (RecordedRequest q : requests) {
            counts.merge(q.method(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((m, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(c).append(' ').append(m));
        return sb.toString();
    }
}
