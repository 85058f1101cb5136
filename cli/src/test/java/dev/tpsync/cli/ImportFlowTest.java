package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.batch.ImportRequest;
import dev.tpsync.batch.ImportResult.Outcome;
import dev.tpsync.client.TpApiException;
import dev.tpsync.core.plan.InvalidPlanException;
import dev.tpsync.core.plan.PlanProblem;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import itself: plan validation first, then progress, summary and resume instructions. */
class ImportFlowTest {

    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void token() {
        cli.env.put("TP_TOKEN", "Bearer " + CliHarness.SECRET);
    }

    @Test
    void invalidPlanExits65ListingEveryProblemAndCreatesNoClient() {
        cli.plans = (file, options) -> {
            throw new InvalidPlanException(List.of(
                    new PlanProblem("plan.csv", 3, "sport", "swimm", "unknown sport"),
                    new PlanProblem("plan.csv", 7, "date", "2026-02-30", "not a date")));
        };

        int code = cli.run("import", "plan.csv");

        assertThat(code).isEqualTo(65);
        assertThat(cli.err()).contains("2 problems")
                .contains("plan.csv:3: sport: \"swimm\": unknown sport\n")
                .contains("plan.csv:7: date: \"2026-02-30\": not a date\n")
                .contains("Nothing was uploaded");
        assertThat(cli.apisOpened).isZero();
        assertThat(cli.engine.requests).isEmpty();
    }

    @Test
    void invalidPlanIsReportedBeforeAskingForAToken() {
        cli.env.clear();
        cli.interactive = true;
        cli.promptAnswer = "tok-12345678".toCharArray();
        cli.plans = (file, options) -> {
            throw new InvalidPlanException(List.of(new PlanProblem("plan.csv", 0, null, null, "the plan is empty")));
        };

        assertThat(cli.run("import", "plan.csv")).isEqualTo(65);
        assertThat(cli.err()).contains("plan.csv: the plan is empty");
        assertThat(cli.promptCount).isZero();
    }

    @Test
    void unreadablePlanExits66() {
        cli.plans = (file, options) -> {
            throw new NoSuchFileException(file.toString());
        };

        assertThat(cli.run("import", "missing.csv")).isEqualTo(66);
        assertThat(cli.err()).contains("missing.csv").contains("no such file");
        assertThat(cli.apisOpened).isZero();
    }

    @Test
    void startDateIsPassedToTheReaderAndUsedAsTheAnchor() {
        LocalDate[] seen = new LocalDate[1];
        cli.plans = (file, options) -> {
            seen[0] = options.start();
            return CliHarness.plan(3);
        };

        assertThat(cli.run("import", "plan.csv", "--start", "2026-04-06", "--chunk-size", "7")).isZero();
        assertThat(seen[0]).isEqualTo(LocalDate.of(2026, 4, 6));
        ImportRequest request = cli.engine.requests.get(0);
        assertThat(request.anchor()).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(request.chunkSize()).isEqualTo(7);
        assertThat(request.planFile()).isEqualTo(Path.of("plan.csv"));
    }

    @Test
    void concurrencyIsPassedToTheEngine_oneWhenNotGiven_andKeptInTheResumeCommand() {
        assertThat(cli.run("import", "plan.csv")).isZero();
        cli.engine.result = CliHarness.result(Outcome.INTERRUPTED, 10, 4, 0, 4, null);

        assertThat(cli.run("import", "plan.csv", "--concurrency", "4")).isEqualTo(75);
        assertThat(cli.engine.concurrencies).containsExactly(1, 4);
        assertThat(cli.err()).contains(" import plan.csv --concurrency 4\n");
    }

