package dev.tpsync.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistancesTest {

    @ParameterizedTest(name = "{0} = {1} m")
    @CsvSource(delimiter = '|', value = {
            "10km|10000", "10 km|10000", "10 KM|10000", "21.1km|21100", "21,1 km|21100", "5mi|8046.72",
            "1 mile|1609.344", "1500m|1500", "1500 metres|1500", "800yd|731.52", "100 yards|91.44", "0m|0"})
    void convertsToMetres(String text, double meters) {
        assertThat(Distances.parseMeters(text)).isCloseTo(meters, within(1e-6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "10.5", " 42 "})
    void refusesABareNumberBecauseTheUnitIsAmbiguous(String text) {
        assertThatThrownBy(() -> Distances.parseMeters(text)).hasMessageContaining("needs a unit");
    }

    @Test
    void refusesNegativeDistances() {
        assertThatThrownBy(() -> Distances.parseMeters("-5km")).hasMessageContaining("negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 furlongs", "km", "ten km", "5k m"})
    void refusesUnknownUnitsAndNonNumbers(String text) {
        assertThatThrownBy(() -> Distances.parseMeters(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTrainingDojoUnitSpellings() {
        assertThat(Distances.toMeters(new BigDecimal("2"), "kilometer")).isEqualTo(2000);
        assertThat(Distances.toMeters(new BigDecimal("2"), "yard")).isCloseTo(1.8288, within(1e-9));
        assertThat(Distances.metersPer("Mile")).contains(1609.344);
        assertThat(Distances.metersPer("parsec")).isEmpty();
    }

    @Test
    void refusesAbsurdDistances() {
        assertThatThrownBy(() -> Distances.parseMeters("99999 km")).hasMessageContaining("longer than");
    }
}
