package dev.tpsync.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1}s")
    @CsvSource(delimiter = '|', value = {
            "90|5400", "42.5|2550", "42,5|2550", "90m|5400", "90min|5400", "90 min|5400", "90 minutes|5400",
            "1:30|5400", "0:45|2700", "1:30:00|5400", "1:30:15|5415", "1.5h|5400", "1h30m|5400", "1h30|5400",
            "1h 30min 15s|5415", "2 hours|7200", "45s|45", "45 sec|45", "  1H30M  |5400", "0|0", "0:00|0"})
    void parsesTheNotationsPeopleWrite(String text, long seconds) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1h30x", "30m1h", "1h1h", "1:75", "1:30:99", "h", "1..5h", "90 kilometers", "1:2:3:4", ""})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-30", "-1h", "- 5"})
    void refusesNegativeDurationsSayingSo(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9000h", "99999999999999999999", "9999999:00", "1001:00:00"})
    void refusesAbsurdlyLongDurations(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("longer than");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5x", "90 parsecs"})
    void namesTheUnitsWhenTheUnitIsUnknown(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("unknown time unit").hasMessageNotContaining(text);
    }
}
