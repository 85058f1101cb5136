package dev.tpsync.sandbox;

import static dev.tpsync.sandbox.SandboxHttp.JSON;
import static dev.tpsync.sandbox.SandboxHttp.minimalBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class CreateValidationTest {

    private TpSandbox sandbox;
    private SandboxHttp http;
    private String path;

    @BeforeEach
    void start() {
        sandbox = TpSandbox.start(SandboxConfig.defaults());
        http = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofHours(1)));
        path = "/fitness/v6/athletes/" + sandbox.athleteId() + "/workouts";
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> create(ObjectNode body) throws Exception {
        return http.post(path, JSON.writeValueAsString(body));
    }

    @Test
    void minimalBody_isStoredAndEchoedWithMidnightDayAndNewId() throws Exception {
        HttpResponse<String> r = create(minimalBody(sandbox.athleteId()));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode echo = SandboxHttp.json(r);
        assertThat(echo.path("workoutId").asLong()).isEqualTo(3_769_775_845L);
        assertThat(echo.path("workoutDay").asString()).isEqualTo("2026-06-03T00:00:00");
        assertThat(echo.path("title").asString()).isEqualTo("Easy run");
        assertThat(echo.path("totalTimePlanned").asDouble()).isEqualTo(0.75);
        assertThat(echo.path("athleteId").asLong()).isEqualTo(sandbox.athleteId());
        assertThat(sandbox.workouts()).singleElement().satisfies(w -> {
            assertThat(w.workoutId()).isEqualTo(3_769_775_845L);
            assertThat(w.workoutDay()).isEqualTo(LocalDate.of(2026, 6, 3));
            assertThat(w.workoutTypeValueId()).isEqualTo(3);
        });
        assertThat(sandbox.createCount()).isEqualTo(1);
    }

    @Test
    void workoutIds_increaseByOne() throws Exception {
        long first = SandboxHttp.json(create(minimalBody(sandbox.athleteId()))).path("workoutId").asLong();
        long second = SandboxHttp.json(create(minimalBody(sandbox.athleteId()))).path("workoutId").asLong();

        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void fullBody_echoesEveryField_andStructureComesBackAsAnObject() throws Exception {
        ObjectNode body = minimalBody(sandbox.athleteId());
        body.put("workoutDay", "2026-06-03T00:00:00");
        body.put("description", "Steady");
        body.put("distancePlanned", 8000);
        body.put("tssPlanned", 55.5);
        body.put("ifPlanned", 0.78);
        body.put("startTimePlanned", "2026-06-03T07:30:00");
        body.put("userTags", "base,run");
        body.put("structure", JSON.writeValueAsString(SandboxHttp.structure()));
        body.put("someFieldTheSandboxDoesNotKnow", "ignored");
        body.put("workoutId", 0);

        HttpResponse<String> r = create(body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode echo = SandboxHttp.json(r);
        assertThat(echo.path("structure").isObject()).isTrue();
        assertThat(echo.path("structure").path("structure").size()).isEqualTo(3);
        assertThat(echo.path("distancePlanned").asDouble()).isEqualTo(8000);
        assertThat(echo.path("tssPlanned").asDouble()).isEqualTo(55.5);
        assertThat(echo.path("ifPlanned").asDouble()).isEqualTo(0.78);
        assertThat(echo.path("startTimePlanned").asString()).isEqualTo("2026-06-03T07:30:00");
        assertThat(echo.path("userTags").asString()).isEqualTo("base,run");
        assertThat(echo.path("description").asString()).isEqualTo("Steady");
        SandboxWorkout stored = sandbox.workouts().get(0);
        assertThat(stored.startTimePlanned()).isEqualTo(LocalDateTime.of(2026, 6, 3, 7, 30));
        assertThat(JSON.readTree(stored.structure())).isEqualTo(SandboxHttp.structure());
        assertThat(stored.distancePlanned()).isEqualTo(8000.0);
    }

    @Test
    void athleteIdMayBeOmitted() throws Exception {
        ObjectNode body = minimalBody(sandbox.athleteId());
        body.remove("athleteId");

        assertThat(create(body).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 29, 100})
    void everyKnownSportIdIsAccepted(int typeId) throws Exception {
        ObjectNode body = minimalBody(sandbox.athleteId());
        body.put("workoutTypeValueId", typeId);

        assertThat(create(body).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "list-workouts-response.bike-ftp-rampup-null-title.tp2intervals.json",
        "list-workouts-response.swim-distance-structure.tp2intervals.json"})
    void structuresFromRealResponses_areAcceptedWhenSentAsStrings(String fixture) throws Exception {
        JsonNode real = JSON.readTree(SandboxHttp.read(SandboxHttp.fixture(fixture))).get(0).get("structure");
        ObjectNode body = minimalBody(sandbox.athleteId());
        body.put("structure", JSON.writeValueAsString(real));

        HttpResponse<String> r = create(body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(SandboxHttp.json(r).path("structure")).isEqualTo(real);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                bad("athleteId is another athlete", b -> b.put("athleteId", 42), "athleteId", "42"),
                bad("athleteId as a string", b -> b.put("athleteId", "1234567"), "athleteId", "\"1234567\""),
                bad("workoutDay missing", b -> b.remove("workoutDay"), "workoutDay is required", ""),
                bad("workoutDay with Z", b -> b.put("workoutDay", "2026-06-03T00:00:00Z"), "workoutDay", "T00:00:00Z"),
                bad("workoutDay with offset", b -> b.put("workoutDay", "2026-06-03T00:00:00+02:00"), "workoutDay", "+02:00"),
                bad("workoutDay with a time", b -> b.put("workoutDay", "2026-06-03T06:00:00"), "workoutDay", "06:00"),
                bad("workoutDay US style", b -> b.put("workoutDay", "06/03/2026"), "workoutDay", "06/03/2026"),
                bad("workoutDay not a date", b -> b.put("workoutDay", "2026-02-30"), "workoutDay", "2026-02-30"),
                bad("workoutDay as a number", b -> b.put("workoutDay", 20260603), "workoutDay", "20260603"),
                bad("type missing", b -> b.remove("workoutTypeValueId"), "workoutTypeValueId is required", ""),
                bad("type 14", b -> b.put("workoutTypeValueId", 14), "workoutTypeValueId", "14"),
                bad("type 0", b -> b.put("workoutTypeValueId", 0), "workoutTypeValueId", "0"),
                bad("type as a name", b -> b.put("workoutTypeValueId", "run"), "workoutTypeValueId", "run"),
                bad("type fractional", b -> b.put("workoutTypeValueId", 3.5), "workoutTypeValueId", "3.5"),
                bad("title missing", b -> b.remove("title"), "title is required", ""),
                bad("title blank", b -> b.put("title", "   "), "title", "non-blank"),
                bad("title not a string", b -> b.put("title", 7), "title", "7"),
                bad("title too long", b -> b.put("title", "x".repeat(501)), "title", "501"),
                bad("minutes sent as hours", b -> b.put("totalTimePlanned", 90), "totalTimePlanned", "90"),
                bad("zero hours", b -> b.put("totalTimePlanned", 0), "totalTimePlanned", "0"),
                bad("hours as text", b -> b.put("totalTimePlanned", "1.5"), "totalTimePlanned", "1.5"),
                bad("negative distance", b -> b.put("distancePlanned", -1), "distancePlanned", "-1"),
                bad("distance over 1000 km", b -> b.put("distancePlanned", 1_000_001), "distancePlanned", "1000001"),
                bad("tss over 9999", b -> b.put("tssPlanned", 10_000), "tssPlanned", "10000"),
                bad("negative tss", b -> b.put("tssPlanned", -3), "tssPlanned", "-3"),
                bad("if over 5", b -> b.put("ifPlanned", 75), "ifPlanned", "75"),
                bad("start time with zone", b -> b.put("startTimePlanned", "2026-06-03T07:00:00Z"), "startTimePlanned", "07:00:00Z"),
                bad("start time without seconds", b -> b.put("startTimePlanned", "2026-06-03T07:00"), "startTimePlanned", "07:00"),
                bad("start time on another day", b -> b.put("startTimePlanned", "2026-06-04T07:00:00"), "startTimePlanned", "2026-06-04"),
                bad("description not a string", b -> b.put("description", 5), "description", "5"),
                bad("userTags as an array", b -> b.putArray("userTags").add("a"), "userTags", "[\"a\"]"),
                bad("structure as an object", b -> b.set("structure", SandboxHttp.structure()), "structure", "an object"),
                bad("structure not JSON", b -> b.put("structure", "{oops"), "structure", "valid JSON"),
                bad("structure encodes an array", b -> b.put("structure", "[]"), "structure", "an array"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String field, String value) {
        return Arguments.of(name, change, field, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidBody_is400NamingFieldAndValue_andStoresNothing(String name, Consumer<ObjectNode> change,
            String field, String value) throws Exception {
        ObjectNode body = minimalBody(sandbox.athleteId());
        change.accept(body);

        HttpResponse<String> r = create(body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxHttp.message(r)).contains(field).contains(value);
        assertThat(sandbox.workouts()).isEmpty();
        assertThat(sandbox.createCount()).isZero();
    }

    static Stream<Arguments> invalidStructures() {
        return Stream.of(
                badStructure("recovery intensity", s -> step(s, 1, 1).put("intensityClass", "recovery"),
                        "structure.structure[1].steps[1].intensityClass", "recovery"),
                badStructure("intensity missing", s -> step(s, 0, 0).remove("intensityClass"),
                        "structure.structure[0].steps[0].intensityClass is required", ""),
                badStructure("minute steps", s -> ((ObjectNode) step(s, 0, 0).get("length")).put("unit", "minute"),
                        "structure.structure[0].steps[0].length.unit", "minute"),
                badStructure("zero length", s -> ((ObjectNode) step(s, 0, 0).get("length")).put("value", 0),
                        "structure.structure[0].steps[0].length.value", "0"),
                badStructure("unknown block type", s -> block(s, 0).put("type", "interval"),
                        "structure.structure[0].type", "interval"),
                badStructure("repeat count fractional", s -> ((ObjectNode) block(s, 1).get("length")).put("value", 2.5),
                        "structure.structure[1].length.value", "2.5"),
                badStructure("no blocks", s -> s.putArray("structure"), "structure.structure", "[]"),
                badStructure("empty steps", s -> block(s, 2).putArray("steps"), "structure.structure[2].steps", "[]"),
                badStructure("unverified intensity metric", s -> s.put("primaryIntensityMetric", "beatsPerMinute"),
                        "structure.primaryIntensityMetric", "beatsPerMinute"),
                badStructure("length metric missing", s -> s.remove("primaryLengthMetric"),
                        "structure.primaryLengthMetric is required", ""),
                badStructure("length metric time", s -> s.put("primaryLengthMetric", "time"),
                        "structure.primaryLengthMetric", "time"),
                badStructure("target as text", s -> ((ObjectNode) step(s, 1, 0).get("targets").get(0)).put("minValue", "95"),
                        "structure.structure[1].steps[0].targets[0].minValue", "\"95\""),
                badStructure("PascalCase partner schema", s -> {
                    s.remove("structure");
                    s.putArray("Structure");
                }, "structure.structure", "nothing"));
    }

    private static Arguments badStructure(String name, Consumer<ObjectNode> change, String field, String value) {
        return Arguments.of(name, change, field, value);
    }

    private static ObjectNode block(ObjectNode s, int i) {
        return (ObjectNode) s.get("structure").get(i);
    }

    private static ObjectNode step(ObjectNode s, int block, int step) {
        return (ObjectNode) ((ArrayNode) block(s, block).get("steps")).get(step);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStructures")
    void invalidStructure_is400NamingThePath(String name, Consumer<ObjectNode> change, String field, String value)
            throws Exception {
        ObjectNode structure = SandboxHttp.structure();
        change.accept(structure);
        ObjectNode body = minimalBody(sandbox.athleteId());
        body.put("structure", JSON.writeValueAsString(structure));

        HttpResponse<String> r = create(body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxHttp.message(r)).contains(field).contains(value);
        assertThat(sandbox.workouts()).isEmpty();
    }

    @Test
    void bodyThatIsNotJson_is400() throws Exception {
        HttpResponse<String> r = http.post(path, "title=Easy");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxHttp.message(r)).contains("not valid JSON");
    }

    @Test
    void bodyThatIsAnArray_is400() throws Exception {
        HttpResponse<String> r = http.post(path, "[" + JSON.writeValueAsString(minimalBody(sandbox.athleteId())) + "]");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxHttp.message(r)).contains("must be a JSON object").contains("an array");
    }

    @Test
    void boundaryValues_areAccepted() throws Exception {
        ObjectNode body = minimalBody(sandbox.athleteId());
        body.put("totalTimePlanned", 24);
        body.put("distancePlanned", 0);
        body.put("tssPlanned", 9999);
        body.put("ifPlanned", 5);
        body.put("title", "x".repeat(500));

        assertThat(create(body).statusCode()).isEqualTo(200);
    }

    @Test
    void explicitNulls_countAsAbsentForOptionalFields() throws Exception {
        ObjectNode body = minimalBody(sandbox.athleteId());
        body.putNull("structure");
        body.putNull("distancePlanned");
        body.putNull("userTags");
        body.putNull("athleteId");

        assertThat(create(body).statusCode()).isEqualTo(200);
    }
}
