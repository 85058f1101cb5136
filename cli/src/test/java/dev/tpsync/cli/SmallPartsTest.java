package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmallPartsTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "plan.csv|plan.csv",
        "/home/ada/plans/2026-spring.csv|/home/ada/plans/2026-spring.csv",
        "--start|--start",
        "my plan.csv|'my plan.csv'",
        "it's.csv|'it'\\''s.csv'",
        "\"quoted\"|'\"quoted\"'",
        "$HOME/x|'$HOME/x'",
        "a;rm -rf b|'a;rm -rf b'",
        "*.csv|'*.csv'"
    })
    void shellQuotingKeepsSafeWordsAndSingleQuotesTheRest(String word, String quoted) {
        assertThat(ShellQuoting.quote(word)).isEqualTo(quoted);
    }

    @Test
    void shellQuotingQuotesTheEmptyWord() {
        assertThat(ShellQuoting.join(List.of("import", "", "x y"))).isEqualTo("import '' 'x y'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "m", "10 min", "-5m", "PT", "P1X"})
    void durationsRejectWhatTheyCannotRead(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsAreFormattedShortly() {
        assertThat(Durations.format(Duration.ofMillis(4200))).isEqualTo("4.2 s");
        assertThat(Durations.format(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Durations.format(Duration.ofMinutes(62))).isEqualTo("1 h 2 min");
    }

    @Test
    void barFillsInProportion() {
        assertThat(ProgressReporter.bar(70, 150, LocalDate.of(2026, 3, 14)))
                .isEqualTo("[" + "#".repeat(14) + ".".repeat(16) + "] 70/150  2026-03-14");
        assertThat(ProgressReporter.bar(0, 5, null)).isEqualTo("[" + ".".repeat(30) + "] 0/5");
    }

    @Test
    void progressLogModeSaysWhenAnImportContinues() {
        StringWriter buffer = new StringWriter();
        ProgressReporter reporter = new ProgressReporter(new PrintWriter(buffer), false, "plan.csv");

        reporter.started(150, 70);
        reporter.chunkWritten(80, 150, LocalDate.of(2026, 3, 20));
        reporter.finish();

        assertThat(buffer.toString().lines()).containsExactly(
                "tpsync: plan.csv: 150 workouts, 70 already on the calendar; continuing",
                "tpsync: 80/150 workouts on the calendar (through 2026-03-20)");
    }

    @Test
    void tokenLookalikesAreRecognised() {
        assertThat(Redactor.looksLikeToken("Bearer abc")).isTrue();
        assertThat(Redactor.looksLikeToken("eyJhbGciOi")).isTrue();
        assertThat(Redactor.looksLikeToken("gAAAAB1234")).isTrue();
        assertThat(Redactor.looksLikeToken("plan.csv")).isFalse();
        assertThat(Redactor.looksLikeToken("--start")).isFalse();
    }

    @Test
    void redactorMasksEveryPastedPiece() {
        Redactor redactor = new Redactor();
        redactor.addSecret("Authorization: Bearer abcdefgh12345678\n");

        assertThat(redactor.redact("x abcdefgh12345678 y")).isEqualTo("x <redacted> y");
        assertThat(redactor.redact("Bearer")).isEqualTo("Bearer");
        // The header label is not a secret, so notes that name it stay readable.
        assertThat(redactor.redact("Removed the label \"Authorization:\"")).isEqualTo("Removed the label \"Authorization:\"");
    }
}
