package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.SandboxWorkout;
import dev.tpsync.sandbox.TpSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code tpsync import} in a child JVM against a sandbox in this JVM, killed mid-run
 * (SIGKILL) or stopped (SIGTERM), then run again: every workout ends up on the calendar exactly
 * once. Every wait is bounded, and a child left over by a failed assertion is killed.
 */
class CrashResumeTest {

    private static final int WORKOUTS = 150;
    private static final long START_TIMEOUT_S = 60;
    private static final long RUN_TIMEOUT_S = 90;

    @TempDir
    Path dir;

    private TpSandbox sandbox;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void startSandbox() throws IOException {
        // Each request takes ~20 ms, so the import lasts a few seconds and can be hit mid-run.
        sandbox = TpSandbox.start(SandboxConfig.defaults().latency(Duration.ofMillis(20)));
        StringBuilder csv = new StringBuilder("day,sport,title,duration_minutes,tss\n");
        for (int i = 1; i <= WORKOUTS; i++) {
            csv.append(i).append(',').append(i % 3 == 0 ? "Bike" : "Run").append(",Session ").append(i)
                    .append(',').append(30 + i % 40).append(',').append(20 + i % 50).append('\n');
        }
        Files.writeString(dir.resolve("plan.csv"), csv, StandardCharsets.UTF_8);
    }

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        sandbox.close();
    }

    @Test
    void killedWithSigkillMidImport_rerunCompletes_andEveryWorkoutIsOnTheCalendarOnce() throws Exception {
        Process first = startImport("first.log");
        waitForCreates(first, 20);

        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("the killed import ended").isTrue();
        assertThat(first.exitValue()).isNotZero();
        int createdBeforeKill = sandbox.createCount();
        assertThat(createdBeforeKill).as("killed before the end").isLessThan(WORKOUTS);

        Process second = startImport("second.log");
        assertThat(second.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)).as("the rerun ended").isTrue();

        assertThat(second.exitValue()).as(log("second.log")).isZero();
        assertThat(log("second.log")).contains("Done: all 150 workouts are on the calendar");
        assertEachWorkoutOnce();
        assertThat(sandbox.createCount()).isEqualTo(WORKOUTS);
        assertThat(sandbox.violations()).isEmpty();
    }

    @Test
    void sigtermMidImport_stopsAfterTheCurrentRequest_exits75WithTheResumeCommand_andTheRerunFinishes() throws Exception {
        Process first = startImport("first.log");
        waitForCreates(first, 20);

        first.destroy();   // SIGTERM
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("the stopped import ended").isTrue();

        String out = log("first.log");
        assertThat(first.exitValue()).as(out).isEqualTo(ExitCodes.RESUMABLE);
        assertThat(out).contains("tpsync: stopped: ")
                .contains("Why: the import was interrupted")
                .contains("To continue, run:")
                .contains("import " + dir.resolve("plan.csv"));
        int stoppedAt = sandbox.createCount();
        assertThat(stoppedAt).isLessThan(WORKOUTS);
        // Stopped cleanly: what the summary says is on the calendar is exactly what the sandbox holds.
        assertThat(out).contains("tpsync: stopped: " + stoppedAt + " of 150 workouts are on the calendar");

        Process second = startImport("second.log");
        assertThat(second.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)).as("the rerun ended").isTrue();

        assertThat(second.exitValue()).as(log("second.log")).isZero();
        assertEachWorkoutOnce();
        assertThat(sandbox.createCount()).isEqualTo(WORKOUTS);
    }

    private Process startImport(String logName) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                "dev.tpsync.cli.Main", "import", dir.resolve("plan.csv").toString(),
                "--start", "2026-03-02",
                "--api-url", sandbox.baseUrl().toString(),
                "--home", dir.resolve("home").toString(),
                "--rate", "100");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(devNull()));
        Map<String, String> env = pb.environment();
        env.remove("TPSYNC_HOME");
        env.remove("TPSYNC_API_URL");
        env.remove("TPSYNC_LAUNCHER");
        env.put("TP_TOKEN", sandbox.issueToken(Duration.ofHours(1)));   // a fresh token for every run
        env.put("TP_ATHLETE_ID", Long.toString(sandbox.athleteId()));
        Process p = pb.start();
        children.add(p);
        return p;
    }

    /** Polls (bounded) until the sandbox has stored {@code n} creates; fails if the child ends first. */
    private void waitForCreates(Process child, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        while (sandbox.createCount() < n) {
            assertThat(child.isAlive()).as("the import is still running: " + log("first.log")).isTrue();
            assertThat(System.nanoTime()).as("creates seen within " + START_TIMEOUT_S + " s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void assertEachWorkoutOnce() {
        Map<String, Long> byTitle = sandbox.workouts().stream()
                .collect(Collectors.groupingBy(w -> String.valueOf(w.title()), Collectors.counting()));
        assertThat(byTitle).hasSize(WORKOUTS).allSatisfy((title, count) -> assertThat(count).as(title).isEqualTo(1));
        Map<Long, SandboxWorkout> byId = sandbox.workouts().stream()
                .collect(Collectors.toMap(SandboxWorkout::workoutId, Function.identity()));
        assertThat(byId).hasSize(WORKOUTS);
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
