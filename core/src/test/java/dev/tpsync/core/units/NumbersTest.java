package dev.tpsync.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void acceptsDotOrCommaAsDecimalSeparator() {
        assertThat(Numbers.parseDecimal("12.5")).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(Numbers.parseDecimal("12,5")).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(Numbers.parseDecimal("-3")).isEqualByComparingTo(new BigDecimal("-3"));
        assertThat(Numbers.parseDecimal(".5")).isEqualByComparingTo(new BigDecimal("0.5"));
    }

    @Test
    void refusesNonNumbers() {
        assertThatThrownBy(() -> Numbers.parseDecimal("1,000.5")).hasMessage("is not a number");
        assertThatThrownBy(() -> Numbers.parseDecimal("1e3")).hasMessage("is not a number");
        assertThatThrownBy(() -> Numbers.parseDecimal(" ")).hasMessage("is empty");
    }

    @Test
    void wholeNumbersAcceptTrailingZeroDecimalsOnly() {
        assertThat(Numbers.parseWhole("3")).isEqualTo(3);
        assertThat(Numbers.parseWhole("3.0")).isEqualTo(3);
        assertThatThrownBy(() -> Numbers.parseWhole("3.5")).hasMessage("is not a whole number");
        assertThatThrownBy(() -> Numbers.parseWhole("99999999999999999999999")).hasMessage("is too large");
    }
}
