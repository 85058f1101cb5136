package dev.tpsync.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Immutable settings of a {@link TpSandbox}. Start from {@link #defaults()} and chain the one-argument
 * methods, each of which returns a changed copy (the no-argument ones read the value back), e.g.
 * {@code SandboxConfig.defaults().athleteId(42).clock(clock).tokenRequestBudget(5)}.
 */
public final class SandboxConfig {

    public static final long DEFAULT_ATHLETE_ID = 1234567L;
    public static final Duration DEFAULT_SLOW_RESPONSE_DELAY = Duration.ofSeconds(2);

    /** A server-side token bucket: {@code burst} requests at once, refilled at {@code requestsPerSecond}. */
    public record RateLimit(double requestsPerSecond, int burst) {
        public RateLimit {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException("requestsPerSecond must be > 0, got " + requestsPerSecond);
            }
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be >= 1, got " + burst);
            }
        }
    }

    private int port;
    private int threads = 4;
    private long athleteId = DEFAULT_ATHLETE_ID;
    private AccountType accountType = AccountType.ATHLETE;
    private List<Long> coachAthletes = List.of();
    private Clock clock = Clock.systemUTC();
    private int tokenRequestBudget;
    private @Nullable Path storeFile;
    private FaultPlan faultPlan = FaultPlan.none();
    private Duration slowResponseDelay = DEFAULT_SLOW_RESPONSE_DELAY;
    private Duration latency = Duration.ZERO;
    private @Nullable RateLimit rateLimit;
    private LongSupplier nanoTime = System::nanoTime;
    private Sleeper sleeper = Sleeper.REAL;

    private SandboxConfig() {
    }

    private SandboxConfig(SandboxConfig o) {
        port = o.port;
        threads = o.threads;
        athleteId = o.athleteId;
        accountType = o.accountType;
        coachAthletes = o.coachAthletes;
        clock = o.clock;
        tokenRequestBudget = o.tokenRequestBudget;
        storeFile = o.storeFile;
        faultPlan = o.faultPlan;
        slowResponseDelay = o.slowResponseDelay;
        latency = o.latency;
        rateLimit = o.rateLimit;
        nanoTime = o.nanoTime;
        sleeper = o.sleeper;
    }

    /** A premium athlete 1234567, an ephemeral port, the system UTC clock, no faults, no persistence. */
    public static SandboxConfig defaults() {
        return new SandboxConfig();
    }

    private SandboxConfig with(Consumer<SandboxConfig> change) {
        SandboxConfig copy = new SandboxConfig(this);
        change.accept(copy);
        return copy;
    }

    /** 0 (the default) picks a free port. */
    public SandboxConfig port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535, got " + value);
        }
        return with(c -> c.port = value);
    }

    public SandboxConfig threads(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + value);
        }
        return with(c -> c.threads = value);
    }

    /** The logged-in user's ID (its {@code userId} and {@code personId}). */
    public SandboxConfig athleteId(long value) {
        if (value < 1) {
            throw new IllegalArgumentException("athleteId must be >= 1, got " + value);
        }
        return with(c -> c.athleteId = value);
    }

    public SandboxConfig accountType(AccountType value) {
        Objects.requireNonNull(value, "accountType == null");
        return with(c -> c.accountType = value);
    }

    /** The athlete IDs a {@link AccountType#COACH} account may write to. */
    public SandboxConfig coachAthletes(List<Long> value) {
        List<Long> copy = List.copyOf(value);
        for (Long id : copy) {
            if (id < 1) {
                throw new IllegalArgumentException("coach athlete IDs must be >= 1, got " + id);
            }
        }
        return with(c -> c.coachAthletes = copy);
    }

    /** Drives token expiry, "today" for basic accounts, {@code lastModifiedDate} and HTTP-date Retry-After. */
    public SandboxConfig clock(Clock value) {
        Objects.requireNonNull(value, "clock == null");
        return with(c -> c.clock = value);
    }

    /** Every issued token stops working after this many accepted requests; 0 means no limit. */
    public SandboxConfig tokenRequestBudget(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("tokenRequestBudget must be >= 0, got " + value);
        }
        return with(c -> c.tokenRequestBudget = value);
    }

    /** Loads workouts from this JSON file at start (if it exists) and rewrites it atomically after every change. */
    public SandboxConfig storeFile(@Nullable Path value) {
        return with(c -> c.storeFile = value);
    }

    public SandboxConfig faultPlan(FaultPlan value) {
        Objects.requireNonNull(value, "faultPlan == null");
        return with(c -> c.faultPlan = value);
    }

    /** How long a {@link Fault#slow()} fault waits before answering. */
    public SandboxConfig slowResponseDelay(Duration value) {
        checkNotNegative(value, "slowResponseDelay");
        return with(c -> c.slowResponseDelay = value);
    }

    /** Added before every answer, to imitate network and server time in benchmarks. */
    public SandboxConfig latency(Duration value) {
        checkNotNegative(value, "latency");
        return with(c -> c.latency = value);
    }

    /**
     * Answers 429 with {@code Retry-After} (whole seconds) once requests outrun a token bucket of {@code burst}
     * refilled at {@code requestsPerSecond}. Measured with {@link #nanoTime(LongSupplier)}, not the clock.
     */
    public SandboxConfig rateLimit(double requestsPerSecond, int burst) {
        RateLimit limit = new RateLimit(requestsPerSecond, burst);
        return with(c -> c.rateLimit = limit);
    }

    public SandboxConfig noRateLimit() {
        return with(c -> c.rateLimit = null);
    }

    /** The time source of the rate limiter; {@code System::nanoTime} unless a test injects one. */
    public SandboxConfig nanoTime(LongSupplier value) {
        Objects.requireNonNull(value, "nanoTime == null");
        return with(c -> c.nanoTime = value);
    }

    /** How latency and slow faults wait; a test can record the waits instead of sleeping. */
    public SandboxConfig sleeper(Sleeper value) {
        Objects.requireNonNull(value, "sleeper == null");
        return with(c -> c.sleeper = value);
    }

    public int port() {
        return port;
    }

    public int threads() {
        return threads;
    }

    public long athleteId() {
        return athleteId;
    }

    public AccountType accountType() {
        return accountType;
    }

    public List<Long> coachAthletes() {
        return coachAthletes;
    }

    public Clock clock() {
        return clock;
    }

    public OptionalInt tokenRequestBudget() {
        return tokenRequestBudget == 0 ? OptionalInt.empty() : OptionalInt.of(tokenRequestBudget);
    }

    public Optional<Path> storeFile() {
        return Optional.ofNullable(storeFile);
    }

    public FaultPlan faultPlan() {
        return faultPlan;
    }

    public Duration slowResponseDelay() {
        return slowResponseDelay;
    }

    public Duration latency() {
        return latency;
    }

    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    public LongSupplier nanoTime() {
        return nanoTime;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    private static void checkNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", athleteId=" + athleteId + ", accountType=" + accountType
                + ", coachAthletes=" + coachAthletes + ", tokenRequestBudget=" + tokenRequestBudget
                + ", storeFile=" + storeFile + ", latency=" + latency + ", rateLimit=" + rateLimit + "]";
    }
}
