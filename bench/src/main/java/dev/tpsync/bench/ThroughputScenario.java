package dev.tpsync.bench;

import dev.tpsync.batch.WorkoutBodyMapper;
import dev.tpsync.client.NewWorkout;
import dev.tpsync.client.TpClient;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.sandbox.RecordedRequest;
import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.TpSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Part (b): with no limit and no latency, workouts per second of the real engine against a bare keep-alive OkHttp
 * loop that POSTs the very bodies the engine sent (captured from the sandbox log), one after the other. A third
 * contender, TpClient called in a plain loop, splits the gap into client cost and engine (Batch + ledger) cost.
 * Each run gets a fresh sandbox; the median of the measured runs is reported.
 */
final class ThroughputScenario {

    static final double TARGET = 0.8;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private ThroughputScenario() {
    }

    static void run(BenchArgs a, Path workDir, ReportTable table, PrintStream log) throws IOException {
        int n = a.throughputN;
        Path csv = PlanCsv.write(workDir.resolve("throughput-" + n + ".csv"), n);
        Plan plan = EngineHarness.readPlan(csv);
        long athlete = SandboxConfig.DEFAULT_ATHLETE_ID;
        List<NewWorkout> workouts = plan.workouts().stream().map(w -> WorkoutBodyMapper.toNewWorkout(athlete, w)).toList();
        List<String> bodies = new ArrayList<>();

        List<Double> engineSteady = new ArrayList<>();
        List<Double> engineWall = new ArrayList<>();
        List<Double> engineClientShare = new ArrayList<>();
        List<Double> clientLoop = new ArrayList<>();
        List<Double> bareLoop = new ArrayList<>();
        int total = a.warmups + a.repeats;
        for (int i = 0; i < total; i++) {
            boolean measured = i >= a.warmups;
            log.printf("(b) %s %d/%d: engine, TpClient loop, bare loop, %d workouts each...%n",
                    measured ? "run" : "warm-up", measured ? i - a.warmups + 1 : i + 1, measured ? a.repeats : a.warmups, n);
            EngineHarness.Run e = engine(plan, csv, workDir, bodies);
            double c = clientLoop(workouts, n);
            double b = bareLoop(bodies, n);
            log.printf("    engine %.0f/s (write loop) %.0f/s (whole run), TpClient loop %.0f/s, bare loop %.0f/s%n",
                    Stats.perSecond(n, e.steadyNanos()), Stats.perSecond(n, e.wallNanos()), c, b);
            if (measured) {
                engineSteady.add(Stats.perSecond(n, e.steadyNanos()));
                engineWall.add(Stats.perSecond(n, e.wallNanos()));
                engineClientShare.add((double) e.clientNanos() / e.steadyNanos());
                clientLoop.add(c);
                bareLoop.add(b);
            }
        }
        double bare = Stats.median(bareLoop);
        double steady = Stats.median(engineSteady);
        double wall = Stats.median(engineWall);
        double client = Stats.median(clientLoop);
        double share = Stats.median(engineClientShare);
        String runs = " (median of " + a.repeats + ", N=" + n + ")";
        table.info("b", "bare OkHttp keep-alive loop, same bodies" + runs, Stats.fixed(bare, 0) + " workouts/s");
        table.info("b", "TpClient in a plain loop" + runs, Stats.fixed(client, 0) + " workouts/s ("
                + Stats.fixed(client / bare, 2) + " of bare)");
        table.info("b", "engine, write loop (first chunk to last commit)" + runs, Stats.fixed(steady, 0) + " workouts/s");
        table.info("b", "engine, whole ImportEngine.run incl. Spring/H2 start" + runs, Stats.fixed(wall, 0) + " workouts/s");
        table.check("b", "engine / bare loop, write loop", Stats.fixed(steady / bare, 2), ">= " + TARGET, steady / bare >= TARGET);
        table.check("b", "engine / bare loop, whole run", Stats.fixed(wall / bare, 2), ">= " + TARGET, wall / bare >= TARGET);
        double usPerWorkout = 1e6 / steady;
        double inClient = usPerWorkout * share;
        table.info("b", "  engine time per workout: in TpClient.createWorkout / rest (Batch, ledger)",
                Stats.fixed(inClient, 0) + " us / " + Stats.fixed(usPerWorkout - inClient, 0) + " us");
        table.info("b", "  bare loop time per request", Stats.fixed(1e6 / bare, 0) + " us");
    }

    private static EngineHarness.Run engine(Plan plan, Path csv, Path workDir, List<String> bodies) {
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults());
             TpClient client = EngineHarness.client(sandbox, sandbox.issueToken(EngineHarness.TOKEN_LIFETIME),
                     EngineHarness.UNLIMITED_RATE)) {
            EngineHarness.Run r = EngineHarness.run(plan, csv, EngineHarness.newHome(workDir, "throughput"),
                    sandbox.athleteId(), client);
            if (!r.result().outcome().name().equals("COMPLETED")) {
                throw new IllegalStateException("engine run ended " + r.result().outcome());
            }
            if (bodies.isEmpty()) {
                for (RecordedRequest q : sandbox.requests()) {
                    if (q.method().equals("POST")) {
                        bodies.add(q.body());
                    }
                }
            }
            return r;
        }
    }

    private static double clientLoop(List<NewWorkout> workouts, int n) {
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults());
             TpClient client = EngineHarness.client(sandbox, sandbox.issueToken(EngineHarness.TOKEN_LIFETIME),
                     EngineHarness.UNLIMITED_RATE)) {
            long t0 = System.nanoTime();
            for (NewWorkout w : workouts) {
                client.createWorkout(w.athleteId(), w);
            }
            return Stats.perSecond(n, System.nanoTime() - t0);
        }
    }

    private static double bareLoop(List<String> bodies, int n) throws IOException {
        if (bodies.size() != n) {
            throw new IllegalStateException("captured " + bodies.size() + " POST bodies for " + n + " workouts");
        }
        OkHttpClient http = new OkHttpClient();
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults())) {
            String auth = "Bearer " + sandbox.issueToken(EngineHarness.TOKEN_LIFETIME);
            String url = sandbox.baseUrl() + "/fitness/v6/athletes/" + sandbox.athleteId() + "/workouts";
            long t0 = System.nanoTime();
            for (String body : bodies) {
                Request request = new Request.Builder().url(url)
                        .header("Authorization", auth)
                        .header("Accept", "application/json")
                        .header("User-Agent", "tpsync-bench")
                        .post(RequestBody.create(body, JSON))
                        .build();
                try (Response response = http.newCall(request).execute()) {
                    String answer = response.body().string();
                    if (response.code() != 200 || answer.isEmpty()) {
                        throw new IllegalStateException("bare loop got HTTP " + response.code());
                    }
                }
            }
            return Stats.perSecond(n, System.nanoTime() - t0);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
