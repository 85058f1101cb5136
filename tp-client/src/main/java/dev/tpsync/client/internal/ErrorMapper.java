package dev.tpsync.client.internal;

import dev.tpsync.client.TpApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an HTTP outcome into a {@link TpApiException}. This is the only place where statuses,
 * headers and error bodies are interpreted; everything else just throws what it returns.
 *
 * <p>Messages hold the method, the path and a short, single-line server message. Callers pass
 * bodies that were already scrubbed of the token.
 */
public final class ErrorMapper {

    /** Longest server message copied into an exception message. */
    static final int MAX_SERVER_MESSAGE = 200;

    static final String FORBIDDEN_HINT =
            "TrainingPeaks refused this for the account; a basic (free) account cannot plan workouts on future days";
    static final String EXPIRED_HINT = "the token expired or was rejected; copy a fresh one from the browser";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;

    public ErrorMapper(Clock clock) {
        this.clock = clock;
    }

    /**
     * Maps a non-2xx response. {@code header} looks a response header up by name (null when absent).
     */
    public TpApiException fromResponse(String method, String path, int status,
                                       Function<String, @Nullable String> header, String body) {
        String where = method + " " + path;
        String server = serverMessage(body);
        String suffix = server.isEmpty() ? "" : ": " + server;
        if (status == 401) {
            return new TpApiException.TokenExpired(method, path, where + " -> 401 Unauthorized (" + EXPIRED_HINT + ")" + suffix);
        }
        if (status == 403) {
            return new TpApiException.Forbidden(method, path, where + " -> 403 Forbidden" + suffix + " (" + FORBIDDEN_HINT + ")");
        }
        if (status == 429) {
            Duration retryAfter = retryAfter(header.apply("Retry-After"), header.apply("Date"));
            String wait = retryAfter == null ? "" : " (Retry-After " + retryAfter.toMillis() + " ms)";
            return new TpApiException.RateLimited(method, path, where + " -> 429 Too Many Requests" + wait + suffix, retryAfter);
        }
        if (status >= 400 && status < 500) {
            return new TpApiException.ClientError(status, method, path, where + " -> " + status + suffix);
        }
        if (status >= 500 && status < 600) {
            return new TpApiException.ServerError(status, method, path, where + " -> " + status + suffix);
        }
        return new TpApiException.InvalidResponse(status, method, path,
                where + " -> " + status + " (unexpected status)" + suffix);
    }

    /** A 2xx whose body does not hold what the API promises. */
    public TpApiException.InvalidResponse invalidBody(String method, String path, int status, String problem) {
        return new TpApiException.InvalidResponse(status, method, path,
                method + " " + path + " -> " + status + " but " + problem);
    }

    /**
     * Maps an I/O failure. {@code requestSent} says whether the whole request (headers and body)
     * had been written before it failed; only then may the server have acted on it.
     */
    public TpApiException.Transport transport(String method, String path, IOException failure, boolean requestSent) {
        boolean sent = requestSent && !isConnectFailure(failure);
        String what = sent ? "the connection failed after the request was sent" : "could not send the request";
        String detail = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + oneLine(failure.getMessage()));
        return new TpApiException.Transport(method, path, method + " " + path + ": " + what + " (" + detail + ")", sent, failure);
    }

    private static boolean isConnectFailure(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect"));
    }

    /**
     * Parses {@code Retry-After}: delta seconds, or an HTTP-date taken relative to the response's
     * {@code Date} header when present, else relative to the clock. Null when absent or unparsable;
     * never negative.
     */
    @Nullable Duration retryAfter(@Nullable String value, @Nullable String dateHeader) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException tooBig) {
                return null;
            }
        }
        Instant until = httpDate(v);
        if (until == null) {
            return null;
        }
        Instant now = dateHeader == null ? null : httpDate(dateHeader.trim());
        if (now == null) {
            now = clock.instant();
        }
        Duration d = Duration.between(now, until);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static @Nullable Instant httpDate(String s) {
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A short, single-line message out of an error body: a JSON string, a JSON message field, or the text. */
    static String serverMessage(String body) {
        String b = body.strip();
        if (b.isEmpty()) {
            return "";
        }
        if (b.startsWith("<")) {
            return "(HTML error page)";
        }
        if (b.startsWith("{") || b.startsWith("[") || b.startsWith("\"")) {
            try {
                JsonNode node = JSON.readTree(b);
                String picked = pick(node);
                if (picked != null) {
                    return shorten(picked);
                }
            } catch (JacksonException notJson) {
                // fall through to the raw text
            }
        }
        return shorten(b);
    }

    private static @Nullable String pick(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isObject()) {
            for (String key : new String[] {"message", "Message", "error_description", "errorMessage", "ExceptionMessage",
                    "detail", "title", "error", "Error"}) {
                JsonNode v = node.get(key);
                if (v != null && v.isString() && !v.stringValue().isBlank()) {
                    return v.stringValue();
                }
            }
            JsonNode errors = node.get("errors");
            if (errors != null && errors.isArray() && !errors.isEmpty()) {
                return pick(errors.get(0));
            }
        }
        if (node.isArray() && !node.isEmpty()) {
            return pick(node.get(0));
        }
        return null;
    }

    private static String shorten(String s) {
        String line = oneLine(s);
        return line.length() <= MAX_SERVER_MESSAGE ? line : line.substring(0, MAX_SERVER_MESSAGE) + "…";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
