package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the token comes from: --token-file, then TP_TOKEN, then a hidden prompt on a terminal. */
class CredentialSourcesTest {

    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    private Path tokenFile(String content) throws Exception {
        Path file = dir.resolve("token.txt");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void tokenFileWinsOverEnvironmentAndPrompt() throws Exception {
        Path file = tokenFile("Bearer from-file-token\n");
        cli.env.put("TP_TOKEN", "Bearer from-env-token");
        cli.interactive = true;
        cli.promptAnswer = "from-prompt-token".toCharArray();

        int code = cli.run("import", "p.csv", "--token-file", file.toString());

        assertThat(code).isZero();
        assertThat(cli.openedToken.token()).isEqualTo("from-file-token");
        assertThat(cli.promptCount).isZero();
    }

    @Test
    void copyMistakesFixedByTheParserArePrintedAsNotes() {
        cli.env.put("TP_TOKEN", "Bearer from-env-token");
        cli.tokenNotes = List.of("Removed the quotes around the token.");

        int code = cli.run("import", "p.csv");

        assertThat(code).isZero();
        assertThat(cli.err()).contains("tpsync: note: Removed the quotes around the token.");
        assertThat(cli.openedToken.token()).isEqualTo("from-env-token");
    }

    @Test
    void environmentWinsOverPrompt() {
        cli.env.put("TP_TOKEN", "Bearer from-env-token");
        cli.interactive = true;
        cli.promptAnswer = "from-prompt-token".toCharArray();

        int code = cli.run("import", "p.csv");

        assertThat(code).isZero();
        assertThat(cli.openedToken.token()).isEqualTo("from-env-token");
        assertThat(cli.promptCount).isZero();
    }

    @Test
    void promptIsUsedOnATerminalAndExplainsWhereToCopyTheToken() {
        cli.interactive = true;
        cli.promptAnswer = "Bearer from-prompt-token".toCharArray();

        int code = cli.run("import", "p.csv");

        assertThat(code).isZero();
        assertThat(cli.promptCount).isEqualTo(1);
        assertThat(cli.promptExplanation).contains("DevTools").contains("Network").contains("Authorization");
        assertThat(cli.openedToken.token()).isEqualTo("from-prompt-token");
    }

    @Test
    void withoutTerminalAndWithoutTokenItExplainsTheThreeWaysAndExits64() {
        cli.interactive = false;

        int code = cli.run("import", "p.csv");

        assertThat(code).isEqualTo(64);
        assertThat(cli.err()).contains("--token-file FILE").contains("TP_TOKEN").contains("terminal");
        assertThat(cli.apisOpened).isZero();
        assertThat(cli.promptCount).isZero();
    }

    @Test
    void anEmptyPromptAnswerIsAUsageError() {
        cli.interactive = true;
        cli.promptAnswer = "   ".toCharArray();

        assertThat(cli.run("import", "p.csv")).isEqualTo(64);
        assertThat(cli.err()).contains("no token was entered");
        assertThat(cli.apisOpened).isZero();
    }

    @Test
    void missingTokenFileExits66NamingTheFile() {
        Path missing = dir.resolve("nope.txt");

        assertThat(cli.run("import", "p.csv", "--token-file", missing.toString())).isEqualTo(66);
        assertThat(cli.err()).contains(missing.toString()).contains("no such file");
        assertThat(cli.apisOpened).isZero();
    }

    @Test
    void tokenFileReadableByOthersGetsAWarning() throws Exception {
        Path file = tokenFile("Bearer from-file-token");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(cli.run("import", "p.csv", "--token-file", file.toString())).isZero();
        assertThat(cli.err()).contains("other users can read").contains("chmod 600");
    }

    @Test
    void malformedTokenExits77WithTheParsersMessageAndNoRequest() {
        cli.env.put("TP_TOKEN", "Bearer bad-token");

        int code = cli.run("import", "p.csv");

        assertThat(code).isEqualTo(77);
        assertThat(cli.err()).contains("TP_TOKEN").contains("copy it again in one piece");
        assertThat(cli.apisOpened).isZero();
    }

    @Test
    void athleteIdThatIsNotANumberIsAUsageErrorBeforeAskingForTheToken() {
        cli.interactive = true;
        cli.promptAnswer = "tok-12345678".toCharArray();

        assertThat(cli.run("import", "p.csv", "--athlete", "me")).isEqualTo(64);
        assertThat(cli.err()).contains("--athlete").contains("digits only");
        assertThat(cli.promptCount).isZero();
    }

    @Test
    void refusedApiUrlIsAUsageError() {
        cli.env.put("TP_TOKEN", "Bearer tok-12345678");
        cli.openFailure = new IllegalArgumentException("plain http is only allowed to a loopback host");

        assertThat(cli.run("import", "p.csv", "--api-url", "http://example.com")).isEqualTo(64);
        assertThat(cli.err()).contains("http://example.com").contains("loopback");
        assertThat(cli.api.currentUserCalls).isZero();
    }

    @Test
    void apiUrlHomeAndAthleteComeFromTheEnvironmentWhenNoOptionIsGiven() {
        cli.env.put("TP_TOKEN", "Bearer tok-12345678");
        cli.env.put("TPSYNC_API_URL", "http://127.0.0.1:8089");
        cli.env.put("TPSYNC_HOME", "/srv/tpsync-state");
        cli.env.put("TP_ATHLETE_ID", "1234");

        assertThat(cli.run("import", "p.csv")).isZero();
        assertThat(cli.openedBaseUrl).isEqualTo("http://127.0.0.1:8089");
        assertThat(cli.engine.requests.get(0).home()).isEqualTo(Path.of("/srv/tpsync-state"));
        assertThat(cli.engine.requests.get(0).athleteId()).isEqualTo(1234);
    }

    @Test
    void optionsWinOverTheEnvironment() {
        cli.env.put("TP_TOKEN", "Bearer tok-12345678");
        cli.env.put("TPSYNC_API_URL", "http://127.0.0.1:8089");
        cli.env.put("TPSYNC_HOME", "/srv/tpsync-state");
        cli.env.put("TP_ATHLETE_ID", "999");
        cli.api.user = CliHarness.coachAccount(5, new dev.tpsync.client.TpUser.Athlete(1234, "A", "B"),
                new dev.tpsync.client.TpUser.Athlete(999, "C", "D"));

        assertThat(cli.run("import", "p.csv", "--api-url", "http://127.0.0.1:1", "--home", "/opt/h",
                "--athlete", "1234", "--rate", "1.5", "--max-wait", "2m")).isZero();
        assertThat(cli.openedBaseUrl).isEqualTo("http://127.0.0.1:1");
        assertThat(cli.openedRate).isEqualTo(1.5);
        assertThat(cli.openedMaxWait).hasMinutes(2);
        assertThat(cli.engine.requests.get(0).home()).isEqualTo(Path.of("/opt/h"));
        assertThat(cli.engine.requests.get(0).athleteId()).isEqualTo(1234);
    }

    @Test
    void defaultsAreTheRealApiAndTheHomeDirectory() {
        cli.env.put("TP_TOKEN", "Bearer tok-12345678");

        assertThat(cli.run("import", "p.csv")).isZero();
        assertThat(cli.openedBaseUrl).isEqualTo("https://tpapi.trainingpeaks.com");
        assertThat(cli.openedRate).isEqualTo(4.0);
        assertThat(cli.openedMaxWait).hasMinutes(10);
        assertThat(cli.engine.requests.get(0).home()).isEqualTo(Path.of("/home/runner/.tpsync"));
    }
}
