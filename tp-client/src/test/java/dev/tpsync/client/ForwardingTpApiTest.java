package dev.tpsync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingTpApiTest {

    @Test
    void passesEveryCallAndItsArgumentsToTheTarget_andReturnsItsAnswers() {
        List<String> calls = new ArrayList<>();
        TpUser user = new TpUser(1, 1L, "Ada", "Runner", true, false, List.of());
        CreatedWorkout created = new CreatedWorkout(99L, LocalDate.of(2026, 3, 2));
        NewWorkout run = new NewWorkout(7, LocalDate.of(2026, 3, 2), 3, "Easy run", null, 0.5, null, null, null, null, null);
        TpApi target = new TpApi() {
            @Override
            public TpUser currentUser() {
                calls.add("user");
                return user;
            }

            @Override
            public CreatedWorkout createWorkout(long athleteId, NewWorkout workout) {
                calls.add("create " + athleteId + " " + workout.title());
                return created;
            }

            @Override
            public List<CalendarWorkout> listWorkouts(long athleteId, LocalDate start, LocalDate end) {
                calls.add("list " + athleteId + " " + start + ".." + end);
                return List.of();
            }

            @Override
            public void deleteWorkout(long athleteId, long workoutId) {
                calls.add("delete " + athleteId + " " + workoutId);
            }
        };
        TpApi forwarding = new ForwardingTpApi(target) { };

        assertThat(forwarding.currentUser()).isSameAs(user);
        assertThat(forwarding.createWorkout(7, run)).isSameAs(created);
        assertThat(forwarding.listWorkouts(7, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 8))).isEmpty();
        forwarding.deleteWorkout(7, 99);

        assertThat(calls).containsExactly("user", "create 7 Easy run", "list 7 2026-03-01..2026-03-08", "delete 7 99");
    }
}
