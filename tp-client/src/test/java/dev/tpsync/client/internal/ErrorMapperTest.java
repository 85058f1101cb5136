package dev.tpsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.client.TpApiException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMapperTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private final ErrorMapper mapper = new ErrorMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Function<String, @Nullable String> headers(Map<String, String> h) {
        return name -> h.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("GET", 401, TpApiException.TokenExpired.class, false, false),
                Arguments.of("GET", 403, TpApiException.Forbidden.class, false, false),
                Arguments.of("GET", 429, TpApiException.RateLimited.class, true, false),
                Arguments.of("POST", 429, TpApiException.RateLimited.class, true, false),
                Arguments.of("GET", 400, TpApiException.ClientError.class, false, false),
                Arguments.of("GET", 404, TpApiException.ClientError.class, false, false),
                Arguments.of("DELETE", 409, TpApiException.ClientError.class, false, false),
                Arguments.of("GET", 500, TpApiException.ServerError.class, true, false),
                Arguments.of("POST", 500, TpApiException.ServerError.class, true, false),
                Arguments.of("POST", 502, TpApiException.ServerError.class, true, true),
                Arguments.of("POST", 503, TpApiException.ServerError.class, true, false),
                Arguments.of("POST", 504, TpApiException.ServerError.class, true, true),
                Arguments.of("GET", 504, TpApiException.ServerError.class, true, false),
                Arguments.of("GET", 302, TpApiException.InvalidResponse.class, false, false));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("statuses")
    void mapsEachStatusToOneExceptionType(String method, int status, Class<?> type, boolean retryable, boolean unknown) {
        TpApiException e = mapper.fromResponse(method, "/p", status, headers(Map.of()), "");

        assertThat(e).isInstanceOf(type);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.outcomeUnknown()).isEqualTo(unknown);
        assertThat(e.getMessage()).startsWith(method + " /p -> " + status);
    }

    @Test
    void forbiddenCarriesTrainingPeaksMessageAndTheBasicAccountHint() {
        TpApiException e = mapper.fromResponse("POST", "/fitness/v6/athletes/1/workouts", 403, headers(Map.of()),
                "{\"message\":\"Basic athletes cannot plan future workouts\"}");

        assertThat(e).isInstanceOf(TpApiException.Forbidden.class);
        assertThat(e.getMessage())
                .contains("POST /fitness/v6/athletes/1/workouts -> 403")
                .contains("Basic athletes cannot plan future workouts")
                .contains("basic (free) account cannot plan workouts on future days");
    }

    @Test
    void serverMessageIsShortSingleLineAndPicksJsonText() {
        assertThat(ErrorMapper.serverMessage("\"Invalid workoutId (42)\"")).isEqualTo("Invalid workoutId (42)");
        assertThat(ErrorMapper.serverMessage("{\"Message\":\"An error has occurred.\"}")).isEqualTo("An error has occurred.");
        assertThat(ErrorMapper.serverMessage("line one\n  line two")).isEqualTo("line one line two");
        assertThat(ErrorMapper.serverMessage("<html><body>Bad gateway</body></html>")).isEqualTo("(HTML error page)");
        assertThat(ErrorMapper.serverMessage("x".repeat(500))).hasSize(ErrorMapper.MAX_SERVER_MESSAGE + 1);
        assertThat(ErrorMapper.serverMessage("  ")).isEmpty();
    }

    @Test
    void retryAfterInSeconds() {
        TpApiException e = mapper.fromResponse("GET", "/p", 429, headers(Map.of("Retry-After", "7")), "");

        assertThat(((TpApiException.RateLimited) e).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterHttpDateIsRelativeToTheResponseDateHeader() {
        TpApiException e = mapper.fromResponse("GET", "/p", 429, headers(Map.of(
                "Date", "Wed, 01 Jan 2025 00:00:00 GMT",
                "Retry-After", "Wed, 01 Jan 2025 00:00:12 GMT")), "");

        assertThat(((TpApiException.RateLimited) e).retryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void retryAfterHttpDateWithoutDateHeaderIsRelativeToTheClock() {
        assertThat(mapper.retryAfter("Mon, 02 Mar 2026 10:00:30 GMT", null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(mapper.retryAfter("Mon, 02 Mar 2026 09:00:00 GMT", null)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAbsentOrUnreadableIsEmpty() {
        assertThat(mapper.retryAfter(null, null)).isNull();
        assertThat(mapper.retryAfter("soon", null)).isNull();
        assertThat(mapper.retryAfter("-3", null)).isNull();
        TpApiException e = mapper.fromResponse("GET", "/p", 429, headers(Map.of()), "");
        assertThat(((TpApiException.RateLimited) e).retryAfter()).isEmpty();
    }

    static Stream<Arguments> transportFailures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), false, false),
                Arguments.of(new UnknownHostException("tpapi.example"), false, false),
                Arguments.of(new SocketTimeoutException("connect timed out"), true, false),
                Arguments.of(new SocketTimeoutException("timeout"), true, true),
                Arguments.of(new SocketTimeoutException("Read timed out"), true, true),
                Arguments.of(new EOFException("\\n not found: limit=0"), true, true),
                Arguments.of(new IOException("unexpected end of stream"), true, true),
                Arguments.of(new SocketException("Connection reset"), true, true),
                Arguments.of(new SocketException("Broken pipe"), false, false));
    }

    @ParameterizedTest(name = "{0} sent={1} -> requestSent={2}")
    @MethodSource("transportFailures")
    void transportFailuresKnowWhetherThePostMayHaveReachedTheServer(IOException failure, boolean sent, boolean unknown) {
        TpApiException e = mapper.transport("POST", "/fitness/v6/athletes/1/workouts", failure, sent);

        assertThat(e).isInstanceOf(TpApiException.Transport.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.outcomeUnknown()).isEqualTo(unknown);
        assertThat(e.getCause()).isSameAs(failure);
        assertThat(e.getMessage()).startsWith("POST /fitness/v6/athletes/1/workouts: ");
    }

    @Test
    void transportFailuresOfReadsAreNeverOutcomeUnknown() {
        TpApiException e = mapper.transport("GET", "/p", new SocketException("Connection reset"), true);

        assertThat(e.outcomeUnknown()).isFalse();
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void invalidBodyNamesTheProblem() {
        TpApiException e = mapper.invalidBody("POST", "/p", 200, "the response has no workoutId");

        assertThat(e).isInstanceOf(TpApiException.InvalidResponse.class);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("POST /p -> 200 but the response has no workoutId");
    }
}
