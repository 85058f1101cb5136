package dev.tpsync.sandbox.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tpsync.sandbox.AccountType;
import dev.tpsync.sandbox.Fault;
import dev.tpsync.sandbox.FaultPlan;
import dev.tpsync.sandbox.RecordedRequest;
import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.SandboxWorkout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves every request of a sandbox: fault injection and rate limiting first, then auth, then the routes.
 * Runs on the HTTP server's worker threads; all shared state is thread-safe.
 */
public final class SandboxHandler implements HttpHandler {

    /** The longest list range, counting both ends. */
    public static final int MAX_RANGE_DAYS = 90;
    /** TrainingPeaks judges "today" for basic accounts in its server time, UTC-6. */
    public static final ZoneOffset TP_SERVER_OFFSET = ZoneOffset.ofHours(-6);
    public static final String DENIED = "Authorization has been denied for this request.";

    private static final Logger log = LoggerFactory.getLogger(SandboxHandler.class);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** Local date-time with seconds always written, as TrainingPeaks writes it. */
    public static final DateTimeFormatter LOCAL_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private record Response(int status, String body, Map<String, String> headers) {
        static Response json(int status, String body) {
            return new Response(status, body, Map.of());
        }
    }

    private final SandboxConfig config;
    private final JsonMapper json;
    private final TokenAuthority tokens;
    private final WorkoutStore store;
    private final CreateValidator validator;
    private final @Nullable TokenBucket bucket;
    private final Set<Long> writableAthletes;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger createCount = new AtomicInteger();
    private final AtomicLong requestCount = new AtomicLong();
    private final Map<String, AtomicLong> methodCounts = new ConcurrentHashMap<>();

