package dev.tpsync.cli;

import dev.tpsync.batch.ImportListener;
import dev.tpsync.batch.ImportRequest;
import dev.tpsync.batch.ImportResult;
import dev.tpsync.batch.ImportResult.Outcome;
import dev.tpsync.batch.StopSignal;
import dev.tpsync.client.CalendarWorkout;
import dev.tpsync.client.CreatedWorkout;
import dev.tpsync.client.NewWorkout;
import dev.tpsync.client.TpApi;
import dev.tpsync.client.TpApiException;
import dev.tpsync.client.TpUser;
import dev.tpsync.core.credentials.BearerToken;
import dev.tpsync.core.credentials.CredentialException;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlannedWorkout;
import dev.tpsync.core.plan.Sport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Runs the CLI in-process against fakes for every seam and captures what it printed. */
final class CliHarness {

    /** A recognisable token: tests assert it never shows up in any output. */
    static final String SECRET = "eyJSECRET.c2VjcmV0LXBheWxvYWQ.SIGNATURE-xyzzy-4242";
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    final StringWriter outBuffer = new StringWriter();
    final StringWriter errBuffer = new StringWriter();
    final Map<String, String> env = new HashMap<>();
    final Map<String, Instant> expiries = new HashMap<>();
    final FakeApi api = new FakeApi();
    final FakeEngine engine = new FakeEngine();
    final FakeSandbox sandbox = new FakeSandbox();

    boolean interactive;
    char @Nullable [] promptAnswer;
    int promptCount;
    String promptExplanation = "";
    Path userHome = Path.of("/home/runner");
    PlanSource plans = (file, options) -> plan(3);
    int plansRead;

    int apisOpened;
    @Nullable String openedBaseUrl;
    @Nullable BearerToken openedToken;
    double openedRate;
    @Nullable Duration openedMaxWait;
    @Nullable RuntimeException openFailure;

    int run(String... args) {
        return Main.execute(args, deps());
    }

    CliDeps deps() {
        PlanSource countingPlans = (file, options) -> {
            plansRead++;
            return plans.read(file, options);
        };
        ApiFactory apis = (baseUrl, token, rate, maxWait) -> {
            apisOpened++;
            openedBaseUrl = baseUrl;
            openedToken = token;
            openedRate = rate;
            openedMaxWait = maxWait;
            if (openFailure != null) {
                throw openFailure;
            }
            return api;
        };
        return new CliDeps(countingPlans, new FakeCodec(), apis, engine, dir -> sandbox.startedIn(dir),
                terminal(), environment(), Clock.fixed(NOW, ZONE), "build/tpsync.jar");
    }

    /** The real plan reader, token parser, client, engine and sandbox; only the terminal and environment are fakes. */
    CliDeps productionDeps() {
        return new CliDeps(dev.tpsync.core.plan.PlanReaders::read, CredentialCodec.standard(), ApiFactory.standard(),
                EngineRunner.standard(), SandboxLauncher.standard(), terminal(), environment(),
                Clock.systemDefaultZone(), "tpsync.jar");
    }

    private Terminal terminal() {
        return Terminal.of(new PrintWriter(outBuffer, true), new PrintWriter(errBuffer, true), () -> interactive,
                (explanation, prompt) -> {
                    promptCount++;
                    promptExplanation = explanation;
                    return interactive && promptAnswer != null ? promptAnswer.clone() : null;
                });
    }

    private Environment environment() {
        return new Environment() {
            @Override
            public @Nullable String get(String name) {
                return env.get(name);
            }

            @Override
            public Path userHome() {
                return userHome;
            }
        };
    }

    String out() {
        return outBuffer.toString();
    }

    String err() {
        return errBuffer.toString();
    }

    String all() {
        return out() + err();
    }

    static Plan plan(int workouts) {
        List<PlannedWorkout> list = new ArrayList<>();
        for (int i = 0; i < workouts; i++) {
            list.add(new PlannedWorkout(LocalDate.of(2026, 3, 2).plusDays(i), Sport.RUN, "Run " + (i + 1),
                    Duration.ofMinutes(45), null, null, null, null, null, i + 2));
        }
        return new Plan("plan.csv", list);
    }

    static TpUser athleteAccount(long id) {
        return new TpUser(id, id, "Ada", "Runner", true, false, List.of(new TpUser.Athlete(id, "Ada", "Runner")));
    }

