package dev.tpsync.bench;

import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.TpSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Part (d): the real CLI jar as a child process ({@code java -jar tpsync.jar import ...}) against a sandbox in this
 * JVM with no limit and no latency. Time to first request is measured from just before {@code Process.start()} to
 * the sandbox's first request, both on this JVM's {@link System#nanoTime()} (the sandbox's fault-plan hook stamps
 * it). Peak RSS is the child's {@code VmHWM}, polled from {@code /proc} every 50 ms until it exits or is stopped.
 */
final class CliScenario {

    /** Our own criterion for "flat": the large plan's peak RSS at most this many times the small plan's. */
    static final double FLAT_FACTOR = 1.5;

    private CliScenario() {
    }

    record CliRun(int workouts, long toFirstRequest, long toFirstPost, long peakRssKib, boolean cut, long ranNanos,
                  int created, int requests, int exitCode) {
    }

    static void run(BenchArgs a, Path workDir, ReportTable table, PrintStream log) throws IOException, InterruptedException {
        Path jar = a.cliJar.toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with ./mvnw -q -B -DskipTests -pl cli -am package");
        }
        long smallLimit = (long) Math.ceil(a.cliSmall / a.cliRate) + 60;
        CliRun small = once(a, jar, workDir, a.cliSmall, smallLimit, log);
        CliRun large = once(a, jar, workDir, a.cliLarge, a.cliWindowSeconds, log);
        for (CliRun r : List.of(small, large)) {
            String label = "CLI, " + r.workouts() + " workouts";
            table.info("d", label + ": process start to first request (GET user)", Stats.millis(r.toFirstRequest()));
            table.info("d", label + ": process start to first POST (after Spring start)",
                    r.toFirstPost() < 0 ? "none" : Stats.millis(r.toFirstPost()));
            table.info("d", label + ": peak RSS (VmHWM)" + (r.cut() ? ", first " + Stats.seconds(r.ranNanos()) + " (stopped)" : ""),
                    Stats.mebibytes(r.peakRssKib()) + "; " + r.created() + " created, " + r.requests() + " requests"
                            + (r.cut() ? ", stopped by the benchmark" : ", exit " + r.exitCode()));
        }
        if (!small.cut() && small.created() == small.workouts()) {
            table.info("d", "CLI, " + small.workouts() + " workouts: requests per workout (GET user included)",
                    Stats.fixed((double) small.requests() / small.workouts(), 3));
        }
        double factor = (double) large.peakRssKib() / small.peakRssKib();
        long perWorkoutBytes = Math.round((large.peakRssKib() - small.peakRssKib()) * 1024.0
                / (large.workouts() - small.workouts()));
        table.check("d", "peak RSS " + large.workouts() + " vs " + small.workouts() + " workouts",
                Stats.fixed(factor, 2) + " x (" + perWorkoutBytes + " bytes per extra workout)",
                "flat: <= " + FLAT_FACTOR + " x (our bar)", factor <= FLAT_FACTOR);
    }

    static CliRun once(BenchArgs a, Path jar, Path workDir, int n, long limitSeconds, PrintStream log)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(workDir, "cli-" + n + "-");
        Path csv = PlanCsv.write(dir.resolve("plan-" + n + ".csv"), n);
        RequestClock clock = new RequestClock();
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults().faultPlan(clock))) {
            Path tokenFile = dir.resolve("token");
            Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tokenFile, "Bearer " + sandbox.issueToken(EngineHarness.TOKEN_LIFETIME));

            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(a.cliJavaOpts);
            cmd.addAll(List.of("-jar", jar.toString(), "import", csv.toString(),
                    "--api-url", sandbox.baseUrl().toString(), "--token-file", tokenFile.toString(),
                    "--home", dir.resolve("home").toString(), "--rate", Stats.fixed(a.cliRate, 3)));
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile());
            Map<String, String> env = pb.environment();
            for (String k : List.of("TP_TOKEN", "TP_ATHLETE_ID", "TPSYNC_HOME", "TPSYNC_API_URL", "TPSYNC_LAUNCHER",
                    "JAVA_TOOL_OPTIONS")) {
                env.remove(k);
            }
            log.printf("(d) CLI import of %d workouts (stopped after %d s if still running)...%n", n, limitSeconds);
            long t0 = System.nanoTime();
            Process p = pb.start();
            long limit = TimeUnit.SECONDS.toNanos(limitSeconds);
            long peak = 0;
            boolean cut = false;
            while (true) {
                OptionalLong hwm = ProcStatus.peakRssKib(p.pid());
                if (hwm.isPresent()) {
                    peak = Math.max(peak, hwm.getAsLong());
                }
                if (p.waitFor(50, TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (System.nanoTime() - t0 > limit) {
                    hwm = ProcStatus.peakRssKib(p.pid());
                    if (hwm.isPresent()) {
                        peak = Math.max(peak, hwm.getAsLong());
                    }
                    cut = true;
                    p.destroy();
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor();
                    }
                    break;
                }
            }
            long ran = System.nanoTime() - t0;
            int exit = p.exitValue();
            long first = clock.first() == RequestClock.NONE ? -1 : clock.first() - t0;
            long firstPost = clock.firstPost() == RequestClock.NONE ? -1 : clock.firstPost() - t0;
            CliRun r = new CliRun(n, first, firstPost, peak, cut, ran, sandbox.createCount(), sandbox.requests().size(), exit);
            log.printf("    first request %s, first POST %s, peak RSS %s, %d created, %s%n", Stats.millis(first),
                    firstPost < 0 ? "none" : Stats.millis(firstPost), Stats.mebibytes(peak), r.created(),
                    cut ? "stopped after " + Stats.seconds(ran) : "exit " + exit + " after " + Stats.seconds(ran));
            if (!cut && exit != 0) {
                log.println("    CLI stderr: " + Files.readString(dir.resolve("stderr.txt")).strip());
            }
            return r;
        }
    }
}
