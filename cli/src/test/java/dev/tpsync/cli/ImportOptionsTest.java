package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ImportOptionsTest {

    private final CliHarness cli = new CliHarness();

    private ImportCommand parse(String... args) {
        CommandLine cmd = Main.commandLine(args, cli.deps());
        CommandLine.ParseResult result = cmd.parseArgs(args);
        return (ImportCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void defaultsApplyWhenOnlyThePlanIsGiven() {
        ImportCommand command = parse("import", "plan.csv");

        assertThat(command.planFile).isEqualTo(Path.of("plan.csv"));
        assertThat(command.chunkSize).isEqualTo(10);
        assertThat(command.rate).isEqualTo(4.0);
        assertThat(command.concurrency).isEqualTo(1);
        assertThat(command.maxWait).isEqualTo(Duration.ofMinutes(10));
        assertThat(command.start).isNull();
        assertThat(command.athlete).isNull();
        assertThat(command.sandbox).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        ImportCommand command = parse("import", "my plan.csv", "--start", "2026-03-02", "--athlete", "42",
                "--token-file", "tok.txt", "--chunk-size", "25", "--home", "/tmp/h", "--api-url", "http://127.0.0.1:9",
                "--rate", "2.5", "--concurrency", "4", "--max-wait", "90s", "--debug");

        assertThat(command.planFile).isEqualTo(Path.of("my plan.csv"));
        assertThat(command.start).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(command.athlete).isEqualTo("42");
        assertThat(command.tokenFile).isEqualTo(Path.of("tok.txt"));
        assertThat(command.chunkSize).isEqualTo(25);
        assertThat(command.home).isEqualTo(Path.of("/tmp/h"));
        assertThat(command.apiUrl).isEqualTo("http://127.0.0.1:9");
        assertThat(command.rate).isEqualTo(2.5);
        assertThat(command.concurrency).isEqualTo(4);
        assertThat(command.maxWait).isEqualTo(Duration.ofSeconds(90));
        assertThat(command.debug).isTrue();
    }

    @ParameterizedTest(name = "--max-wait {0} = {1} s")
    @CsvSource({"90s, 90", "10m, 600", "1h, 3600", "1h30m, 5400", "PT10M, 600", "pt2h, 7200"})
    void maxWaitAcceptsShortFormsAndIso8601(String text, long seconds) {
        assertThat(parse("import", "p.csv", "--max-wait", text).maxWait).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-3"})
    void chunkSizeOutsideOneToThousandIsAUsageError(String value) {
        int code = cli.run("import", "p.csv", "--chunk-size", value);

        assertThat(code).isEqualTo(64);
        assertThat(cli.err()).contains("--chunk-size", value, "1..1000").contains("tpsync import --help");
        assertThat(cli.plansRead).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9", "-1"})
    void concurrencyOutsideOneToEightIsAUsageError(String value) {
        int code = cli.run("import", "p.csv", "--concurrency", value);

        assertThat(code).isEqualTo(64);
        assertThat(cli.err()).contains("--concurrency", value, "1..8").contains("tpsync import --help");
        assertThat(cli.plansRead).isZero();
        assertThat(cli.engine.requests).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--start|2026-13-01|YYYY-MM-DD",
        "--start|next monday|YYYY-MM-DD",
        "--max-wait|5x|90s, 10m",
        "--max-wait|0s|longer than zero",
        "--rate|0|requests per second",
        "--rate|abc|--rate",
        "--concurrency|two|--concurrency"
    })
    void badOptionValuesAreUsageErrorsThatSayWhatIsExpected(String option, String value, String hint) {
        int code = cli.run("import", "p.csv", option, value);

        assertThat(code).isEqualTo(64);
        assertThat(cli.err()).contains(option).contains(hint).contains("Try 'tpsync import --help'");
        assertThat(cli.plansRead).isZero();
    }

    @Test
    void missingPlanIsAUsageError() {
        assertThat(cli.run("import")).isEqualTo(64);
        assertThat(cli.err()).contains("Missing required parameter: 'PLAN'");
    }

    @Test
    void unknownOptionIsAUsageErrorWithASuggestion() {
        assertThat(cli.run("import", "p.csv", "--chunksize", "5")).isEqualTo(64);
        assertThat(cli.err()).contains("Unknown option").contains("--chunk-size");
    }

    @Test
    void aTokenPastedAsAnArgumentIsNotEchoedInTheUsageError() {
        int code = cli.run("import", "p.csv", "Bearer " + CliHarness.SECRET);

        assertThat(code).isEqualTo(64);
        assertThat(cli.all()).doesNotContain(CliHarness.SECRET).doesNotContain("SIGNATURE").contains("<redacted>");
    }

    @Test
    void sandboxRefusesARealApiUrlOrTokenFile() {
        assertThat(cli.run("import", "p.csv", "--sandbox", "--api-url", "https://tpapi.trainingpeaks.com")).isEqualTo(64);
        assertThat(cli.err()).contains("--sandbox").contains("--api-url");
        assertThat(cli.plansRead).isZero();
    }

    @Test
    void versionAndHelpNeedNoCommandWork() {
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).startsWith("tpsync ");
        assertThat(cli.run("import", "--help")).isZero();
        assertThat(cli.out()).contains("--max-wait=DURATION").contains("Exit codes:").contains("TP_TOKEN");
        assertThat(cli.plansRead).isZero();
    }

    @Test
    void noSubcommandShowsUsageAndIsAUsageError() {
        assertThat(cli.run()).isEqualTo(64);
        assertThat(cli.err()).contains("Usage: tpsync").contains("import");
    }
}
