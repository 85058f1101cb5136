package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tpsync.sandbox.RecordedRequest;
import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.SandboxWorkout;
import dev.tpsync.sandbox.TpSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product, in-process: the real plan reader, token parser, {@link dev.tpsync.client.TpClient},
 * Spring Batch engine and ledger, against the simulated TrainingPeaks reached over HTTP with
 * {@code --api-url}. Only the terminal and the environment variables are test doubles.
 */
class EndToEndImportTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final String[] SPORTS = {"Run", "Bike", "Swim", "Strength", "Day Off", "Walk", "Rowing", "MTB"};
    private static final int[] TYPE_IDS = {3, 2, 1, 9, 7, 13, 12, 8};

    @TempDir
    Path dir;

    private TpSandbox sandbox;
    private Path home;
    private Path plan;

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = TpSandbox.start(SandboxConfig.defaults());
        home = dir.resolve("state");
        plan = dir.resolve("plan.csv");
        Files.writeString(plan, trainingDojoPlan(150), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void expiredTokenStopsWith75AndTheSameCommandWithAFreshTokenFinishesExactlyOnce() throws IOException {
        // The first token stops working after 61 requests: the account lookup plus 60 creates.
        String firstToken = sandbox.issueToken(Duration.ofHours(1), 61);
        Run first = run(firstToken, importArgs());

        assertThat(first.exit).as(first.output()).isEqualTo(ExitCodes.RESUMABLE);
        assertThat(first.output())
                .contains("60 of 150 workouts are on the calendar")
                .contains("expired")
                .contains("import " + plan + " --start 2027-01-04");
        assertThat(sandbox.workouts()).hasSize(60);

        String secondToken = sandbox.issueToken(Duration.ofHours(1));
        Run second = run(secondToken, importArgs());

        assertThat(second.exit).as(second.output()).isEqualTo(ExitCodes.OK);
        assertThat(second.output()).contains("created now:     90").contains("already present: 0");
        assertEveryPlanRowIsOnTheCalendarExactlyOnce();
        // One accepted POST per workout over both runs, plus the one the expired token had refused:
        // nothing was re-sent.
        assertThat(posts().stream().filter(r -> r.status() == 200).count()).isEqualTo(150);
        assertThat(posts().stream().filter(r -> r.status() == 401).count()).isEqualTo(1);
        assertThat(sandbox.createCount()).isEqualTo(150);
        assertThat(sandbox.violations()).isEmpty();

        for (String token : List.of(firstToken, secondToken)) {
            assertThat(first.output() + second.output()).doesNotContain(token);
            assertNoFileUnder(home, token);
        }
        assertNoFileUnder(home, "Bearer ");
    }

    @Test
    void withConcurrencyFour_anExpiredTokenStopsWith75_andTheRerunFinishesExactlyOnce() throws IOException {
        String[] args = Stream.concat(Stream.of(importArgs()), Stream.of("--concurrency", "4")).toArray(String[]::new);
        Run first = run(sandbox.issueToken(Duration.ofHours(1), 61), args);

        assertThat(first.exit).as(first.output()).isEqualTo(ExitCodes.RESUMABLE);
        assertThat(first.output()).contains("60 of 150 workouts are on the calendar").contains("--concurrency 4");
        assertThat(sandbox.workouts()).hasSize(60);

        Run second = run(sandbox.issueToken(Duration.ofHours(1)), args);

        assertThat(second.exit).as(second.output()).isEqualTo(ExitCodes.OK);
        assertThat(second.output()).contains("created now:     90").contains("already present: 0");
        assertEveryPlanRowIsOnTheCalendarExactlyOnce();
        // The creates in flight when the token ran out were refused too; none was sent again after it landed.
        assertThat(posts().stream().filter(r -> r.status() == 200).count()).isEqualTo(150);
        assertThat(posts().stream().filter(r -> r.status() == 401).count()).isBetween(1L, 4L);
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("GET") && r.status() == 200
                && r.path().contains("/workouts/"));
        assertThat(sandbox.violations()).isEmpty();
    }

    @Test
    void aCompletedImportIsUpToDateAndSendsNothing() throws IOException {
        String token = sandbox.issueToken(Duration.ofHours(1));
        assertThat(run(token, importArgs()).exit).isEqualTo(ExitCodes.OK);
        sandbox.clearRequests();

        Run again = run(token, importArgs());

        assertThat(again.exit).as(again.output()).isEqualTo(ExitCodes.OK);
        assertThat(again.output()).containsIgnoringCase("up to date");
        assertThat(posts()).isEmpty();
        assertThat(sandbox.workouts()).hasSize(150);
    }

    @Test
    void anInvalidPlanListsEveryProblemExitsWith65AndSendsNoRequest() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, """
                day,sport,subtype,title,duration_minutes,tss,description,phase
                1,Run,,Easy run,45,40,,Base
                2,Swimm,,Drills,40,30,,Base
                0,Bike,,Spin,sixty,20,,Base
                4,Run,,,45,-5,,Base
                """, StandardCharsets.UTF_8);
        String token = sandbox.issueToken(Duration.ofHours(1));

        Run run = run(token, "import", bad.toString(), "--start", "2027-01-04", "--api-url", sandbox.baseUrl().toString(),
                "--home", home.toString());

        assertThat(run.exit).as(run.output()).isEqualTo(ExitCodes.INVALID_PLAN);
        assertThat(run.output())
                .contains("bad.csv:3: sport: \"Swimm\"")
                .contains("bad.csv:4: day: \"0\"")
                .contains("bad.csv:4: duration_minutes: \"sixty\"")
                .contains("bad.csv:5: title")
                .contains("bad.csv:5: tss: \"-5\"");
        assertThat(sandbox.requests()).isEmpty();
        assertThat(sandbox.workouts()).isEmpty();
    }

    private void assertEveryPlanRowIsOnTheCalendarExactlyOnce() {
        List<SandboxWorkout> stored = sandbox.workouts();
        assertThat(stored).hasSize(150);
        Map<String, SandboxWorkout> byTitle = new HashMap<>();
        for (SandboxWorkout w : stored) {
            assertThat(byTitle.put(w.title(), w)).as("duplicate %s", w.title()).isNull();
        }
        for (int day = 1; day <= 150; day++) {
            SandboxWorkout w = byTitle.get(title(day));
            assertThat(w).as("workout of day %d", day).isNotNull();
            assertThat(w.workoutDay()).isEqualTo(START.plusDays(day - 1));
            assertThat(w.workoutTypeValueId()).isEqualTo(TYPE_IDS[day % SPORTS.length]);
            assertThat(w.description()).isEqualTo(description(day));
            if (isDayOff(day)) {
                assertThat(w.totalTimePlanned()).isNull();
                assertThat(w.tssPlanned()).isNull();
            } else {
                assertThat(w.totalTimePlanned()).isCloseTo(minutes(day) / 60.0, within(1e-9));
                assertThat(w.tssPlanned()).isEqualTo((double) tss(day));
            }
        }
    }

    private List<RecordedRequest> posts() {
        return sandbox.requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    private String[] importArgs() {
        return new String[] {"import", plan.toString(), "--start", "2027-01-04", "--api-url", sandbox.baseUrl().toString(),
                "--home", home.toString(), "--rate", "100"};
    }

    private static String trainingDojoPlan(int days) {
        StringBuilder csv = new StringBuilder("day,sport,subtype,title,duration_minutes,tss,description,phase\n");
        for (int day = 1; day <= days; day++) {
            String sport = SPORTS[day % SPORTS.length];
            csv.append(day).append(',').append(sport).append(",,").append(title(day)).append(',');
            if (!isDayOff(day)) {
                csv.append(minutes(day)).append(',').append(tss(day));
            } else {
                csv.append(',');
            }
            csv.append(",\"").append(description(day).replace("\"", "\"\"")).append("\",Base\n");
        }
        return csv.toString();
    }

    private static boolean isDayOff(int day) {
        return SPORTS[day % SPORTS.length].equals("Day Off");
    }

    private static String title(int day) {
        return "Session " + day;
    }

    private static int minutes(int day) {
        return 20 + (day * 7) % 160;
    }

    private static int tss(int day) {
        return 10 + (day * 3) % 120;
    }

    private static String description(int day) {
        return day % 10 == 0
                ? "Warm up 15', then 3 x 8' \"steady\", 2' easy;\nfinish with 10' easy — día " + day
                : "Day " + day + ", keep it easy.";
    }

    private static void assertNoFileUnder(Path root, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(indexOf(Files.readAllBytes(f), needle)).as("%s contains a secret", f).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Run run(String token, String... args) {
        CliHarness cli = new CliHarness();
        cli.env.put("TP_TOKEN", token);
        cli.userHome = dir;
        int exit = Main.execute(args, cli.productionDeps());
        return new Run(exit, cli.out(), cli.err());
    }

    private record Run(int exit, String out, String err) {
        String output() {
            return out + err;
        }
    }

}
