package dev.tpsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpsync.client.CalendarWorkout;
import dev.tpsync.client.CreatedWorkout;
import dev.tpsync.client.Fixtures;
import dev.tpsync.client.NewWorkout;
import dev.tpsync.client.TpUser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkoutJsonTest {

    private final WorkoutJson json = new WorkoutJson();

    @Test
    void createBodyHasOnlyGivenFieldsInTheApiUnits() {
        NewWorkout w = new NewWorkout(42, LocalDate.of(2026, 6, 3), 3, "Easy run", null, 0.5, 5570.0, null, null,
                LocalDateTime.of(2026, 6, 3, 7, 0), null);

        String body = json.createBody(w);

        assertThat(body).isEqualTo("{\"athleteId\":42,\"workoutDay\":\"2026-06-03\",\"workoutTypeValueId\":3,"
                + "\"title\":\"Easy run\",\"totalTimePlanned\":0.5,\"distancePlanned\":5570.0,"
                + "\"startTimePlanned\":\"2026-06-03T07:00:00\"}");
    }

    @Test
    void createBodySendsTheStructureAsAJsonString() {
        String structure = Fixtures.swimStructureAsString();
        NewWorkout w = new NewWorkout(42, LocalDate.of(2026, 6, 3), 1, "Swim", "CSS set", 1.0, null, 40.0, 0.8, null, structure);

        JsonNode sent = Fixtures.JSON.readTree(json.createBody(w));

        assertThat(sent.get("structure").isString()).isTrue();
        assertThat(sent.get("structure").stringValue()).isEqualTo(structure);
        assertThat(sent.get("tssPlanned").doubleValue()).isEqualTo(40.0);
        assertThat(sent.get("ifPlanned").doubleValue()).isEqualTo(0.8);
        assertThat(sent.has("distancePlanned")).isFalse();
        assertThat(sent.has("startTimePlanned")).isFalse();
    }

    @Test
    void createdReadsTheCapturedResponse() {
        CreatedWorkout created = json.created(Fixtures.createResponseRunBasic(), LocalDate.of(2000, 1, 1));

        assertThat(created).isEqualTo(new CreatedWorkout(3769775845L, LocalDate.of(2026, 6, 3)));
    }

    @Test
    void createdWithoutWorkoutIdIsABadBody() {
        assertThatThrownBy(() -> json.created("{\"title\":\"x\",\"workoutId\":null}", LocalDate.of(2026, 1, 1)))
                .isInstanceOf(WorkoutJson.BadBody.class)
                .hasMessageContaining("no workoutId");
        assertThatThrownBy(() -> json.created("{\"workoutId\":0}", LocalDate.of(2026, 1, 1)))
                .isInstanceOf(WorkoutJson.BadBody.class);
        assertThatThrownBy(() -> json.created("[]", LocalDate.of(2026, 1, 1)))
                .isInstanceOf(WorkoutJson.BadBody.class);
        assertThatThrownBy(() -> json.created("not json", LocalDate.of(2026, 1, 1)))
                .isInstanceOf(WorkoutJson.BadBody.class);
    }

    @Test
    void listReadsTheRealSamplesAndIgnoresTheStructureObject() {
        List<CalendarWorkout> bike = json.workouts(Fixtures.listBikeNullTitle());
        List<CalendarWorkout> swim = json.workouts(Fixtures.listSwim());

        assertThat(bike).singleElement().satisfies(w -> {
            assertThat(w.workoutId()).isEqualTo(2585450522L);
            assertThat(w.workoutDay()).isEqualTo(LocalDate.of(2024, 3, 4));
            assertThat(w.workoutTypeValueId()).isEqualTo(2);
            assertThat(w.title()).isNull();
            assertThat(w.totalTimePlanned()).isEqualTo(1.1333333333333333);
            assertThat(w.tssPlanned()).isEqualTo(63.41);
            assertThat(w.distancePlanned()).isNull();
        });
        assertThat(swim).singleElement().satisfies(w -> assertThat(w.workoutTypeValueId()).isEqualTo(1));
    }

    @Test
    void listTakesTheDayBeforeTAndNeverShiftsZones() {
        List<CalendarWorkout> list = json.workouts("""
                [{"workoutId":1,"workoutDay":"2026-03-01T00:00:00","structure":"{\\"structure\\":[]}","title":null},
                 {"workoutId":2,"workoutDay":"2026-03-02T00:00:00Z","structure":null,"unknownField":{"a":1}},
                 {"workoutId":3,"workoutDay":"2026-03-03","totalTimePlanned":null,"workoutTypeValueId":null}]
                """);

        assertThat(list).extracting(CalendarWorkout::workoutDay)
                .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
        assertThat(list.get(2).workoutTypeValueId()).isNull();
    }

    @Test
    void listGivesAWorkoutTypeOutsideTheIntRangeAsUnknownInsteadOfFailing() {
        List<CalendarWorkout> list = json.workouts("""
                [{"workoutId":1,"workoutDay":"2026-03-01","workoutTypeValueId":4294967298},
                 {"workoutId":2,"workoutDay":"2026-03-02","workoutTypeValueId":-2147483649},
                 {"workoutId":3,"workoutDay":"2026-03-03","workoutTypeValueId":1e30},
                 {"workoutId":4,"workoutDay":"2026-03-04","workoutTypeValueId":2147483647}]
                """);

        assertThat(list).extracting(CalendarWorkout::workoutTypeValueId).containsExactly(null, null, null, Integer.MAX_VALUE);
    }

    @Test
    void anIdTooBigForALongIsMissingNotLongMaxValue() {
        for (String id : List.of("1e30", "9.3e18", "12345678901234567890123", "\"99999999999999999999\"")) {
            assertThatThrownBy(() -> json.created("{\"workoutId\":" + id + "}", LocalDate.of(2026, 1, 1)))
                    .as(id).isInstanceOf(WorkoutJson.BadBody.class).hasMessageContaining("no workoutId");
            assertThatThrownBy(() -> json.workouts("[{\"workoutId\":" + id + ",\"workoutDay\":\"2026-03-01\"}]"))
                    .as(id).isInstanceOf(WorkoutJson.BadBody.class).hasMessage("item 0 has no workoutId");
        }
        assertThat(json.created("{\"workoutId\":3.0e9}", LocalDate.of(2026, 1, 1)).workoutId()).isEqualTo(3_000_000_000L);
    }

    @Test
    void listItemWithoutDayIsABadBody() {
        assertThatThrownBy(() -> json.workouts("[{\"workoutId\":5,\"workoutDay\":null}]"))
                .isInstanceOf(WorkoutJson.BadBody.class)
                .hasMessage("workout 5 has no readable workoutDay");
        assertThatThrownBy(() -> json.workouts("{\"workoutId\":5}")).isInstanceOf(WorkoutJson.BadBody.class);
    }

    @Test
    void userToleratesMissingAndUnknownFields() {
        TpUser user = json.user("""
                {"user":{"userId":11,"personId":12,"firstName":"Ada","lastName":null,"timeZone":"x",
                  "athletes":[{"athleteId":11,"firstName":"Ada","lastName":"L"},{"firstName":"no id"},{"athleteId":99}],
                  "settings":{"account":{"isPremium":true}}},
                 "accountStatus":{"isAthlete":true,"isCoach":false,"billingTier":3}}
                """);

        assertThat(user).isEqualTo(new TpUser(11, 12L, "Ada", null, true, false,
                List.of(new TpUser.Athlete(11, "Ada", "L"), new TpUser.Athlete(99, null, null))));
        assertThat(json.user("{\"user\":{\"userId\":7}}"))
                .isEqualTo(new TpUser(7, null, null, null, false, false, List.of()));
        assertThatThrownBy(() -> json.user("{\"accountStatus\":{}}")).isInstanceOf(WorkoutJson.BadBody.class);
    }

    @Test
    void deleteAcceptsTrueOrEmptyAndRejectsFalse() {
        json.deleted("true");
        json.deleted("");
        assertThatThrownBy(() -> json.deleted("false")).isInstanceOf(WorkoutJson.BadBody.class);
    }
}
