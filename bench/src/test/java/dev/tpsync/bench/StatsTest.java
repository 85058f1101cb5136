package dev.tpsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
    }

    @Test
    void medianOfNothingIsRefused() {
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateUseIsTheBoundOverTheElapsedTime() {
        // 400 workouts at 20/s: bound 20 s; 21 s elapsed reaches 20/21 of the rate.
        assertThat(Stats.rateUse(400, 20, 21_000_000_000L)).isCloseTo(20.0 / 21.0, within(1e-12));
        assertThat(Stats.rateUse(400, 20, 20_000_000_000L)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void perSecondCountsItemsPerElapsedSecond() {
        assertThat(Stats.perSecond(1000, 500_000_000L)).isCloseTo(2000.0, within(1e-9));
        assertThatThrownBy(() -> Stats.perSecond(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsUseADotAndFixedDecimals() {
        assertThat(Stats.seconds(1_234_000_000L)).isEqualTo("1.23 s");
        assertThat(Stats.millis(2_013_400_000L)).isEqualTo("2013 ms");
        assertThat(Stats.mebibytes(286_720)).isEqualTo("280 MiB");
        assertThat(Stats.fixed(0.9549, 3)).isEqualTo("0.955");
    }
}