    @Test
    void withoutStartTheAnchorIsThePlansFirstDay() {
        assertThat(cli.run("import", "plan.csv")).isZero();
        assertThat(cli.engine.requests.get(0).anchor()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void withoutTerminalProgressIsOneLogLinePerChunk() {
        cli.interactive = false;
        cli.engine.chunks.addAll(List.of(new int[] {1}, new int[] {2}, new int[] {3}));

        assertThat(cli.run("import", "plan.csv")).isZero();

        List<String> progress = cli.out().lines().filter(l -> l.startsWith("tpsync: ")).toList();
        assertThat(progress).containsExactly(
                "tpsync: plan.csv: 3 workouts to put on the calendar",
                "tpsync: 1/3 workouts on the calendar (through 2026-03-02)",
                "tpsync: 2/3 workouts on the calendar (through 2026-03-03)",
                "tpsync: 3/3 workouts on the calendar (through 2026-03-04)");
        assertThat(cli.out()).doesNotContain("\r");
    }

    @Test
    void onATerminalProgressIsOneBarRedrawnInPlace() {
        cli.interactive = true;
        cli.engine.chunks.addAll(List.of(new int[] {1}, new int[] {3}));

        assertThat(cli.run("import", "plan.csv")).isZero();

        assertThat(cli.out()).contains("\r[" + ".".repeat(30) + "] 0/3")
                .contains("\r[" + "#".repeat(10) + ".".repeat(20) + "] 1/3  2026-03-02")
                .contains("\r[" + "#".repeat(30) + "] 3/3  2026-03-04\n");
    }

    @Test
    void completedImportPrintsTheSummary() {
        cli.engine.result = CliHarness.result(Outcome.COMPLETED, 3, 2, 1, 3, null);

        assertThat(cli.run("import", "plan.csv")).isZero();
        assertThat(cli.out()).contains("Done: all 3 workouts are on the calendar (2026-03-02 to 2026-03-04)")
                .contains("created now:     2").contains("already present: 1").contains("elapsed:         1 min 23 s");
    }

    @Test
    void upToDateSaysSoAndExits0() {
        cli.engine.result = CliHarness.result(Outcome.UP_TO_DATE, 3, 0, 3, 3, null);

        assertThat(cli.run("import", "plan.csv")).isZero();
        assertThat(cli.out()).contains("up to date: all 3 workouts are already on the calendar".replace("up", "Up"));
    }

    @Test
    void expiredTokenMidImportExits75WithTheExactCommandToContinue() {
        cli.engine.result = CliHarness.result(Outcome.TOKEN_EXPIRED, 150, 60, 10, 70,
                new TpApiException.TokenExpired("POST", "/fitness/v6/athletes/1234/workouts", "401"));

        int code = cli.run("import", "my plans/spring 'A'.csv", "--start", "2026-03-02", "--chunk-size", "5");

        assertThat(code).isEqualTo(75);
        assertThat(cli.err()).contains("70 of 150 workouts are on the calendar")
                .contains("token expired")
                .contains("TP_TOKEN")
                .contains("  java -jar build/tpsync.jar import 'my plans/spring '\\''A'\\''.csv' "
                        + "--start 2026-03-02 --chunk-size 5\n");
    }

    @Test
    void resumeCommandUsesTheLauncherWhenStartedByTheScript() {
        cli.env.put("TPSYNC_LAUNCHER", "./tpsync");
        cli.engine.result = CliHarness.result(Outcome.INTERRUPTED, 10, 4, 0, 4, null);

        assertThat(cli.run("import", "plan.csv", "--home", "/tmp/my home")).isEqualTo(75);
        assertThat(cli.err()).contains("4 of 10 workouts are on the calendar").contains("interrupted")
                .contains("  ./tpsync import plan.csv --home '/tmp/my home'\n");
    }

    @Test
    void resumeAfterExpiryWithATokenFileNamesTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("tok");
        java.nio.file.Files.writeString(file, "Bearer " + CliHarness.SECRET);
        cli.env.clear();
        cli.engine.result = CliHarness.result(Outcome.TOKEN_EXPIRED, 10, 4, 0, 4, null);

        assertThat(cli.run("import", "plan.csv", "--token-file", file.toString())).isEqualTo(75);
        assertThat(cli.err()).contains("Put the fresh token in the file " + file)
                .contains("--token-file " + file);
    }

    @Test
    void unavailableMidImportExits75AndNamesThePatience() {
        cli.engine.result = CliHarness.result(Outcome.UNAVAILABLE, 10, 4, 0, 4,
                new TpApiException.Unavailable("POST", "/fitness/v6/athletes/1234/workouts", "HTTP 503 for 10 min", null));

        assertThat(cli.run("import", "plan.csv", "--max-wait", "10m")).isEqualTo(75);
        assertThat(cli.err()).contains("unavailable for longer than --max-wait 10 min 0 s").contains("HTTP 503");
    }

    @Test
    void forbiddenWriteExits77WithTrainingPeaksMessage() {
        cli.engine.result = CliHarness.result(Outcome.FORBIDDEN, 10, 4, 0, 4,
                new TpApiException.Forbidden("POST", "/fitness/v6/athletes/1234/workouts", "Basic athletes cannot plan future workouts"));

        assertThat(cli.run("import", "plan.csv")).isEqualTo(77);
        assertThat(cli.err()).contains("Basic athletes cannot plan future workouts").contains("4 of 10");
    }

    @Test
    void failedImportExits1WithAShortMessageAndTheTraceOnlyWithDebug() {
        TpApiException cause = new TpApiException.InvalidResponse(200, "POST", "/fitness/v6/athletes/1234/workouts", "no workoutId");
        cli.engine.result = CliHarness.result(Outcome.FAILED, 10, 4, 0, 4, cause);

        assertThat(cli.run("import", "plan.csv")).isEqualTo(1);
        assertThat(cli.err()).contains("the import failed: no workoutId").doesNotContain("\tat ");

        CliHarness debug = new CliHarness();
        debug.env.putAll(cli.env);
        debug.engine.result = cli.engine.result;
        assertThat(debug.run("import", "plan.csv", "--debug")).isEqualTo(1);
        assertThat(debug.err()).contains("InvalidResponse").contains("\tat ");
    }

    @Test
    void anUnexpectedExceptionIsABugExit1() {
        cli.plans = (file, options) -> {
            throw new IllegalStateException("boom");
        };

        assertThat(cli.run("import", "plan.csv")).isEqualTo(1);
        assertThat(cli.err()).contains("unexpected error: IllegalStateException: boom").contains("--debug")
                .doesNotContain("\tat ");
    }

    @Test
    void anotherImportHoldingTheStateDirectoryIsResumableNotABug() {
        cli.engine.failure = new dev.tpsync.batch.StateDirectoryBusyException(
                "another tpsync import is already running with state directory /x");

        int code = cli.run("import", "plan.csv");

        assertThat(code).isEqualTo(ExitCodes.RESUMABLE);
        assertThat(cli.err()).contains("another tpsync import is already running")
                .contains("Nothing was sent").doesNotContain("unexpected error");
    }

    @Test
    void sandboxIgnoresTheRealAthleteIdInTheEnvironment() {
        cli.env.clear();
        cli.env.put("TP_ATHLETE_ID", "4242");
        cli.api.user = CliHarness.athleteAccount(777);

        int code = cli.run("import", "plan.csv", "--sandbox", "--home", "/tmp/tpsync-home");

        assertThat(code).isZero();
        assertThat(cli.engine.requests.get(0).athleteId()).isEqualTo(777);
    }

    @Test
    void sandboxUsesTheSimulatedServerAndSaysSo() {
        cli.env.clear();
        cli.api.user = CliHarness.athleteAccount(777);

        int code = cli.run("import", "plan.csv", "--sandbox", "--home", "/tmp/tpsync-home");

        assertThat(code).isZero();
        assertThat(cli.sandbox.dir).isEqualTo(Path.of("/tmp/tpsync-home/sandbox"));
        assertThat(cli.sandbox.tokenLifetime).isEqualTo(Duration.ofHours(1));
        assertThat(cli.sandbox.closed).isTrue();
        assertThat(cli.openedBaseUrl).isEqualTo("http://127.0.0.1:40123");
        assertThat(cli.engine.requests.get(0).athleteId()).isEqualTo(777);
        assertThat(cli.engine.requests.get(0).home()).isEqualTo(Path.of("/tmp/tpsync-home/sandbox"));
        assertThat(cli.out()).contains("simulated TrainingPeaks").contains("nothing reaches a real TrainingPeaks account");
        assertThat(cli.all()).doesNotContain(CliHarness.SECRET);
    }
}
