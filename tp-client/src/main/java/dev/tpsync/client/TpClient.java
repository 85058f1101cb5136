package dev.tpsync.client;

import dev.tpsync.client.internal.Backoff;
import dev.tpsync.client.internal.ErrorMapper;
import dev.tpsync.client.internal.PathGuard;
import dev.tpsync.client.internal.WorkoutJson;
import dev.tpsync.core.credentials.BearerToken;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OkHttp implementation of {@link TpApi}, built with {@link #builder()}. One client serves one
 * athlete's run; it is thread-safe and may be shared between threads.
 *
 * <p>Every request goes through {@code Retry( CircuitBreaker( RateLimiter( http call )))}:
 * <ul>
 *   <li>the rate limiter (default 4 requests/s, burst 4) spaces all requests, reads included, and
 *       is drained when the server answers 429 so the whole run slows down;</li>
 *   <li>the circuit breaker counts 5xx and transport failures (never 4xx, 401 or 429) and, while
 *       open, fails calls fast without touching the network;</li>
 *   <li>the retry re-sends only what {@link RetryClassifier#maySendAgain} allows: GET and DELETE on
 *       429, 5xx and transport errors; POST on 429, 5xx other than 502/504, and transport errors
 *       that happened before the request was sent. A POST whose outcome is unknown is thrown, never
 *       re-sent. It waits {@code Retry-After} when the server gives one (capped at
 *       {@link #RETRY_AFTER_CAP}), the circuit breaker's remaining open time when it is open, and
 *       exponential backoff with jitter otherwise (also when a half-open circuit refuses a call
 *       because another thread's trial call is still running). When the next wait would go past the patience
 *       ({@link Builder#maxWait}) it throws {@link TpApiException.Unavailable} with the last failure
 *       as its cause.</li>
 * </ul>
 * Outside that chain, a 401 asks the {@link TokenSource} once for a different token and repeats the
 * call with it; otherwise {@link TpApiException.TokenExpired} is thrown.
 *
 * <p>Time and sleeping come from the injected {@link Clock} and {@link Sleeper}. OkHttp's own
 * connection retries and redirects are switched off, so a POST is never re-sent behind our back.
 */
public final class TpClient implements TpApi, AutoCloseable {

    public static final String DEFAULT_BASE_URL = "https://tpapi.trainingpeaks.com";

    public static final String BASE_URL_INVALID = "baseUrl is not a valid http(s) URL";
    public static final String BASE_URL_NOT_HTTPS =
            "baseUrl must use https; plain http is allowed only for a loopback host (127.0.0.0/8, localhost, [::1])";
    public static final String BASE_URL_HAS_QUERY = "baseUrl must not have a query or fragment";
    public static final String CREDENTIALS_MISSING = "credentials are missing: call credentials(..) or tokenSource(..)";
    public static final String RATE_LIMIT_INVALID = "rateLimit must be a finite number of requests per second above 0";
    public static final String MAX_WAIT_INVALID = "maxWait must not be negative";
    public static final String DURATION_NOT_POSITIVE = "timeouts and waits must be positive";

    public static final double DEFAULT_RATE_LIMIT = 4.0;
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CIRCUIT_OPEN_WAIT = Duration.ofSeconds(30);
    /** The longest {@code Retry-After} the client honours as given; longer ones are cut to this. */
    public static final Duration RETRY_AFTER_CAP = Duration.ofMinutes(5);
    /** Longest date range sent in one list request. */
    public static final int MAX_LIST_WINDOW_DAYS = 90;

    private static final Logger LOG = LoggerFactory.getLogger(TpClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    /** Added to the circuit breaker's open time so the retried call lands after it, not on it. */
    private static final Duration OPEN_MARGIN = Duration.ofMillis(1);

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final TokenSource tokens;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Duration circuitOpenWait;
    private final String userAgent;
    private final ErrorMapper errors;
    private final WorkoutJson json = new WorkoutJson();
    private final Backoff backoff;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final AtomicReference<Instant> openedAt = new AtomicReference<>(Instant.MIN);

    private TpClient(Builder b, HttpUrl baseUrl, TokenSource tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.maxWait = b.maxWait;
        this.circuitOpenWait = b.circuitOpenWait;
        this.userAgent = "tpsync/" + version();
        this.errors = new ErrorMapper(clock);
        this.backoff = new Backoff(b.random);
        this.ownsHttp = b.okHttpClient == null;
        this.http = httpClient(b);
        this.rateLimiter = rateLimiter(b.rateLimit, clock, maxWait);
        this.circuitBreaker = circuitBreaker(clock, circuitOpenWait);
        this.circuitBreaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.set(clock.instant());
            }
        });
        this.retry = Retry.of("tpapi", RetryConfig.custom()
                .maxAttempts(Integer.MAX_VALUE)
                .retryOnException(t -> t instanceof CallNotPermittedException || RetryClassifier.maySendAgain(t))
                .intervalBiFunction(this::retryInterval)
                .failAfterMaxAttempts(false)
                .build());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TpUser currentUser() {
        Endpoint e = new Endpoint("GET", url("users", "v3", "user"), null);
        return call(e, json::user);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Throws {@link TpApiException} with {@link TpApiException#outcomeUnknown()} true when the
     * request may have been carried out (lost response, 502, 504); read the day back before trying again.
     */
    @Override
    public CreatedWorkout createWorkout(long athleteId, NewWorkout workout) {
        Objects.requireNonNull(workout, "workout == null");
        Endpoint e = new Endpoint("POST", url("fitness", "v6", "athletes", Long.toString(athleteId), "workouts"),
                json.createBody(workout));
        return call(e, body -> json.created(body, workout.workoutDay()));
    }

    @Override
    public List<CalendarWorkout> listWorkouts(long athleteId, LocalDate start, LocalDate end) {
        Objects.requireNonNull(start, "start == null");
        Objects.requireNonNull(end, "end == null");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        List<CalendarWorkout> all = new ArrayList<>();
        for (LocalDate from = start; !from.isAfter(end); from = from.plusDays(MAX_LIST_WINDOW_DAYS)) {
            LocalDate to = from.plusDays(MAX_LIST_WINDOW_DAYS - 1L);
            if (to.isAfter(end)) {
                to = end;
            }
            Endpoint e = new Endpoint("GET", url("fitness", "v6", "athletes", Long.toString(athleteId), "workouts",
                    from.toString(), to.toString()), null);
            all.addAll(call(e, json::workouts));
        }
        all.sort(Comparator.comparing(CalendarWorkout::workoutDay));
        return List.copyOf(all);
    }

    @Override
    public void deleteWorkout(long athleteId, long workoutId) {
        Endpoint e = new Endpoint("DELETE", url("fitness", "v6", "athletes", Long.toString(athleteId), "workouts",
                Long.toString(workoutId)), null);
        call(e, body -> {
            json.deleted(body);
            return Boolean.TRUE;
        });
    }

    /** Releases connections and threads, but only of an OkHttpClient this client created itself. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The rate limiter shared by all calls of this client (visible for tests). */
    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** The circuit breaker shared by all calls of this client (visible for tests). */
    CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    @Override
    public String toString() {
        return "TpClient[" + baseUrl + "]";
    }

    // ---------------------------------------------------------------- the decorator chain

    private record Endpoint(String method, HttpUrl url, @Nullable String body) {
        String path() {
            return url.encodedPath();
        }
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(String body);
    }

    /** Outermost layer: one token refresh after a 401, then the retry chain. */
    private <T> T call(Endpoint e, BodyReader<T> reader) {
        PathGuard.check(e.path());
        BearerToken token = tokens.current();
        try {
            return withRetry(e, token, reader);
        } catch (TpApiException.TokenExpired expired) {
            Optional<BearerToken> fresh = tokens.refreshAfterRejection(token);
            if (fresh.isEmpty() || fresh.get().equals(token)) {
                throw expired;
            }
            LOG.debug("{} {} got 401; repeating once with a refreshed token", e.method(), e.path());
            return withRetry(e, fresh.get(), reader);
        }
    }

    /** Retry( CircuitBreaker( RateLimiter( http call ))), bounded by the patience. */
    private <T> T withRetry(Endpoint e, BearerToken token, BodyReader<T> reader) {
        Instant deadline = clock.instant().plus(maxWait);
        Retry.AsyncContext<Object> context = retry.asyncContext();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                T result = circuitBreaker.executeSupplier(() -> rateLimited(e, token, reader));
                context.onComplete();
                return result;
            } catch (TpApiException | CallNotPermittedException failure) {
                if (failure instanceof TpApiException || lastFailure == null) {
                    lastFailure = failure;
                }
                // The retry's predicate (CallNotPermitted or maySendAgain) decides: -1 means do not retry.
                long waitMillis = context.onError(failure);
                if (waitMillis < 0) {
                    throw failure instanceof TpApiException t ? t : unavailable(e, lastFailure);
                }
                Duration wait = Duration.ofMillis(waitMillis);
                Instant now = clock.instant();
                if (now.plus(wait).isAfter(deadline)) {
                    throw unavailable(e, lastFailure);
                }
                LOG.debug("{} {} failed ({}); retrying in {} ms", e.method(), e.path(),
                        failure.getClass().getSimpleName(), waitMillis);
                sleep(e, wait, lastFailure);
            }
        }
    }

    private <T> T rateLimited(Endpoint e, BearerToken token, BodyReader<T> reader) {
        long nanos = rateLimiter.reservePermission();
        if (nanos < 0) {
            throw new TpApiException.Unavailable(e.method(), e.path(), e.method() + " " + e.path()
                    + ": the client-side rate limit would delay this request longer than " + human(maxWait), null);
        }
        if (nanos > 0) {
            sleep(e, Duration.ofNanos(nanos), null);
        }
        try {
            T result = exchange(e, token, reader);
            rateLimiter.onResult(result);
            return result;
        } catch (RuntimeException failure) {
            rateLimiter.onError(failure);
            throw failure;
        }
    }

    /** The http call itself: one request, one response, mapped in the error mapper. */
    private <T> T exchange(Endpoint e, BearerToken token, BodyReader<T> reader) {
        SendProgress progress = new SendProgress();
        Request.Builder rb = new Request.Builder()
                .url(e.url())
                .header("Authorization", token.headerValue())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .tag(SendProgress.class, progress);
        String body = e.body();
        rb.method(e.method(), body == null ? null : RequestBody.create(body, JSON));
        long started = System.nanoTime();
        int status;
        String responseBody;
        Function<String, @Nullable String> header;
        try (Response response = http.newCall(rb.build()).execute()) {
            status = response.code();
            responseBody = response.body().string();
            header = response::header;
        } catch (IOException io) {
            LOG.debug("{} {} -> I/O failure after {} ms", e.method(), e.path(), millisSince(started));
            throw errors.transport(e.method(), e.path(), io, progress.sent);
        }
        LOG.debug("{} {} -> {} in {} ms", e.method(), e.path(), status, millisSince(started));
        String safeBody = scrub(responseBody, token);
        if (status < 200 || status > 299) {
            throw errors.fromResponse(e.method(), e.path(), status, header, safeBody);
        }
        try {
            return reader.read(safeBody);
        } catch (WorkoutJson.BadBody bad) {
            throw errors.invalidBody(e.method(), e.path(), status, bad.getMessage());
        }
    }

    /** Milliseconds the retry should wait: Retry-After, the circuit's remaining open time if any is left, or backoff. */
    private Long retryInterval(Integer attempt, Either<Throwable, Object> outcome) {
        if (outcome.isLeft()) {
            Throwable t = outcome.getLeft();
            if (t instanceof TpApiException.RateLimited limited && limited.retryAfter().isPresent()) {
                Duration ra = limited.retryAfter().get();
                return (ra.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : ra).toMillis();
            }
            if (t instanceof CallNotPermittedException) {
                // Open: wait out the open time. Half-open (open time over, the one trial call still
                // running elsewhere): fall through to backoff rather than polling every millisecond.
                Duration remaining = Duration.between(clock.instant(), openedAt.get().plus(circuitOpenWait));
                if (!remaining.isNegative() && !remaining.isZero()) {
                    return remaining.plus(OPEN_MARGIN).toMillis();
                }
            }
        }
        return backoff.delay(attempt).toMillis();
    }

    private void sleep(Endpoint e, Duration d, @Nullable RuntimeException lastFailure) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            TpApiException.Unavailable u = new TpApiException.Unavailable(e.method(), e.path(),
                    e.method() + " " + e.path() + ": interrupted while waiting to retry", lastFailure);
            throw u;
        }
    }

    private TpApiException.Unavailable unavailable(Endpoint e, RuntimeException last) {
        String why = last instanceof CallNotPermittedException
                ? "the circuit breaker stayed open"
                : last.getMessage();
        return new TpApiException.Unavailable(e.method(), e.path(), e.method() + " " + e.path()
                + ": TrainingPeaks still unavailable after the patience of " + human(maxWait) + " (last failure: " + why + ")",
                last);
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 60 && s % 60 == 0 ? (s / 60) + " min" : d.toMillis() + " ms";
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** Removes the token from server text, in case a server ever echoes the Authorization header. */
    private static String scrub(String body, BearerToken token) {
        return body.contains(token.token()) ? body.replace(token.token(), "[redacted]") : body;
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    // ---------------------------------------------------------------- construction helpers

    /** Whether the request (headers and any body) had been fully written; fed by an OkHttp event listener. */
    private static final class SendProgress {
        volatile boolean sent;
    }

    private static final class SendTracker extends EventListener {
        private static void mark(Call call) {
            SendProgress p = call.request().tag(SendProgress.class);
            if (p != null) {
                p.sent = true;
            }
        }

        @Override
        public void requestHeadersEnd(Call call, Request request) {
            if (request.body() == null) {
                mark(call);
            }
        }

        @Override
        public void requestBodyEnd(Call call, long byteCount) {
            mark(call);
        }

        @Override
        public void responseHeadersStart(Call call) {
            mark(call);
        }
    }

    private static final SendTracker SEND_TRACKER = new SendTracker();

    private static OkHttpClient httpClient(Builder b) {
        OkHttpClient.Builder hb;
        if (b.okHttpClient != null) {
            hb = b.okHttpClient.newBuilder();
        } else {
            hb = new OkHttpClient.Builder()
                    .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                    .readTimeout(DEFAULT_READ_TIMEOUT)
                    .writeTimeout(DEFAULT_WRITE_TIMEOUT)
                    .callTimeout(DEFAULT_CALL_TIMEOUT);
        }
        if (b.connectTimeout != null) {
            hb.connectTimeout(b.connectTimeout);
        }
        if (b.readTimeout != null) {
            hb.readTimeout(b.readTimeout);
        }
        if (b.callTimeout != null) {
            hb.callTimeout(b.callTimeout);
        }
        return hb.retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListener(SEND_TRACKER)
                .build();
    }

    private static RateLimiter rateLimiter(double perSecond, Clock clock, Duration maxWait) {
        int burst = (int) Math.max(1, Math.ceil(perSecond));
        long periodNanos = Math.max(1, Math.round(burst * 1_000_000_000d / perSecond));
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(burst)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(maxWait)
                .drainPermissionsOnResult(TpClient::isRateLimited)
                .build();
        return RateLimiter.of("tpapi", config, () -> nanos(clock));
    }

    private static boolean isRateLimited(Either<? extends Throwable, ?> outcome) {
        return outcome.isLeft() && outcome.getLeft() instanceof TpApiException.RateLimited;
    }

    private static long nanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static CircuitBreaker circuitBreaker(Clock clock, Duration openWait) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openWait)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(t -> t instanceof TpApiException.ServerError || t instanceof TpApiException.Transport)
                .ignoreException(t -> t instanceof TpApiException.RateLimited || t instanceof TpApiException.TokenExpired
                        || t instanceof TpApiException.Unavailable)
                .clock(clock)
                .build();
        return CircuitBreaker.of("tpapi", config);
    }

    private static String version() {
        try (InputStream in = TpClient.class.getResourceAsStream("tpsync-client.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").strip();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall back below
        }
        return "dev";
    }

    static HttpUrl checkBaseUrl(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl == null");
        HttpUrl url = HttpUrl.parse(baseUrl.strip());
        if (url == null) {
            throw new IllegalArgumentException(BASE_URL_INVALID);
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException(BASE_URL_HAS_QUERY);
        }
        if (!url.isHttps() && !isLoopback(url.host())) {
            throw new IllegalArgumentException(BASE_URL_NOT_HTTPS);
        }
        // Drop a trailing slash (and empty segments) so path segments append cleanly.
        HttpUrl.Builder b = url.newBuilder();
        List<String> segments = url.encodedPathSegments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            b.removePathSegment(i);
        }
        for (String s : segments) {
            if (!s.isEmpty()) {
                b.addEncodedPathSegment(s);
            }
        }
        HttpUrl clean = b.build();
        PathGuard.check(clean.encodedPath() + "/");
        return clean;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (LOOPBACK_V4.matcher(h).matches()) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Builds a client; {@link #build()} fails fast with exact messages (the constants above). */
    public static final class Builder {
        private HttpUrl baseUrl = checkBaseUrl(DEFAULT_BASE_URL);
        private @Nullable TokenSource tokenSource;
        private double rateLimit = DEFAULT_RATE_LIMIT;
        private Duration maxWait = DEFAULT_MAX_WAIT;
        private Duration circuitOpenWait = DEFAULT_CIRCUIT_OPEN_WAIT;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private RandomGenerator random = new Random();
        private @Nullable OkHttpClient okHttpClient;
        private @Nullable Duration connectTimeout;
        private @Nullable Duration readTimeout;
        private @Nullable Duration callTimeout;

        private Builder() {
        }

        /** Base URL; plain http is refused unless the host is loopback. A trailing slash is fine. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = checkBaseUrl(baseUrl);
            return this;
        }

        /** A fixed token: a 401 then always ends in {@link TpApiException.TokenExpired}. */
        public Builder credentials(BearerToken token) {
            this.tokenSource = TokenSource.fixed(Objects.requireNonNull(token, "credentials == null"));
            return this;
        }

        /** A token source that may supply a fresh token after a 401 (e.g. from a session cookie). */
        public Builder tokenSource(TokenSource source) {
            this.tokenSource = Objects.requireNonNull(source, "tokenSource == null");
            return this;
        }

        /** Client-side rate limit in requests per second (default 4, burst 4). */
        public Builder rateLimit(double requestsPerSecond) {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException(RATE_LIMIT_INVALID);
            }
            this.rateLimit = requestsPerSecond;
            return this;
        }

        /** How long to keep trying while the service is unavailable before giving up (default 10 min). */
        public Builder maxWait(Duration patience) {
            Objects.requireNonNull(patience, "maxWait == null");
            if (patience.isNegative()) {
                throw new IllegalArgumentException(MAX_WAIT_INVALID);
            }
            this.maxWait = patience;
            return this;
        }

        /** How long the circuit breaker stays open before letting a trial call through (default 30 s). */
        public Builder circuitOpenWait(Duration wait) {
            this.circuitOpenWait = positive(wait, "circuitOpenWait == null");
            return this;
        }

        /** The clock for patience, Retry-After dates, the rate limiter and the circuit breaker. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** How the client waits between attempts and for rate-limit permits. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
            return this;
        }

        /** The source of backoff jitter; pass a seeded one for repeatable waits. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random == null");
            return this;
        }

        /**
         * A base OkHttpClient (its timeouts, pool, proxy). The client derives its own from it with
         * connection retries and redirects switched off and its own event listener.
         */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttpClient = Objects.requireNonNull(client, "okHttpClient == null");
            return this;
        }

        /** Connect timeout (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout == null");
            return this;
        }

        /** Read timeout between bytes of a response (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout == null");
            return this;
        }

        /** Timeout for one whole request and response (default 60 s). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout == null");
            return this;
        }

        public TpClient build() {
            if (tokenSource == null) {
                throw new IllegalStateException(CREDENTIALS_MISSING);
            }
            return new TpClient(this, baseUrl, tokenSource);
        }

        private static Duration positive(Duration d, String nullMessage) {
            Objects.requireNonNull(d, nullMessage);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(DURATION_NOT_POSITIVE);
            }
            return d;
        }
    }
}