    public SandboxHandler(SandboxConfig config, JsonMapper json, TokenAuthority tokens, WorkoutStore store) {
        this.config = config;
        this.json = json;
        this.tokens = tokens;
        this.store = store;
        this.validator = new CreateValidator(json);
        this.bucket = config.rateLimit()
                .map(r -> new TokenBucket(r.requestsPerSecond(), r.burst(), config.nanoTime()))
                .orElse(null);
        this.writableAthletes = config.accountType() == AccountType.COACH
                ? Set.copyOf(config.coachAthletes())
                : Set.of(config.athleteId());
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    public int createCount() {
        return createCount.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            log.warn("Sandbox failed while serving {} {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
        } finally {
            // Closing an exchange whose headers were never sent drops the connection: that is how
            // the reset and lost-response faults reach the client.
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String logged = query == null ? path : path + "?" + query;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean authPresent = authorization != null;
        long number = requestCount.incrementAndGet();
        long methodNumber = methodCounts.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();

        if (path.contains("/commands/")) {
            violations.add(method + " " + path);
            log.warn("Refused a call to a TrainingPeaks commands endpoint: {} {}", method, path);
            Response r = Response.json(500, message("An error has occurred."));
            String body = readBody(exchange);
            record(method, logged, body, r.status(), authPresent, Fault.Kind.NONE);
            send(exchange, r);
            return;
        }

        if (bucket != null) {
            long wait = bucket.tryAcquire();
            if (wait > 0) {
                Response r = new Response(429, message("Too many requests. Retry later."),
                        Map.of("Retry-After", Long.toString(wait)));
                String body = readBody(exchange);
                record(method, logged, body, r.status(), authPresent, Fault.Kind.TOO_MANY_REQUESTS);
                send(exchange, r);
                return;
            }
        }

        Fault fault = config.faultPlan().decide(new FaultPlan.Request(method, path, number, methodNumber));
        if (!config.latency().isZero()) {
            config.sleeper().sleep(config.latency());
        }
        if (fault.kind() == Fault.Kind.RESET) {
            record(method, logged, "", 0, authPresent, Fault.Kind.RESET);
            return;
        }
        String body = readBody(exchange);
        if (fault.kind() == Fault.Kind.TOO_MANY_REQUESTS || fault.kind() == Fault.Kind.SERVICE_UNAVAILABLE) {
            Response r = faultResponse(fault);
            record(method, logged, body, r.status(), authPresent, fault.kind());
            send(exchange, r);
            return;
        }
        if (fault.kind() == Fault.Kind.SLOW) {
            Duration delay = fault.delay();
            config.sleeper().sleep(delay == null ? config.slowResponseDelay() : delay);
        }

        Response r = route(method, path, body, authorization);
        if (fault.kind() == Fault.Kind.LOST_RESPONSE) {
            record(method, logged, body, r.status(), authPresent, Fault.Kind.LOST_RESPONSE);
            return;
        }
        record(method, logged, body, r.status(), authPresent, fault.kind());
        send(exchange, r);
    }

    private Response faultResponse(Fault fault) {
        if (fault.kind() == Fault.Kind.SERVICE_UNAVAILABLE) {
            return Response.json(503, message("The service is temporarily unavailable."));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        switch (fault.retryAfterFormat()) {
            case SECONDS -> headers.put("Retry-After", Long.toString(ceilSeconds(fault.retryAfter())));
            case HTTP_DATE -> {
                Instant at = config.clock().instant().plus(fault.retryAfter());
                headers.put("Retry-After", HTTP_DATE.format(
                        Instant.ofEpochSecond(at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0))));
            }
            case ABSENT -> { }
        }
        return new Response(429, message("Too many requests. Retry later."), headers);
    }

    private Response route(String method, String path, String body, @Nullable String authorization) {
        TokenAuthority.Verdict verdict = tokens.check(authorization);
        if (verdict != TokenAuthority.Verdict.ACCEPTED) {
            log.debug("401 for {} {}: {}", method, path, verdict);
            return new Response(401, message(DENIED), Map.of("WWW-Authenticate", "Bearer"));
        }
        List<String> s = segments(path);
        if (s.equals(List.of("users", "v3", "user"))) {
            return method.equals("GET") ? user() : notFound();
        }
        if (s.size() < 5 || !s.get(0).equals("fitness") || !s.get(1).equals("v6") || !s.get(2).equals("athletes")
                || !s.get(4).equals("workouts") || !s.get(3).matches("\\d{1,18}")) {
            return notFound();
        }
        long athlete = Long.parseLong(s.get(3));
        boolean known = (s.size() == 5 && method.equals("POST"))
                || (s.size() == 6 && (method.equals("GET") || method.equals("DELETE")))
                || (s.size() == 7 && method.equals("GET"));
        if (!known) {
            return notFound();
        }
        if (!writableAthletes.contains(athlete)) {
            return Response.json(403, message("User " + config.athleteId() + " has no access to athlete "
                    + athlete + "."));
        }
        if (s.size() == 5) {
            return create(athlete, body);
        }
        if (s.size() == 7) {
            return list(athlete, s.get(5), s.get(6));
        }
        return method.equals("GET") ? getOne(athlete, s.get(5)) : delete(athlete, s.get(5));
    }

    private Response create(long athlete, String body) {
        CreateValidator.Valid valid;
        try {
            valid = validator.validate(body, athlete);
        } catch (CreateValidator.Invalid e) {
            return Response.json(400, message(e.getMessage()));
        }
        LocalDate day = valid.workout().workoutDay();
        if (config.accountType() == AccountType.BASIC_ATHLETE) {
            LocalDate today = LocalDate.ofInstant(config.clock().instant(), TP_SERVER_OFFSET);
            if (day.isAfter(today)) {
                return Response.json(403, message("Basic accounts cannot plan future workouts: workoutDay " + day
                        + " is after today (" + today + ", TrainingPeaks server time UTC-6)."));
            }
        }
        SandboxWorkout stored = store.create(valid.workout());
        createCount.incrementAndGet();
        return Response.json(200, json.writeValueAsString(toJson(stored)));
    }

    private Response list(long athlete, String startText, String endText) {
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(startText);
            end = LocalDate.parse(endText);
        } catch (DateTimeParseException e) {
            return Response.json(400, message("Dates in the path must be YYYY-MM-DD, got " + startText + " and "
                    + endText + "."));
        }
        if (end.isBefore(start)) {
            return Response.json(400, message("The end date " + end + " is before the start date " + start + "."));
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_RANGE_DAYS) {
            return Response.json(400, message("The range " + start + " to " + end + " covers " + days
                    + " days; at most " + MAX_RANGE_DAYS + " are allowed."));
        }
        ArrayNode array = json.createArrayNode();
        for (SandboxWorkout w : store.between(athlete, start, end)) {
            array.add(toJson(w));
        }
        return Response.json(200, json.writeValueAsString(array));
    }

    private Response getOne(long athlete, String idText) {
        Long id = parseId(idText);
        SandboxWorkout w = id == null ? null : store.find(athlete, id).orElse(null);
        if (w == null) {
            return Response.json(400, message("Invalid workoutId (" + idText + ")"));
        }
        return Response.json(200, json.writeValueAsString(toJson(w)));
    }

    private Response delete(long athlete, String idText) {
        Long id = parseId(idText);
        if (id == null || !store.delete(athlete, id)) {
            return Response.json(400, message("Invalid workoutId (" + idText + ")"));
        }
        return Response.json(200, "true");
    }

    private Response user() {
        ObjectNode root = json.createObjectNode();
        ObjectNode user = root.putObject("user");
        long id = config.athleteId();
        boolean coach = config.accountType() == AccountType.COACH;
        user.put("userId", id);
        user.put("personId", id);
        user.put("firstName", "Sandbox");
        user.put("lastName", coach ? "Coach" : "Athlete");
        user.put("email", "user" + id + "@sandbox.invalid");
        user.put("userType", coach ? 2 : 1);
        user.put("timeZone", "America/Denver");
        ArrayNode athletes = user.putArray("athletes");
        if (coach) {
            int n = 1;
            for (Long rosterId : config.coachAthletes()) {
                ObjectNode a = athletes.addObject();
                a.put("athleteId", rosterId);
                a.put("firstName", "Roster");
                a.put("lastName", "Athlete " + n++);
            }
        } else {
            ObjectNode a = athletes.addObject();
            a.put("athleteId", id);
            a.put("firstName", "Sandbox");
            a.put("lastName", "Athlete");
        }
        user.putObject("settings").putObject("account")
                .put("isPremium", config.accountType() != AccountType.BASIC_ATHLETE);
        ObjectNode status = root.putObject("accountStatus");
        status.put("isAthlete", !coach);
        status.put("isCoach", coach);
        status.put("isCoachedAthlete", false);
        status.put("billingTier", config.accountType() == AccountType.BASIC_ATHLETE ? 0 : 1);
        status.put("lockedOut", false);
        status.put("pastDue", false);
        return Response.json(200, json.writeValueAsString(root));
    }

    private ObjectNode toJson(SandboxWorkout w) {
        ObjectNode n = json.createObjectNode();
        n.put("workoutId", w.workoutId());
        n.put("athleteId", w.athleteId());
        n.put("title", w.title());
        n.put("workoutTypeValueId", w.workoutTypeValueId());
        n.putNull("code");
        n.put("workoutDay", w.workoutDay() + "T00:00:00");
        n.putNull("startTime");
        n.put("startTimePlanned", w.startTimePlanned() == null ? null : LOCAL_SECONDS.format(w.startTimePlanned()));
        n.put("isItAnOr", false);
        n.putNull("isHidden");
        n.putNull("completed");
        n.put("description", w.description());
        n.put("userTags", w.userTags());
        n.putNull("coachComments");
        n.putArray("workoutComments");
        n.putNull("newComment");
        n.put("publicSettingValue", 2);
        n.putNull("distance");
        n.put("distancePlanned", w.distancePlanned());
        n.putNull("totalTime");
        n.put("totalTimePlanned", w.totalTimePlanned());
        n.putNull("caloriesPlanned");
        n.putNull("tssActual");
        n.put("tssPlanned", w.tssPlanned());
        n.putNull("if");
        n.put("ifPlanned", w.ifPlanned());
        n.putNull("velocityPlanned");
        n.putNull("energyPlanned");
        n.putNull("elevationGainPlanned");
        n.putNull("lastModifiedDate");
        n.putNull("rpe");
        n.putNull("feeling");
        n.set("structure", structureObject(w.structure()));
        n.putNull("orderOnDay");
        n.putNull("workoutSubTypeId");
        return n;
    }

    private @Nullable JsonNode structureObject(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            // Only seeded workouts can hold unparsable text; echo it as the string it is.
            return json.getNodeFactory().stringNode(text);
        }
    }

    private String message(String text) {
        ObjectNode n = json.createObjectNode();
        n.put("message", text);
        return json.writeValueAsString(n);
    }

    private Response notFound() {
        return Response.json(404, message("No HTTP resource was found that matches the request URI."));
    }

    /** Called before the answer goes out, so a client that has its answer also sees the request in the log. */
    private void record(String method, String path, String body, int status, boolean authPresent, Fault.Kind fault) {
        requests.add(new RecordedRequest(method, path, body, status, authPresent, fault));
        log.debug("{} {} -> {} ({})", method, path, status, fault);
    }

    private static @Nullable Long parseId(String text) {
        if (!text.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private static long ceilSeconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, Response r) throws IOException {
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
