package dev.tpsync.sandbox;

import static dev.tpsync.sandbox.SandboxHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WorkoutEndpointsTest {

    private TpSandbox sandbox;
    private SandboxHttp http;
    private String workouts;

    @BeforeEach
    void start() {
        sandbox = TpSandbox.start(SandboxConfig.defaults());
        http = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofHours(1)));
        workouts = "/fitness/v6/athletes/" + sandbox.athleteId() + "/workouts";
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private long create(String day, String title) throws Exception {
        ObjectNode body = SandboxHttp.minimalBody(sandbox.athleteId());
        body.put("workoutDay", day);
        body.put("title", title);
        HttpResponse<String> r = http.post(workouts, JSON.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return SandboxHttp.json(r).path("workoutId").asLong();
    }

    @Test
    void list_includesBothBoundsInDateOrder_andExcludesOutside() throws Exception {
        create("2026-06-10", "last");
        create("2026-06-01", "first");
        create("2026-05-31", "before");
        create("2026-06-11", "after");
        create("2026-06-05", "middle");

        HttpResponse<String> r = http.get(workouts + "/2026-06-01/2026-06-10");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = SandboxHttp.json(r);
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsString("title")).containsExactly("first", "middle", "last");
        assertThat(list.get(0).path("structure").isNull()).isTrue();
        assertThat(list.get(0).path("workoutDay").asString()).isEqualTo("2026-06-01T00:00:00");
    }

    @Test
    void list_singleDayRange_andSameDayOrderById() throws Exception {
        long a = create("2026-06-05", "a");
        long b = create("2026-06-05", "b");

        JsonNode list = SandboxHttp.json(http.get(workouts + "/2026-06-05/2026-06-05"));

        assertThat(list.findValuesAsString("workoutId")).containsExactly(Long.toString(a), Long.toString(b));
    }

    @Test
    void list_allows90DaysCountingBothEnds_andRejects91() throws Exception {
        HttpResponse<String> ninety = http.get(workouts + "/2026-01-01/2026-03-31");
        HttpResponse<String> ninetyOne = http.get(workouts + "/2026-01-01/2026-04-01");

        assertThat(ninety.statusCode()).isEqualTo(200);
        assertThat(ninetyOne.statusCode()).isEqualTo(400);
        assertThat(SandboxHttp.message(ninetyOne)).contains("91 days").contains("at most 90");
    }

    @Test
    void list_endBeforeStart_is400() throws Exception {
        HttpResponse<String> r = http.get(workouts + "/2026-06-10/2026-06-01");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxHttp.message(r)).contains("2026-06-01").contains("before");
    }

    @Test
    void list_badDate_is400() throws Exception {
        assertThat(http.get(workouts + "/2026-6-1/2026-06-10").statusCode()).isEqualTo(400);
        assertThat(http.get(workouts + "/2026-06-01T00:00:00/2026-06-10").statusCode()).isEqualTo(400);
    }

    @Test
    void getOne_returnsTheWorkout() throws Exception {
        long id = create("2026-06-05", "one");

        HttpResponse<String> r = http.get(workouts + "/" + id);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SandboxHttp.json(r).path("title").asString()).isEqualTo("one");
    }

    @Test
    void delete_returnsTrue_thenGetIs400InvalidWorkoutId() throws Exception {
        long id = create("2026-06-05", "gone");

        HttpResponse<String> deleted = http.delete(workouts + "/" + id);
        HttpResponse<String> after = http.get(workouts + "/" + id);
        HttpResponse<String> again = http.delete(workouts + "/" + id);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("true");
        assertThat(after.statusCode()).isEqualTo(400);
        assertThat(SandboxHttp.message(after)).isEqualTo("Invalid workoutId (" + id + ")");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(sandbox.workouts()).isEmpty();
        assertThat(http.get(workouts + "/2026-06-01/2026-06-30").body()).isEqualTo("[]");
    }

    @Test
    void getOfUnknownOrMalformedId_is400() throws Exception {
        assertThat(SandboxHttp.message(http.get(workouts + "/1"))).isEqualTo("Invalid workoutId (1)");
        assertThat(http.get(workouts + "/abc").statusCode()).isEqualTo(400);
    }

    @Test
    void seededWorkout_isListedButNotCountedOrLogged() throws Exception {
        SandboxWorkout seeded = sandbox.seedWorkout(LocalDate.of(2026, 6, 2), 2, "Someone else's ride");

        JsonNode list = SandboxHttp.json(http.get(workouts + "/2026-06-01/2026-06-30"));

        assertThat(list.findValuesAsString("title")).containsExactly("Someone else's ride");
        assertThat(list.get(0).path("workoutId").asLong()).isEqualTo(seeded.workoutId());
        assertThat(sandbox.createCount()).isZero();
        assertThat(sandbox.requests()).hasSize(1);
    }

    @Test
    void seedWithExplicitId_keepsIt_andNewIdsContinueAfterIt() throws Exception {
        sandbox.seedWorkout(new SandboxWorkout(4_000_000_000L, sandbox.athleteId(), LocalDate.of(2026, 6, 2), 3,
                "seed", null, null, null, null, null, null, null));

        long created = create("2026-06-03", "new");

        assertThat(created).isEqualTo(4_000_000_001L);
    }

    @Test
    void unknownPathsAndMethods_are404() throws Exception {
        assertThat(http.get("/fitness/v6/workouttypes").statusCode()).isEqualTo(404);
        assertThat(http.get("/fitness/v1/athletes/" + sandbox.athleteId() + "/workouts/2026-06-01/2026-06-02")
                .statusCode()).isEqualTo(404);
        assertThat(http.send("PUT", workouts + "/1", "{}").statusCode()).isEqualTo(404);
        assertThat(http.get(workouts).statusCode()).isEqualTo(404);
        assertThat(http.post("/users/v3/user", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void commandsPath_is500AndRecordedAsViolation() throws Exception {
        HttpResponse<String> r = http.post("/fitness/v6/athletes/" + sandbox.athleteId()
                + "/commands/addworkoutfromlibraryitem", "{}");
        HttpResponse<String> plan = http.post("/plans/v1/commands/applyplan", "[]");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(plan.statusCode()).isEqualTo(500);
        assertThat(sandbox.violations()).containsExactly(
                "POST /fitness/v6/athletes/" + sandbox.athleteId() + "/commands/addworkoutfromlibraryitem",
                "POST /plans/v1/commands/applyplan");
        assertThat(sandbox.workouts()).isEmpty();
    }

    @Test
    void normalTraffic_recordsNoViolations_andLogsEachRequest() throws Exception {
        create("2026-06-03", "x");
        http.get(workouts + "/2026-06-01/2026-06-30");

        assertThat(sandbox.violations()).isEmpty();
        assertThat(sandbox.requests()).extracting(RecordedRequest::method, RecordedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", 200),
                        org.assertj.core.groups.Tuple.tuple("GET", 200));
        assertThat(sandbox.requests().get(0).body()).contains("\"title\":\"x\"");
    }
}
