package dev.tpsync.cli;

import dev.tpsync.batch.ImportOptions;
import dev.tpsync.batch.ImportRequest;
import dev.tpsync.batch.StateDirectoryBusyException;
import dev.tpsync.batch.ImportResult;
import dev.tpsync.client.TpApi;
import dev.tpsync.client.TpApiException;
import dev.tpsync.client.TpClient;
import dev.tpsync.client.TpUser;
import dev.tpsync.core.credentials.BearerToken;
import dev.tpsync.core.credentials.CredentialException;
import dev.tpsync.core.credentials.TokenLifetime;
import dev.tpsync.core.credentials.TokenParser;
import dev.tpsync.core.plan.InvalidPlanException;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlanProblem;
import dev.tpsync.core.plan.PlanReadOptions;
import dev.tpsync.core.plan.PlannedWorkout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tpsync import PLAN}: validates the whole plan first (nothing is uploaded from an invalid
 * plan), then resolves and checks the credentials, then runs the import engine with progress output.
 * Each step that fails prints what went wrong and where, and ends with one exit code from
 * {@link ExitCodes}. The token never appears in any output.
 */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Checks PLAN, then puts every workout in it on a TrainingPeaks calendar.",
            "Safe to run again: workouts already there are never created twice, and an import that "
                    + "stopped (expired token, TrainingPeaks down, Ctrl-C) continues where it stopped."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:every workout is on the calendar (or already was)",
            " 1:unexpected failure; run again with --debug for details",
            "64:usage error: bad option, no token given, coach account without --athlete",
            "65:the plan has problems; nothing was uploaded",
            "66:the plan file or token file cannot be read",
            "75:stopped early (token expired, TrainingPeaks unavailable, interrupted); "
                    + "run the printed command to continue",
            "77:token refused or malformed, or no permission for that athlete"
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  TP_TOKEN        the token, when --token-file is not given",
            "  TP_ATHLETE_ID   the athlete ID, when --athlete is not given",
            "  TPSYNC_HOME     the state directory, when --home is not given",
            "  TPSYNC_API_URL  the API base URL, when --api-url is not given",
            "",
            "Without --token-file or TP_TOKEN, tpsync asks for the token (input hidden)",
            "when it runs in a terminal. User guide: docs/user-guide.md"
        })
final class ImportCommand implements Callable<Integer> {

    static final int DEFAULT_CHUNK_SIZE = 10;
    static final int MAX_CHUNK_SIZE = 1000;
    static final double MAX_RATE = 100;
    static final int MAX_CONCURRENCY = ImportOptions.MAX_CONCURRENCY;
    static final Duration SHORT_TOKEN_LIFE = Duration.ofMinutes(5);
    static final Duration SANDBOX_TOKEN_LIFETIME = Duration.ofHours(1);

    static final String ENV_TOKEN = "TP_TOKEN";
    static final String ENV_ATHLETE = "TP_ATHLETE_ID";
    static final String ENV_HOME = "TPSYNC_HOME";
    static final String ENV_API_URL = "TPSYNC_API_URL";
    static final String ENV_LAUNCHER = "TPSYNC_LAUNCHER";

    static final String FRESH_TOKEN_HOWTO = """
            To copy a fresh token: in the browser where you are logged in to TrainingPeaks, open
            DevTools (F12) on the Network tab and reload the page; click a request to
            tpapi.trainingpeaks.com and copy the value of its "Authorization" request header
            (it starts with "Bearer "). Details: docs/user-guide.md, "Credentials".""";

