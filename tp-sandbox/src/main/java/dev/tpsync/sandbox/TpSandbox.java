package dev.tpsync.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.tpsync.sandbox.internal.SandboxHandler;
import dev.tpsync.sandbox.internal.TokenAuthority;
import dev.tpsync.sandbox.internal.WorkoutStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated TrainingPeaks browser API on a loopback port, strict about the formats, units, sport IDs and
 * token expiry that the real one enforces (see docs/sandbox.md). It shares no code with the client under test.
 *
 * <p>Thread-safe: requests are served by a small pool while tests read {@link #workouts()},
 * {@link #requests()} and {@link #violations()}, each of which returns a snapshot copy.
 */
public final class TpSandbox implements AutoCloseable {

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final SandboxConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final TokenAuthority tokens;
    private final WorkoutStore store;
    private final SandboxHandler handler;
    private final URI baseUrl;

    private TpSandbox(SandboxConfig config) throws IOException {
        this.config = config;
        JsonMapper json = JsonMapper.builder().build();
        this.tokens = new TokenAuthority(json, config.clock());
        this.store = new WorkoutStore(json, config.storeFile().orElse(null));
        this.handler = new SandboxHandler(config, json, tokens, store);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
        this.executor = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts a sandbox on 127.0.0.1, loading the store file first when one is configured.
     *
     * <p>Switches on TCP_NODELAY for the JDK HTTP server (a JVM-wide setting read when the first server
     * starts) unless the property is already set: without it Nagle's algorithm and delayed ACKs add
     * about 40 ms to every answer, which would make the simulator, not tpsync, the bottleneck.
     */
    public static TpSandbox start(SandboxConfig config) {
        Objects.requireNonNull(config, "config == null");
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        try {
            return new TpSandbox(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the TrainingPeaks sandbox on port " + config.port(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The logged-in user's ID; for an athlete account also the calendar it may write to. */
    public long athleteId() {
        return config.athleteId();
    }

    /**
     * Issues a fresh JWT-form token (with {@code exp}) that the sandbox accepts for {@code lifetime} on its clock
     * and, when {@link SandboxConfig#tokenRequestBudget(int)} is set, for that many accepted requests.
     */
    public String issueToken(Duration lifetime) {
        return tokens.issue(config.athleteId(), lifetime, config.tokenRequestBudget().orElse(0));
    }

    /** Like {@link #issueToken(Duration)} but with its own request budget (0 = unlimited). */
    public String issueToken(Duration lifetime, int requestBudget) {
        return tokens.issue(config.athleteId(), lifetime, requestBudget);
    }

    /** Every token issued so far gets 401 from now on; tokens issued later work. */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    /** Every request to a {@code /commands/} path, as {@code "METHOD /path"}; a correct client leaves this empty. */
    public List<String> violations() {
        return handler.violations();
    }

    /** All stored workouts of all athletes, by day then ID. */
    public List<SandboxWorkout> workouts() {
        return store.all();
    }

    /** Workouts created through the API by this process (seeded ones excluded; lost responses included). */
    public int createCount() {
        return handler.createCount();
    }

    /** Every request received, in arrival order; never contains a token. */
    public List<RecordedRequest> requests() {
        return handler.requests();
    }

    public void clearRequests() {
        handler.clearRequests();
    }

    /** Stores a workout as if someone else had planned it; workoutId 0 gets a new ID. Not counted or logged. */
    public SandboxWorkout seedWorkout(SandboxWorkout workout) {
        return store.seed(workout);
    }

    /** Seeds a minimal workout on this user's calendar. */
    public SandboxWorkout seedWorkout(LocalDate day, int workoutTypeValueId, String title) {
        return store.seed(new SandboxWorkout(0, config.athleteId(), day, workoutTypeValueId, title, null, null,
                null, null, null, null, null));
    }

    /** Stops serving at once; the store file (if any) already holds every change. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "tp-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
