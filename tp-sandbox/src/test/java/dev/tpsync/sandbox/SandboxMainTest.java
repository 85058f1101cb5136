package dev.tpsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

    @Test
    void parsesEveryOption() {
        SandboxMain.Parsed p = SandboxMain.parse(new String[] {"--port", "8089", "--rate", "5", "--burst", "10",
            "--latency-ms", "120", "--athlete", "77", "--token-lifetime-minutes", "15", "--store", "s.json",
            "--threads", "8"});

        assertThat(p.config().port()).isEqualTo(8089);
        assertThat(p.config().rateLimit()).hasValue(new SandboxConfig.RateLimit(5, 10));
        assertThat(p.config().latency()).isEqualTo(Duration.ofMillis(120));
        assertThat(p.config().athleteId()).isEqualTo(77);
        assertThat(p.config().storeFile()).hasValue(Path.of("s.json"));
        assertThat(p.config().threads()).isEqualTo(8);
        assertThat(p.tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void defaultsAreNoRateLimitAndAnHourLongToken() {
        SandboxMain.Parsed p = SandboxMain.parse(new String[0]);

        assertThat(p.config().rateLimit()).isEmpty();
        assertThat(p.tokenLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "x"})).hasMessageContaining("--port")
                .hasMessageContaining("x");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--colour", "red"})).hasMessageContaining("--colour");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--rate"})).hasMessageContaining("--rate");
    }

    @Test
    void printsUrlAndAWorkingToken() throws Exception {
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SandboxMain.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), sandbox,
                    sandbox.issueToken(Duration.ofMinutes(5)));

            String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
            assertThat(lines[0]).isEqualTo("TPSYNC_SANDBOX_URL=" + sandbox.baseUrl());
            assertThat(sandbox.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            String token = lines[2].substring("TPSYNC_SANDBOX_TOKEN=".length());
            assertThat(new SandboxHttp(sandbox, token).get("/users/v3/user").statusCode()).isEqualTo(200);
        }
    }
}