    static final String PROMPT_EXPLANATION = """
            tpsync needs your TrainingPeaks token. In the browser where you are logged in to
            TrainingPeaks, open DevTools (F12) on the Network tab and reload the page; click a
            request to tpapi.trainingpeaks.com and copy the value of its "Authorization" request
            header ("Bearer eyJ..."). Paste it below: it is not shown and not stored.""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CliDeps deps;
    private final List<String> originalArgs;
    private final Redactor redactor = new Redactor();

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (CSV).")
    @SuppressWarnings("NullAway.Init")
    Path planFile;

    @Option(order = 1, names = "--start", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "Day 1 (or the Monday of week 1) of a plan placed by day or week numbers.")
    @Nullable LocalDate start;

    @Option(order = 2, names = "--athlete", paramLabel = "ID",
            description = "Athlete ID whose calendar receives the workouts (default: TP_ATHLETE_ID, "
                    + "else the token's own athlete account).")
    @Nullable String athlete;

    @Option(order = 3, names = "--token-file", paramLabel = "FILE",
            description = "File holding the token (the Authorization header value). Default: TP_TOKEN, "
                    + "else a hidden prompt in a terminal.")
    @Nullable Path tokenFile;

    int chunkSize = DEFAULT_CHUNK_SIZE;

    @Option(order = 5, names = "--home", paramLabel = "DIR",
            description = "State directory for progress records (default: TPSYNC_HOME, else ~/.tpsync).")
    @Nullable Path home;

    @Option(order = 6, names = "--api-url", paramLabel = "URL",
            description = "TrainingPeaks API base URL (default: TPSYNC_API_URL, else " + TpClient.DEFAULT_BASE_URL + ").")
    @Nullable String apiUrl;

    @Option(order = 7, names = "--sandbox",
            description = "Use a simulated TrainingPeaks on this computer; nothing reaches a real account.")
    boolean sandbox;

    double rate = 4;

    int concurrency = 1;

    @Option(order = 10, names = "--max-wait", paramLabel = "DURATION", defaultValue = "10m", converter = Durations.Converter.class,
            description = "How long to keep retrying while TrainingPeaks is unavailable before stopping "
                    + "(default: ${DEFAULT-VALUE}; e.g. 90s, 10m, 1h, PT30M).")
    Duration maxWait = Duration.ofMinutes(10);

    @Option(order = 11, names = "--debug", description = "Print full stack traces for unexpected failures.")
    boolean debug;

    private final Interruption interruption;

    ImportCommand(CliDeps deps, List<String> originalArgs) {
        this(deps, originalArgs, new Interruption());
    }

    ImportCommand(CliDeps deps, List<String> originalArgs, Interruption interruption) {
        this.deps = deps;
        this.originalArgs = List.copyOf(originalArgs);
        this.interruption = interruption;
    }

    @Option(order = 4, names = "--chunk-size", paramLabel = "N", defaultValue = "10",
            description = "Workouts per saved step, 1..1000 (default: ${DEFAULT-VALUE}).")
    void setChunkSize(int value) {
        if (value < 1 || value > MAX_CHUNK_SIZE) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--chunk-size': " + value + " is not in 1.." + MAX_CHUNK_SIZE);
        }
        chunkSize = value;
    }

    @Option(order = 8, names = "--rate", paramLabel = "R", defaultValue = "4",
            description = "Requests per second at most (default: ${DEFAULT-VALUE}).")
    void setRate(double value) {
        if (!(value > 0 && value <= MAX_RATE)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--rate': " + value + " is not in (0, " + (int) MAX_RATE + "] requests per second");
        }
        rate = value;
    }

    @Option(order = 9, names = "--concurrency", paramLabel = "N", defaultValue = "1",
            description = "Creates in flight at once, 1..8 (default: ${DEFAULT-VALUE}); all share --rate, "
                    + "and at most --chunk-size of them run at once.")
    void setConcurrency(int value) {
        if (value < 1 || value > MAX_CONCURRENCY) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--concurrency': " + value + " is not in 1.." + MAX_CONCURRENCY);
        }
        concurrency = value;
    }

    @Override
    public Integer call() {
        String tokenInEnvironment = deps.env().get(ENV_TOKEN);
        if (tokenInEnvironment != null) {
            // Known before anything can fail, so even an early failure's message is cleaned of it.
            redactor.addSecret(tokenInEnvironment);
        }
        try {
            return importPlan();
        } catch (Exit exit) {
            return exit.code;
        } catch (RuntimeException e) {
            return bug(e);
        } finally {
            out().flush();
            err().flush();
        }
    }

    private int importPlan() {
        if (sandbox && (apiUrl != null || tokenFile != null)) {
            throw usage("--sandbox uses a simulated TrainingPeaks with its own token; leave out "
                    + (apiUrl != null ? "--api-url" : "--token-file") + ".");
        }
        Plan plan = readPlan();
        Path homeDir = resolveHome();
        // The sandbox has its own athlete: a real TP_ATHLETE_ID in the environment must not redirect it.
        @Nullable Long explicitAthlete = sandbox && athlete == null ? null : explicitAthlete();

        SandboxLauncher.@Nullable Sandbox simulated = null;
        @Nullable TpApi api = null;
        try {
            String baseUrl;
            String pasted;
            String tokenSource;
            Path engineHome;
            @Nullable Long athleteWanted = explicitAthlete;
            if (sandbox) {
                engineHome = homeDir.resolve("sandbox");
                simulated = deps.sandbox().start(engineHome);
                baseUrl = simulated.baseUrl();
                pasted = simulated.issueToken(SANDBOX_TOKEN_LIFETIME);
                tokenSource = "the sandbox";
                if (athleteWanted == null) {
                    athleteWanted = simulated.athleteId();
                }
                out().println("SANDBOX: using a simulated TrainingPeaks at " + baseUrl
                        + "; nothing reaches a real TrainingPeaks account.");
                out().println("SANDBOX: its calendar and progress are kept in " + engineHome + ".");
            } else {
                engineHome = homeDir;
                baseUrl = resolveApiUrl();
                TokenInput input = resolveToken();
                pasted = input.value();
                tokenSource = input.source();
            }
            redactor.addSecret(pasted);
            BearerToken token = parseToken(pasted, tokenSource);
            checkExpiry(token);
            api = openApi(baseUrl, token);
            TpUser user = currentUser(api);
            long athleteId = chooseAthlete(user, athleteWanted);
            return runImport(plan, engineHome, athleteId, user, api);
        } finally {
            closeQuietly(api);
            if (simulated != null) {
                try {
                    simulated.close();
                } catch (RuntimeException e) {
                    err().println("tpsync: warning: the sandbox did not stop cleanly: " + safe(e.getMessage()));
                }
            }
        }
    }

    // ---- (1) the plan -------------------------------------------------------------------------

    private Plan readPlan() {
        try {
            return deps.plans().read(planFile, new PlanReadOptions(start));
        } catch (InvalidPlanException e) {
            List<PlanProblem> problems = e.problems();
            err().println("tpsync: " + planFile + " has " + problems.size()
                    + (problems.size() == 1 ? " problem:" : " problems:"));
            for (PlanProblem problem : problems) {
                err().println(problem);
            }
            err().println("Nothing was uploaded. Fix the plan and run the same command again.");
            throw new Exit(ExitCodes.INVALID_PLAN);
        } catch (NoSuchFileException e) {
            err().println("tpsync: cannot read the plan " + planFile + ": no such file.");
            throw new Exit(ExitCodes.NO_INPUT);
        } catch (AccessDeniedException e) {
            err().println("tpsync: cannot read the plan " + planFile + ": permission denied.");
            throw new Exit(ExitCodes.NO_INPUT);
        } catch (IOException e) {
            err().println("tpsync: cannot read the plan " + planFile + ": " + safe(e.getMessage()));
            throw new Exit(ExitCodes.NO_INPUT);
        }
    }

    // ---- (2) configuration and credentials ---------------------------------------------------

    private Path resolveHome() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String fromEnv = deps.env().get(ENV_HOME);
        if (fromEnv != null) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return deps.env().userHome().resolve(".tpsync");
    }

    private String resolveApiUrl() {
        if (apiUrl != null) {
            return apiUrl;
        }
        String fromEnv = deps.env().get(ENV_API_URL);
        return fromEnv != null ? fromEnv : TpClient.DEFAULT_BASE_URL;
    }

    private @Nullable Long explicitAthlete() {
        String source;
        String value;
        if (athlete != null) {
            source = "--athlete";
            value = athlete;
        } else {
            value = deps.env().get(ENV_ATHLETE);
            source = ENV_ATHLETE;
            if (value == null) {
                return null;
            }
        }
        try {
            return deps.credentials().parseAthlete(value);
        } catch (CredentialException e) {
            throw usage("the athlete ID from " + source + " is not usable: " + safe(e.getMessage()));
        }
    }

    private record TokenInput(String value, String source) {
    }

    private TokenInput resolveToken() {
        if (tokenFile != null) {
            return new TokenInput(readTokenFile(tokenFile), "--token-file " + tokenFile);
        }
        String fromEnv = deps.env().get(ENV_TOKEN);
        if (fromEnv != null) {
            return new TokenInput(fromEnv, ENV_TOKEN);
        }
        if (deps.terminal().interactive()) {
            char[] typed = deps.terminal().readSecret(PROMPT_EXPLANATION, "Token (hidden): ");
            if (typed != null) {
                try {
                    String value = new String(typed);
                    if (!value.isBlank()) {
                        return new TokenInput(value, "the prompt");
                    }
                } finally {
                    Arrays.fill(typed, '\0');
                }
            }
            throw usage("no token was entered. " + NO_TOKEN_WAYS);
        }
        throw usage("no TrainingPeaks token given. " + NO_TOKEN_WAYS);
    }

    static final String NO_TOKEN_WAYS = """
            Give it in one of three ways:
              --token-file FILE   a file holding the Authorization header value ("Bearer eyJ...")
              TP_TOKEN            an environment variable holding that value
              a terminal          run tpsync in a terminal and paste it when asked (input hidden)
            How to copy it from the browser: docs/user-guide.md, "Credentials".""";

    private String readTokenFile(Path file) {
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            err().println("tpsync: cannot read --token-file " + file + ": no such file.");
            throw new Exit(ExitCodes.NO_INPUT);
        } catch (AccessDeniedException e) {
            err().println("tpsync: cannot read --token-file " + file + ": permission denied.");
            throw new Exit(ExitCodes.NO_INPUT);
        } catch (IOException e) {
            // The exception message names the file and the reason, never the content.
            err().println("tpsync: cannot read --token-file " + file + ": " + e.getClass().getSimpleName());
            throw new Exit(ExitCodes.NO_INPUT);
        }
        if (content.isBlank()) {
            throw usage("--token-file " + file + " is empty; put the Authorization header value in it.");
        }
        warnIfOthersCanRead(file);
        return content;
    }

    private void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                err().println("tpsync: warning: other users can read " + file
                        + "; consider: chmod 600 " + ShellQuoting.quote(file.toString()));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system, or the check itself failed: nothing to warn about.
        }
    }

    private BearerToken parseToken(String pasted, String source) {
        try {
            TokenParser.ParsedToken parsed = deps.credentials().parseTokenWithNotes(pasted);
            for (String note : parsed.notes()) {
                err().println("tpsync: note: " + safe(note));
            }
            return parsed.token();
        } catch (CredentialException e) {
            err().println("tpsync: the token from " + source + " is not usable: " + safe(e.getMessage()));
            err().println(FRESH_TOKEN_HOWTO);
            throw new Exit(ExitCodes.NO_PERMISSION);
        }
    }

    private void checkExpiry(BearerToken token) {
        Optional<Instant> expiry = deps.credentials().expiry(token);
        if (expiry.isEmpty()) {
            out().println("The token does not say when it expires; if it expires during the import, "
                    + "tpsync stops cleanly and prints how to continue.");
            return;
        }
        Instant now = deps.clock().instant();
        TokenLifetime life = new TokenLifetime(expiry.get(), now);
        if (life.expired()) {
            err().println("tpsync: the token expired at " + localTime(life.expiresAt(), now) + " (local time), "
                    + minutesAgo(life.expiredAgo().toMinutes()) + ". Nothing was sent to TrainingPeaks.");
            err().println(FRESH_TOKEN_HOWTO);
            throw new Exit(ExitCodes.NO_PERMISSION);
        }
        out().println("Token valid for another " + life.remaining().toMinutes() + " min (until "
                + localTime(life.expiresAt(), now) + ").");
        if (life.remaining().compareTo(SHORT_TOKEN_LIFE) < 0) {
            err().println("tpsync: warning: the token expires in less than "
                    + SHORT_TOKEN_LIFE.toMinutes() + " minutes. A long import will stop when it does; "
                    + "then copy a fresh token and run the same command again to continue.");
        }
    }

    private String localTime(Instant instant, Instant now) {
        LocalDateTime at = LocalDateTime.ofInstant(instant, deps.clock().getZone());
        LocalDate today = LocalDateTime.ofInstant(now, deps.clock().getZone()).toLocalDate();
        return at.toLocalDate().equals(today) ? at.format(TIME) : at.format(DATE_TIME);
    }

    private static String minutesAgo(long minutes) {
        if (minutes < 1) {
            return "less than a minute ago";
        }
        return minutes == 1 ? "1 minute ago" : minutes + " minutes ago";
    }

    // ---- (3) the account -----------------------------------------------------------------------

    private TpApi openApi(String baseUrl, BearerToken token) {
        if (!baseUrl.equals(TpClient.DEFAULT_BASE_URL) && !sandbox) {
            out().println("Using the TrainingPeaks API at " + baseUrl + ".");
        }
        try {
            return deps.apis().open(baseUrl, token, rate, maxWait, interruption.stopSignal());
        } catch (IllegalArgumentException e) {
            throw usage("the API URL " + baseUrl + " was refused: " + safe(e.getMessage()));
        }
    }

    private TpUser currentUser(TpApi api) {
        try {
            return api.currentUser();
        } catch (TpApiException e) {
            int code = ExitCodes.of(e);
            if (e instanceof TpApiException.TokenExpired) {
                err().println("tpsync: TrainingPeaks rejected the token (HTTP 401): it has expired or was "
                        + "revoked. Nothing was uploaded.");
                err().println(FRESH_TOKEN_HOWTO);
            } else if (e instanceof TpApiException.Forbidden) {
                err().println("tpsync: TrainingPeaks refused access (HTTP 403): " + safe(e.getMessage())
                        + ". Nothing was uploaded.");
            } else if (code == ExitCodes.RESUMABLE) {
                err().println("tpsync: TrainingPeaks is not reachable right now: " + safe(e.getMessage())
                        + ". Nothing was uploaded. Try again later with:");
                err().println("  " + resumeCommand());
            } else {
                err().println("tpsync: unexpected answer from TrainingPeaks while checking the account ("
                        + e.method() + " " + e.path() + "): " + safe(e.getMessage()));
                printDebug(e);
            }
            throw new Exit(code);
        }
    }

    private long chooseAthlete(TpUser user, @Nullable Long wanted) {
        if (wanted != null) {
            if (!user.mayPlanFor(wanted)) {
                err().println("tpsync: this token's account may not plan for athlete " + wanted + ".");
                Map<Long, String> accessible = accessible(user);
                if (accessible.isEmpty()) {
                    err().println("It has no athlete calendar it may plan for.");
                } else {
                    err().println("It may plan for:");
                    accessible.forEach((id, name) -> err().println("  " + id + "  " + name));
                }
                throw new Exit(ExitCodes.NO_PERMISSION);
            }
            return wanted;
        }
        if (user.coach()) {
            Map<Long, String> accessible = accessible(user);
            if (accessible.isEmpty()) {
                err().println("tpsync: this is a coach account with no athletes to plan for.");
                throw new Exit(ExitCodes.NO_PERMISSION);
            }
            err().println("tpsync: this is a coach account; say whose calendar to use with --athlete ID "
                    + "(or TP_ATHLETE_ID):");
            accessible.forEach((id, name) -> err().println("  " + id + "  " + name));
            throw new Exit(ExitCodes.USAGE);
        }
        if (user.athlete()) {
            return user.userId();
        }
        throw usage("cannot tell which athlete calendar this account uses; give --athlete ID.");
    }

    /** The athletes the account may plan for, own calendar first, by ID with a display name. */
    private static Map<Long, String> accessible(TpUser user) {
        Map<Long, String> result = new LinkedHashMap<>();
        if (user.athlete()) {
            result.put(user.userId(), name(user.firstName(), user.lastName()) + " (this account)");
        }
        for (TpUser.Athlete a : user.athletes()) {
            result.putIfAbsent(a.athleteId(), name(a.firstName(), a.lastName()));
        }
        return result;
    }

    private static String name(@Nullable String first, @Nullable String last) {
        String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return joined.isEmpty() ? "(no name)" : joined;
    }

    // ---- (4, 5) the import and its summary ------------------------------------------------------

    private int runImport(Plan plan, Path engineHome, long athleteId, TpUser user, TpApi api) {
        LocalDate anchor = start != null ? start : firstDay(plan);
        ImportRequest request = new ImportRequest(plan, planFile, anchor, athleteId, engineHome, chunkSize);
        String whose = athleteId == user.userId() && user.athlete()
                ? "your calendar (athlete " + athleteId + ")"
                : "the calendar of athlete " + athleteId + nameSuffix(user, athleteId);
        out().println("Putting " + plan.workouts().size() + " workouts from " + planFile + " on " + whose + ".");
        out().flush();
        ProgressReporter progress = new ProgressReporter(out(), deps.terminal().interactive(), planFile.toString());
        ImportResult result;
        try {
            interruption.importStarting();
            result = deps.engine().run(request, api, progress, interruption.stopSignal(), concurrency);
        } catch (StateDirectoryBusyException busy) {
            // An overlapping run (e.g. from cron): nothing was sent, and a later run continues normally.
            err().println("tpsync: " + safe(busy.getMessage()) + ". Nothing was sent; run the same command "
                    + "again once the other import has finished.");
            return ExitCodes.RESUMABLE;
        } finally {
            progress.finish();
        }
        return report(result);
    }

    private static String nameSuffix(TpUser user, long athleteId) {
        return user.athletes().stream()
                .filter(a -> a.athleteId() == athleteId)
                .findFirst()
                .map(a -> " (" + name(a.firstName(), a.lastName()) + ")")
                .orElse("");
    }

    private static LocalDate firstDay(Plan plan) {
        return plan.workouts().stream().map(PlannedWorkout::date).min(LocalDate::compareTo).orElseThrow();
    }

    private int report(ImportResult r) {
        String range = r.firstDay() + " to " + r.lastDay();
        String elapsed = Durations.format(r.elapsed());
        switch (r.outcome()) {
            case COMPLETED -> {
                out().println("Done: all " + r.total() + " workouts are on the calendar (" + range + ").");
                out().println("  created now:     " + r.created());
                out().println("  already present: " + r.alreadyPresent());
                out().println("  elapsed:         " + elapsed);
            }
            case UP_TO_DATE -> out().println("Up to date: all " + r.total()
                    + " workouts are already on the calendar (" + range + "). Nothing was sent.");
            case TOKEN_EXPIRED, UNAVAILABLE, INTERRUPTED -> reportResumable(r, elapsed);
            case FORBIDDEN -> {
                err().println("tpsync: TrainingPeaks refused to create a workout (HTTP 403): "
                        + causeMessage(r) + ".");
                err().println(r.onCalendar() + " of " + r.total() + " workouts are on the calendar. "
                        + "A basic TrainingPeaks account may not be allowed to plan future days, and a coach "
                        + "needs the athlete on the roster with planning rights.");
            }
            case FAILED -> {
                err().println("tpsync: the import failed: " + causeMessage(r) + ".");
                err().println(r.onCalendar() + " of " + r.total() + " workouts are on the calendar; running "
                        + "the same command again continues without creating duplicates.");
                if (r.cause() != null) {
                    printDebug(r.cause());
                }
            }
        }
        return ExitCodes.of(r.outcome());
    }

    private void reportResumable(ImportResult r, String elapsed) {
        err().println("tpsync: stopped: " + r.onCalendar() + " of " + r.total() + " workouts are on the calendar "
                + "(" + r.created() + " created in this run, " + elapsed + ").");
        switch (r.outcome()) {
            case TOKEN_EXPIRED -> {
                err().println("Why: the token expired (TrainingPeaks answered 401).");
                if (sandbox) {
                    err().println("The sandbox issues a new token on every run. To continue, run:");
                } else {
                    err().println(FRESH_TOKEN_HOWTO);
                    err().println("Put the fresh token in " + (tokenFile != null ? "the file " + tokenFile : "TP_TOKEN")
                            + (tokenFile != null ? "" : " (export TP_TOKEN='Bearer ...')")
                            + " or paste it when asked, then continue with:");
                }
            }
            case UNAVAILABLE -> {
                err().println("Why: TrainingPeaks stayed unavailable for longer than --max-wait "
                        + Durations.format(maxWait) + (r.cause() != null ? " (" + causeMessage(r) + ")" : "") + ".");
                err().println("To continue later, run:");
            }
            default -> {
                err().println("Why: the import was interrupted; everything written so far is recorded.");
                err().println("To continue, run:");
            }
        }
        err().println("  " + resumeCommand());
        err().println("Workouts already on the calendar are not created again.");
    }

    private String causeMessage(ImportResult r) {
        TpApiException cause = r.cause();
        return cause == null ? "no details" : safe(cause.getMessage());
    }

    /** The user's own command line, re-quoted for a POSIX shell; it never holds the token. */
    String resumeCommand() {
        List<String> words = new ArrayList<>();
        String launcher = deps.env().get(ENV_LAUNCHER);
        if (launcher != null) {
            words.add(launcher);
        } else {
            words.add("java");
            words.add("-jar");
            words.add(deps.jarPath());
        }
        for (String arg : originalArgs) {
            words.add(Redactor.looksLikeToken(arg) ? Redactor.MASK : arg);
        }
        return redactor.redact(ShellQuoting.join(words));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private int bug(RuntimeException e) {
        err().println("tpsync: unexpected error: " + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + safe(e.getMessage()) : ""));
        if (debug) {
            printDebug(e);
        } else {
            err().println("Run the same command with --debug to see the details.");
        }
        return ExitCodes.FAILED;
    }

    private void printDebug(Throwable e) {
        if (!debug) {
            return;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err().print(redactor.redact(trace.toString()));
    }

    private String safe(@Nullable String message) {
        return message == null ? "(no message)" : redactor.redact(message);
    }

    private Exit usage(String message) {
        err().println("tpsync: " + redactor.redact(message));
        return new Exit(ExitCodes.USAGE);
    }

    private static void closeQuietly(@Nullable TpApi api) {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing the HTTP client cannot change the outcome.
            }
        }
    }

    private PrintWriter out() {
        return deps.terminal().out();
    }

    private PrintWriter err() {
        return deps.terminal().err();
    }

    /** Ends the command with an exit code after the message has been printed. */
    private static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
