package dev.tpsync.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

class AthleteIdsTest {

    static Stream<Arguments> acceptedPastes() {
        return Stream.of(
                Arguments.of("123456", 123456L),
                Arguments.of("  123456 \n", 123456L),
                Arguments.of("\"123456\"", 123456L),
                Arguments.of("'123456'", 123456L),
                Arguments.of("\u201C123456\u201D", 123456L),
                Arguments.of("\u00AB123456\u00BB", 123456L),
                Arguments.of("\u201E123456\u201C", 123456L),
                Arguments.of("\u200B123456", 123456L),
                Arguments.of("\uFEFF \"123456\" \u200B", 123456L),
                Arguments.of("123 456", 123456L),
                Arguments.of("123\u202F456", 123456L),
                Arguments.of("https://tpapi.trainingpeaks.com/fitness/v6/athletes/123456/calendar", 123456L),
                Arguments.of("https://tpapi.trainingpeaks.com/workouts/v2/athletes/654321/workouts?x=1", 654321L),
                Arguments.of("/fitness/v6/athletes/42", 42L),
                Arguments.of("https://app.trainingpeaks.com/#calendar/athletes/777/", 777L));
    }

    @ParameterizedTest
    @MethodSource("acceptedPastes")
    void acceptsDigitsOrAnAthletesUrl(String pasted, long expected) {
        assertThat(AthleteIds.parse(pasted)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|empty",
            "0|cannot be 0",
            "000|cannot be 0",
            "-5|negative",
            "12a45|digits only",
            "athlete 12|digits only",
            "https://app.trainingpeaks.com/calendar|does not contain /athletes/",
            "https://tpapi.trainingpeaks.com/fitness/v6/athletes/me/workouts|no number after it",
            "12345678901234567890123|too long",
            "Bearer eyJhbGciOi|bearer token"})
    void refusesWithAReason(String pasted, String reason) {
        CredentialException e = catchThrowableOfType(CredentialException.class, () -> AthleteIds.parse(pasted));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(reason);
    }
}
