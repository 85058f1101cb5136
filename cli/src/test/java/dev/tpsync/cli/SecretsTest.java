package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.batch.ImportResult.Outcome;
import dev.tpsync.client.TpApiException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The token never reaches stdout or stderr, whatever path the command takes. */
class SecretsTest {

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario("completed", cli -> { }),
                scenario("expired JWT", cli -> cli.expiries.put(CliHarness.SECRET, CliHarness.NOW.minusSeconds(60))),
                scenario("short-lived JWT", cli -> cli.expiries.put(CliHarness.SECRET, CliHarness.NOW.plusSeconds(60))),
                scenario("401 at start", cli -> cli.api.userFailure =
                        new TpApiException.TokenExpired("GET", "/users/v3/user", "401")),
                scenario("expired mid-import", cli -> cli.engine.result = CliHarness.result(Outcome.TOKEN_EXPIRED,
                        3, 1, 0, 1, new TpApiException.TokenExpired("POST", "/x", "401"))),
                scenario("bug with --debug, message carrying the token", cli -> cli.engine.failure =
                        new IllegalStateException("leaky " + CliHarness.SECRET)),
                scenario("bug before the token is read", cli -> cli.plans = (f, o) -> {
                    throw new IllegalStateException("leaky " + CliHarness.SECRET);
                }),
                scenario("parser message carrying the token", cli -> cli.env.put("TP_TOKEN",
                        "Bearer leak" + CliHarness.SECRET)),
                scenario("client message carrying the token", cli -> cli.openFailure =
                        new IllegalArgumentException("refused for Bearer " + CliHarness.SECRET)),
                scenario("failure cause carrying the token", cli -> cli.engine.result = CliHarness.result(
                        Outcome.FAILED, 3, 1, 0, 1, new TpApiException.ClientError(400, "POST", "/x",
                                "echoed header Bearer " + CliHarness.SECRET))));
    }

    /** At the prompt the token exists only once typed, so a failure before that cannot hold it. */
    static Stream<Arguments> scenariosOnceTyped() {
        return scenarios().filter(a -> !"bug before the token is read".equals(a.get()[0]));
    }

    private static Arguments scenario(String name, Consumer<CliHarness> setup) {
        return Arguments.of(name, setup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void tokenNeverAppearsInOutput(String name, Consumer<CliHarness> setup) {
        CliHarness cli = new CliHarness();
        cli.env.put("TP_TOKEN", "Bearer " + CliHarness.SECRET);
        cli.engine.chunks.add(new int[] {1});
        setup.accept(cli);

        cli.run("import", "plan.csv", "--debug", "--max-wait", "1m");

        assertThat(cli.all()).isNotEmpty().doesNotContain(CliHarness.SECRET).doesNotContain("SIGNATURE-xyzzy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenariosOnceTyped")
    void tokenNeverAppearsInOutputWhenPastedAtThePrompt(String name, Consumer<CliHarness> setup) {
        CliHarness cli = new CliHarness();
        cli.interactive = true;
        cli.promptAnswer = ("Bearer " + CliHarness.SECRET).toCharArray();
        cli.engine.chunks.add(new int[] {1});
        setup.accept(cli);

        cli.run("import", "plan.csv", "--debug");

        assertThat(cli.all()).isNotEmpty().doesNotContain(CliHarness.SECRET).doesNotContain("SIGNATURE-xyzzy");
    }
}
