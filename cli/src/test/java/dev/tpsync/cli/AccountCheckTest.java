package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.client.TpApiException;
import dev.tpsync.client.TpUser.Athlete;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token expiry and athlete selection, before anything is uploaded. */
class AccountCheckTest {

    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void token() {
        cli.env.put("TP_TOKEN", "Bearer " + CliHarness.SECRET);
    }

    @Test
    void expiredJwtExits77BeforeAnyRequestSayingWhenItExpired() {
        cli.expiries.put(CliHarness.SECRET, CliHarness.NOW.minus(Duration.ofMinutes(12)));

        int code = cli.run("import", "p.csv");

        assertThat(code).isEqualTo(77);
        // 08:48 UTC is 09:48 in Berlin.
        assertThat(cli.err()).contains("expired at 09:48 (local time), 12 minutes ago").contains("Authorization");
        assertThat(cli.apisOpened).isZero();
        assertThat(cli.api.currentUserCalls).isZero();
        assertThat(cli.engine.requests).isEmpty();
    }

    @Test
    void validJwtShowsMinutesLeft() {
        cli.expiries.put(CliHarness.SECRET, CliHarness.NOW.plus(Duration.ofMinutes(47)));

        assertThat(cli.run("import", "p.csv")).isZero();
        assertThat(cli.out()).contains("Token valid for another 47 min (until 10:47)");
        assertThat(cli.err()).doesNotContain("warning");
    }

    @Test
    void jwtExpiringWithinFiveMinutesWarnsThatAResumeWillBeNeeded() {
        cli.expiries.put(CliHarness.SECRET, CliHarness.NOW.plus(Duration.ofMinutes(3)));

        assertThat(cli.run("import", "p.csv")).isZero();
        assertThat(cli.out()).contains("Token valid for another 3 min");
        assertThat(cli.err()).contains("warning").contains("fresh token").contains("continue");
    }

    @Test
    void athleteAccountUsesItsOwnId() {
        cli.api.user = CliHarness.athleteAccount(4321);

        assertThat(cli.run("import", "p.csv")).isZero();
        assertThat(cli.api.currentUserCalls).isEqualTo(1);
        assertThat(cli.engine.requests).singleElement().satisfies(r -> assertThat(r.athleteId()).isEqualTo(4321));
        assertThat(cli.out()).contains("your calendar (athlete 4321)");
        assertThat(cli.api.closed).isTrue();
    }

    @Test
    void coachWithoutAthleteExits64ListingTheRoster() {
        cli.api.user = CliHarness.coachAccount(10, new Athlete(11, "Ann", "Swim"), new Athlete(12, "Bob", null));

        int code = cli.run("import", "p.csv");

        assertThat(code).isEqualTo(64);
        assertThat(cli.err()).contains("coach account").contains("--athlete")
                .contains("11  Ann Swim").contains("12  Bob");
        assertThat(cli.engine.requests).isEmpty();
    }

    @Test
    void coachWithAthleteOnTheRosterImportsForThatAthlete() {
        cli.api.user = CliHarness.coachAccount(10, new Athlete(11, "Ann", "Swim"), new Athlete(12, "Bob", null));

        assertThat(cli.run("import", "p.csv", "--athlete", "12")).isZero();
        assertThat(cli.engine.requests.get(0).athleteId()).isEqualTo(12);
        assertThat(cli.out()).contains("athlete 12 (Bob)");
    }

    @Test
    void athleteNotAccessibleExits77ListingTheAccessibleOnes() {
        cli.api.user = CliHarness.coachAccount(10, new Athlete(11, "Ann", "Swim"));

        int code = cli.run("import", "p.csv", "--athlete", "99");

        assertThat(code).isEqualTo(77);
        assertThat(cli.err()).contains("may not plan for athlete 99").contains("11  Ann Swim");
        assertThat(cli.engine.requests).isEmpty();
    }

    @Test
    void tokenRejectedByTrainingPeaksExits77WithHowToCopyAFreshOne() {
        cli.api.userFailure = new TpApiException.TokenExpired("GET", "/users/v3/user", "401 Unauthorized");

        int code = cli.run("import", "p.csv");

        assertThat(code).isEqualTo(77);
        assertThat(cli.err()).contains("TrainingPeaks rejected the token").contains("Authorization")
                .contains("Nothing was uploaded");
        assertThat(cli.engine.requests).isEmpty();
        assertThat(cli.api.closed).isTrue();
    }

    @Test
    void forbiddenAccountCheckExits77() {
        cli.api.userFailure = new TpApiException.Forbidden("GET", "/users/v3/user", "account locked");

        assertThat(cli.run("import", "p.csv")).isEqualTo(77);
        assertThat(cli.err()).contains("account locked");
    }

    @Test
    void unavailableAccountCheckExits75WithTheCommandToRetry() {
        cli.api.userFailure = new TpApiException.Unavailable("GET", "/users/v3/user", "circuit open", null);

        assertThat(cli.run("import", "p.csv")).isEqualTo(75);
        assertThat(cli.err()).contains("not reachable").contains("java -jar build/tpsync.jar import p.csv");
        assertThat(cli.engine.requests).isEmpty();
    }
}
