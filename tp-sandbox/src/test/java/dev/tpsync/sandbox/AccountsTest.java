package dev.tpsync.sandbox;

import static dev.tpsync.sandbox.SandboxHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.testing.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AccountsTest {

    // 03:00 UTC on 4 June is still 3 June at TrainingPeaks (UTC-6).
    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-06-04T03:00:00Z"));
    private TpSandbox sandbox;
    private SandboxHttp http;

    private void start(SandboxConfig config) {
        sandbox = TpSandbox.start(config.clock(clock));
        http = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> create(long athlete, String day) throws Exception {
        ObjectNode body = SandboxHttp.minimalBody(athlete);
        body.put("workoutDay", day);
        return http.post("/fitness/v6/athletes/" + athlete + "/workouts", JSON.writeValueAsString(body));
    }

    @Test
    void athleteUser_describesItselfAsPremiumAthlete() throws Exception {
        start(SandboxConfig.defaults().athleteId(555));

        JsonNode r = SandboxHttp.json(http.get("/users/v3/user"));

        assertThat(r.at("/user/userId").asLong()).isEqualTo(555);
        assertThat(r.at("/user/personId").asLong()).isEqualTo(555);
        assertThat(r.at("/user/firstName").isString()).isTrue();
        assertThat(r.at("/user/lastName").isString()).isTrue();
        assertThat(r.at("/user/athletes/0/athleteId").asLong()).isEqualTo(555);
        assertThat(r.at("/user/athletes/0/firstName").isString()).isTrue();
        assertThat(r.at("/user/settings/account/isPremium").asBoolean()).isTrue();
        assertThat(r.at("/accountStatus/isAthlete").asBoolean()).isTrue();
        assertThat(r.at("/accountStatus/isCoach").asBoolean()).isFalse();
    }

    @Test
    void coachUser_listsItsRosterNotItself() throws Exception {
        start(SandboxConfig.defaults().athleteId(900).accountType(AccountType.COACH).coachAthletes(List.of(11L, 12L)));

        JsonNode r = SandboxHttp.json(http.get("/users/v3/user"));

        assertThat(r.at("/user/athletes").findValuesAsString("athleteId")).containsExactly("11", "12");
        assertThat(r.at("/accountStatus/isCoach").asBoolean()).isTrue();
        assertThat(r.at("/accountStatus/isAthlete").asBoolean()).isFalse();
    }

    @Test
    void basicUser_isNotPremium() throws Exception {
        start(SandboxConfig.defaults().accountType(AccountType.BASIC_ATHLETE));

        JsonNode r = SandboxHttp.json(http.get("/users/v3/user"));

        assertThat(r.at("/user/settings/account/isPremium").asBoolean()).isFalse();
    }

    @Test
    void otherAthletesCalendar_is403ForEveryRoute() throws Exception {
        start(SandboxConfig.defaults());
        String other = "/fitness/v6/athletes/42/workouts";

        HttpResponse<String> post = create(42, "2026-06-03");
        HttpResponse<String> list = http.get(other + "/2026-06-01/2026-06-30");
        HttpResponse<String> get = http.get(other + "/3769775845");
        HttpResponse<String> delete = http.delete(other + "/3769775845");

        assertThat(List.of(post, list, get, delete)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(SandboxHttp.message(r)).contains("42");
        });
        assertThat(sandbox.workouts()).isEmpty();
    }

    @Test
    void coach_writesToRosterAthlete_butNotToItsOwnId() throws Exception {
        start(SandboxConfig.defaults().athleteId(900).accountType(AccountType.COACH).coachAthletes(List.of(11L)));

        assertThat(create(11, "2026-06-03").statusCode()).isEqualTo(200);
        assertThat(create(900, "2026-06-03").statusCode()).isEqualTo(403);
        assertThat(create(12, "2026-06-03").statusCode()).isEqualTo(403);
        assertThat(sandbox.workouts()).singleElement().satisfies(w -> assertThat(w.athleteId()).isEqualTo(11));
    }

    @Test
    void basicAthlete_mayPlanTodayInServerTime_butNotTomorrow() throws Exception {
        start(SandboxConfig.defaults().accountType(AccountType.BASIC_ATHLETE));

        HttpResponse<String> today = create(sandbox.athleteId(), "2026-06-03");
        HttpResponse<String> past = create(sandbox.athleteId(), "2026-05-01");
        HttpResponse<String> tomorrow = create(sandbox.athleteId(), "2026-06-04");

        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(tomorrow.statusCode()).isEqualTo(403);
        assertThat(SandboxHttp.message(tomorrow)).contains("Basic accounts cannot plan future workouts")
                .contains("2026-06-04");
        assertThat(sandbox.workouts()).hasSize(2);
    }

    @Test
    void premiumAthlete_mayPlanFarAhead() throws Exception {
        start(SandboxConfig.defaults());

        assertThat(create(sandbox.athleteId(), "2027-01-01").statusCode()).isEqualTo(200);
    }
}
