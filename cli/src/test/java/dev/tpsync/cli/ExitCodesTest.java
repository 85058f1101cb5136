package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.batch.ImportResult.Outcome;
import dev.tpsync.client.TpApiException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExitCodesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "COMPLETED, 0",
        "UP_TO_DATE, 0",
        "TOKEN_EXPIRED, 75",
        "UNAVAILABLE, 75",
        "INTERRUPTED, 75",
        "FORBIDDEN, 77",
        "FAILED, 1"
    })
    void eachOutcomeMapsToItsExitCode(Outcome outcome, int expected) {
        assertThat(ExitCodes.of(outcome)).isEqualTo(expected);
    }

    @Test
    void codesFollowSysexits() {
        assertThat(ExitCodes.USAGE).isEqualTo(64);
        assertThat(ExitCodes.INVALID_PLAN).isEqualTo(65);
        assertThat(ExitCodes.NO_INPUT).isEqualTo(66);
        assertThat(ExitCodes.RESUMABLE).isEqualTo(75);
        assertThat(ExitCodes.NO_PERMISSION).isEqualTo(77);
    }

    static Stream<Arguments> startupFailures() {
        return Stream.of(
                Arguments.of(new TpApiException.TokenExpired("GET", "/users/v3/user", "401"), 77),
                Arguments.of(new TpApiException.Forbidden("GET", "/users/v3/user", "403"), 77),
                Arguments.of(new TpApiException.Unavailable("GET", "/users/v3/user", "circuit open", null), 75),
                Arguments.of(new TpApiException.RateLimited("GET", "/users/v3/user", "429", Duration.ofSeconds(5)), 75),
                Arguments.of(new TpApiException.ServerError(503, "GET", "/users/v3/user", "503"), 75),
                Arguments.of(new TpApiException.Transport("GET", "/users/v3/user", "reset", false, null), 75),
                Arguments.of(new TpApiException.ClientError(400, "GET", "/users/v3/user", "400"), 1),
                Arguments.of(new TpApiException.InvalidResponse(200, "GET", "/users/v3/user", "no userId"), 1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("startupFailures")
    void apiFailuresWhileCheckingTheAccountMapToExitCodes(TpApiException failure, int expected) {
        assertThat(ExitCodes.of(failure)).isEqualTo(expected);
    }
}