    static TpUser coachAccount(long id, TpUser.Athlete... roster) {
        return new TpUser(id, id, "Cora", "Coach", false, true, List.of(roster));
    }

    static ImportResult result(Outcome outcome, int total, int created, int alreadyPresent, int onCalendar,
                               @Nullable TpApiException cause) {
        return new ImportResult(outcome, total, created, alreadyPresent, onCalendar, LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 2).plusDays(total - 1), Duration.ofSeconds(83), cause);
    }

    /** Strips an optional {@code Bearer } prefix; "bad" inside means a copy mistake. */
    /** Notes the fake parser reports for every token it accepts, as the real one does for copy mistakes. */
    List<String> tokenNotes = List.of();

    final class FakeCodec implements CredentialCodec {
        @Override
        public dev.tpsync.core.credentials.TokenParser.ParsedToken parseTokenWithNotes(String pasted) {
            return new dev.tpsync.core.credentials.TokenParser.ParsedToken(parseToken(pasted), tokenNotes);
        }

        @Override
        public BearerToken parseToken(String pasted) {
            String t = pasted.strip();
            if (t.startsWith("Bearer ")) {
                t = t.substring("Bearer ".length()).strip();
            }
            if (t.startsWith("leak")) {
                // A careless parser that echoes what it was given: the CLI must still not print it.
                throw new CredentialException("cannot use '" + t + "'");
            }
            if (t.contains("bad")) {
                throw new CredentialException("the token contains a line break; copy it again in one piece");
            }
            return new BearerToken(t);
        }

        @Override
        public Optional<Instant> expiry(BearerToken token) {
            return Optional.ofNullable(expiries.get(token.token()));
        }

        @Override
        public long parseAthlete(String pasted) {
            try {
                return Long.parseLong(pasted.strip());
            } catch (NumberFormatException e) {
                throw new CredentialException("an athlete ID is digits only");
            }
        }
    }

    static final class FakeApi implements TpApi, AutoCloseable {
        TpUser user = athleteAccount(1234);
        @Nullable TpApiException userFailure;
        int currentUserCalls;
        boolean closed;

        @Override
        public TpUser currentUser() {
            currentUserCalls++;
            if (userFailure != null) {
                throw userFailure;
            }
            return user;
        }

        @Override
        public CreatedWorkout createWorkout(long athleteId, NewWorkout workout) {
            throw new AssertionError("the CLI never creates workouts itself");
        }

        @Override
        public List<CalendarWorkout> listWorkouts(long athleteId, LocalDate start, LocalDate end) {
            throw new AssertionError("the CLI never lists workouts itself");
        }

        @Override
        public void deleteWorkout(long athleteId, long workoutId) {
            throw new AssertionError("the CLI never deletes workouts");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Replays progress events to the listener, then returns the configured result. */
    static final class FakeEngine implements EngineRunner {
        final List<ImportRequest> requests = new ArrayList<>();
        final List<Integer> concurrencies = new ArrayList<>();
        final List<int[]> chunks = new ArrayList<>();
        int alreadyAtStart;
        @Nullable ImportResult result;
        @Nullable RuntimeException failure;

        @Override
        public ImportResult run(ImportRequest request, TpApi api, ImportListener listener) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            int total = request.plan().workouts().size();
            listener.started(total, alreadyAtStart);
            for (int[] chunk : chunks) {
                listener.chunkWritten(chunk[0], total, LocalDate.of(2026, 3, 1).plusDays(chunk[0]));
            }
            return result != null ? result : CliHarness.result(Outcome.COMPLETED, total, total, 0, total, null);
        }

        @Override
        public ImportResult run(ImportRequest request, TpApi api, ImportListener listener, StopSignal stop,
                                int concurrency) {
            concurrencies.add(concurrency);
            return run(request, api, listener);
        }
    }

    static final class FakeSandbox implements SandboxLauncher.Sandbox {
        @Nullable Path dir;
        @Nullable Duration tokenLifetime;
        boolean closed;

        SandboxLauncher.Sandbox startedIn(Path dir) {
            this.dir = dir;
            return this;
        }

        @Override
        public String baseUrl() {
            return "http://127.0.0.1:40123";
        }

        @Override
        public long athleteId() {
            return 777;
        }

        @Override
        public String issueToken(Duration lifetime) {
            tokenLifetime = lifetime;
            return SECRET;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
