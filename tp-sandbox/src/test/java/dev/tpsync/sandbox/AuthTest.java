package dev.tpsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.testing.VirtualClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthTest {

    private static final String USER = "/users/v3/user";
    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-06-03T12:00:00Z"));
    private TpSandbox sandbox;

    private TpSandbox start(SandboxConfig config) {
        sandbox = TpSandbox.start(config.clock(clock));
        return sandbox;
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void issuedToken_isJwtFormWithExpAndSub() {
        start(SandboxConfig.defaults());

        String token = sandbox.issueToken(Duration.ofMinutes(15));

        assertThat(token).startsWith("eyJ");
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode payload = SandboxHttp.JSON.readTree(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(payload.path("exp").asLong()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond());
        assertThat(payload.path("sub").asString()).isEqualTo(Long.toString(sandbox.athleteId()));
        assertThat(token).doesNotContain("=");
    }

    @Test
    void missingHeader_is401WithDeniedMessage() throws Exception {
        start(SandboxConfig.defaults());

        HttpResponse<String> r = new SandboxHttp(sandbox, null).get(USER);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(SandboxHttp.message(r)).isEqualTo("Authorization has been denied for this request.");
        assertThat(sandbox.requests()).singleElement()
                .satisfies(req -> assertThat(req.authorizationPresent()).isFalse());
    }

    @Test
    void tokenNotIssuedByThisSandbox_is401() throws Exception {
        start(SandboxConfig.defaults());
        String foreign;
        try (TpSandbox other = TpSandbox.start(SandboxConfig.defaults())) {
            foreign = other.issueToken(Duration.ofHours(1));
        }

        assertThat(new SandboxHttp(sandbox, foreign).get(USER).statusCode()).isEqualTo(401);
        assertThat(new SandboxHttp(sandbox, "gAAAA_not_a_jwt").get(USER).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenExpiresByTheSandboxClock() throws Exception {
        start(SandboxConfig.defaults());
        SandboxHttp http = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofMinutes(15)));
        assertThat(http.get(USER).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(http.get(USER).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get(USER).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenStopsAfterItsRequestBudget() throws Exception {
        start(SandboxConfig.defaults().tokenRequestBudget(3));
        SandboxHttp http = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofHours(1)));

        assertThat(http.get(USER).statusCode()).isEqualTo(200);
        assertThat(http.get(USER).statusCode()).isEqualTo(200);
        assertThat(http.get(USER).statusCode()).isEqualTo(200);
        assertThat(http.get(USER).statusCode()).isEqualTo(401);
        assertThat(http.get(USER).statusCode()).isEqualTo(401);
    }

    @Test
    void aNewTokenWorksAfterTheOldOneRanOut() throws Exception {
        start(SandboxConfig.defaults().tokenRequestBudget(1));
        SandboxHttp http = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofHours(1)));
        http.get(USER);
        assertThat(http.get(USER).statusCode()).isEqualTo(401);

        http.token(sandbox.issueToken(Duration.ofHours(1)));

        assertThat(http.get(USER).statusCode()).isEqualTo(200);
    }

    @Test
    void perTokenBudgetOverridesTheConfig() throws Exception {
        start(SandboxConfig.defaults());
        SandboxHttp http = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofHours(1), 2));

        assertThat(http.get(USER).statusCode()).isEqualTo(200);
        assertThat(http.get(USER).statusCode()).isEqualTo(200);
        assertThat(http.get(USER).statusCode()).isEqualTo(401);
    }

    @Test
    void revokeAllTokens_invalidatesEarlierTokensOnly() throws Exception {
        start(SandboxConfig.defaults());
        SandboxHttp old = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofHours(1)));

        sandbox.revokeAllTokens();
        SandboxHttp fresh = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofHours(1)));

        assertThat(old.get(USER).statusCode()).isEqualTo(401);
        assertThat(fresh.get(USER).statusCode()).isEqualTo(200);
    }

    @Test
    void expiredTokenCannotCreate() throws Exception {
        start(SandboxConfig.defaults());
        SandboxHttp http = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(2));

        HttpResponse<String> r = http.post("/fitness/v6/athletes/" + sandbox.athleteId() + "/workouts",
                SandboxHttp.JSON.writeValueAsString(SandboxHttp.minimalBody(sandbox.athleteId())));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(sandbox.workouts()).isEmpty();
    }

    @Test
    void requestLogNeverContainsTheToken() throws Exception {
        start(SandboxConfig.defaults());
        String token = sandbox.issueToken(Duration.ofHours(1));
        SandboxHttp http = new SandboxHttp(sandbox, token);
        http.get(USER);
        http.post("/fitness/v6/athletes/" + sandbox.athleteId() + "/workouts",
                SandboxHttp.JSON.writeValueAsString(SandboxHttp.minimalBody(sandbox.athleteId())));
        http.get("/nowhere?x=1");

        assertThat(sandbox.requests()).hasSize(3).allSatisfy(req -> {
            assertThat(req.authorizationPresent()).isTrue();
            assertThat(req.toString()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
        });
        assertThat(sandbox.requests().get(2).path()).isEqualTo("/nowhere?x=1");
    }
}
