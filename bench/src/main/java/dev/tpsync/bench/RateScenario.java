package dev.tpsync.bench;

import dev.tpsync.client.TpClient;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.sandbox.RecordedRequest;
import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.TpSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Part (a): an import of N workouts against a sandbox limited to R requests/s (token bucket, 429 + Retry-After past
 * it), once with the client set to R and once with the client faster than the server.
 */
final class RateScenario {

    static final double TARGET = 0.95;

    private RateScenario() {
    }

    static void run(BenchArgs a, Path workDir, ReportTable table, PrintStream log) throws IOException {
        warmUp(workDir, log);
        Path csv = PlanCsv.write(workDir.resolve("rate-" + a.rateN + ".csv"), a.rateN);
        Plan plan = EngineHarness.readPlan(csv);
        int burst = a.effectiveServerBurst();
        String server = "server " + Stats.fixed(a.rate, 1) + "/s burst " + burst;
        double bound = a.rateN / a.rate;

        for (double clientRate : List.of(a.rate, a.rate * a.fastFactor)) {
            boolean intended = clientRate == a.rate;
            log.printf("(a) %d workouts, %s, client %.1f/s (bound %.1f s)...%n", a.rateN, server, clientRate, bound);
            RequestClock clock = new RequestClock();
            SandboxConfig config = SandboxConfig.defaults().rateLimit(a.rate, burst).faultPlan(clock);
            try (TpSandbox sandbox = TpSandbox.start(config)) {
                String token = sandbox.issueToken(EngineHarness.TOKEN_LIFETIME);
                EngineHarness.Run r;
                try (TpClient client = EngineHarness.client(sandbox, token, clientRate)) {
                    r = EngineHarness.run(plan, csv, EngineHarness.newHome(workDir, "rate"), sandbox.athleteId(), client);
                }
                List<RecordedRequest> requests = sandbox.requests();
                long tooMany = requests.stream().filter(q -> q.status() == 429).count();
                int onCalendar = sandbox.workouts().size();
                double use = Stats.rateUse(a.rateN, a.rate, r.wallNanos());
                double useSteady = Stats.rateUse(a.rateN, a.rate, r.steadyNanos());
                String label = "client " + Stats.fixed(clientRate, 1) + "/s" + (intended ? " (= R)" : " (" + Stats.fixed(a.fastFactor, 1) + " x R)");
                String figure = Stats.fixed(use, 3) + " (" + Stats.seconds(r.wallNanos()) + " vs N/R " + Stats.fixed(bound, 2) + " s)";
                String target = ">= " + TARGET + " (<= " + Stats.fixed(bound / TARGET, 2) + " s)";
                if (intended) {
                    table.check("a", "N=" + a.rateN + ", " + server + ", " + label + ": rate reached, whole import",
                            figure, target, use >= TARGET);
                } else {
                    table.info("a", "N=" + a.rateN + ", " + server + ", " + label + ": rate reached, whole import",
                            figure + "; target " + target + " " + (use >= TARGET ? "met" : "not met"));
                }
                table.info("a", "  " + label + ": write loop only (first chunk to last commit)",
                        Stats.fixed(useSteady, 3) + " (" + Stats.seconds(r.steadyNanos()) + ")");
                table.check("a", "  " + label + ": 429s honoured, each workout created once",
                        tooMany + " x 429, " + r.result().outcome() + ", " + sandbox.createCount() + " created, "
                                + onCalendar + " on calendar",
                        "COMPLETED, " + a.rateN + " created",
                        r.result().outcome().name().equals("COMPLETED") && sandbox.createCount() == a.rateN
                                && onCalendar == a.rateN);
                log.printf("    %s in %s, %d x 429, ratio %.3f%n", r.result().outcome(), Stats.seconds(r.wallNanos()),
                        tooMany, use);
            }
        }
    }

    /** One small unlimited import so that class loading and JIT do not land on the first timed run. */
    static void warmUp(Path workDir, PrintStream log) throws IOException {
        log.println("(a) warm-up import of 100 workouts...");
        Path csv = PlanCsv.write(workDir.resolve("warmup-100.csv"), 100);
        Plan plan = EngineHarness.readPlan(csv);
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults());
             TpClient client = EngineHarness.client(sandbox, sandbox.issueToken(EngineHarness.TOKEN_LIFETIME),
                     EngineHarness.UNLIMITED_RATE)) {
            EngineHarness.run(plan, csv, EngineHarness.newHome(workDir, "warmup"), sandbox.athleteId(), client);
        }
    }
}
