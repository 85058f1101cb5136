package dev.tpsync.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tpsync.client.NewWorkout;
import dev.tpsync.core.plan.PlannedWorkout;
import dev.tpsync.core.plan.Sport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class WorkoutBodyMapperTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 3);

    @Test
    void twentyMinutesIsAThirdOfAnHour() {
        assertThat(WorkoutBodyMapper.decimalHours(Duration.ofMinutes(20))).isCloseTo(0.33333, within(1e-5));
    }

    @Test
    void ninetyMinutesIsOneAndAHalfHours() {
        assertThat(WorkoutBodyMapper.decimalHours(Duration.ofMinutes(90))).isEqualTo(1.5);
    }

    @Test
    void secondsCountTowardsDecimalHours() {
        assertThat(WorkoutBodyMapper.decimalHours(Duration.ofSeconds(3600 + 36))).isEqualTo(1.01);
        assertThat(WorkoutBodyMapper.decimalHours(Duration.ofHours(2))).isEqualTo(2.0);
    }

    @Test
    void mapsEveryPlannedFieldToTheCreateBody() {
        PlannedWorkout w = new PlannedWorkout(DAY, Sport.RUN, "Tempo run", Duration.ofMinutes(45), 10000.0,
                63.4, 0.85, "3 x 10 min at threshold", LocalTime.of(6, 30), 12);

        NewWorkout body = WorkoutBodyMapper.toNewWorkout(42L, w);

        assertThat(body.athleteId()).isEqualTo(42L);
        assertThat(body.workoutDay()).isEqualTo(DAY);
        assertThat(body.workoutTypeValueId()).isEqualTo(3);
        assertThat(body.title()).isEqualTo("Tempo run");
        assertThat(body.description()).isEqualTo("3 x 10 min at threshold");
        assertThat(body.totalTimePlanned()).isEqualTo(0.75);
        assertThat(body.distancePlanned()).isEqualTo(10000.0);
        assertThat(body.tssPlanned()).isEqualTo(63.4);
        assertThat(body.ifPlanned()).isEqualTo(0.85);
        assertThat(body.startTimePlanned()).isEqualTo(LocalDateTime.of(2026, 6, 3, 6, 30));
        assertThat(body.structure()).isNull();
    }

    @Test
    void leavesOptionalFieldsNullWhenNotPlanned() {
        PlannedWorkout w = new PlannedWorkout(DAY, Sport.DAY_OFF, "Rest", null, null, null, null, null, null, 3);

        NewWorkout body = WorkoutBodyMapper.toNewWorkout(42L, w);

        assertThat(body.workoutTypeValueId()).isEqualTo(7);
        assertThat(body.totalTimePlanned()).isNull();
        assertThat(body.distancePlanned()).isNull();
        assertThat(body.tssPlanned()).isNull();
        assertThat(body.ifPlanned()).isNull();
        assertThat(body.description()).isNull();
        assertThat(body.startTimePlanned()).isNull();
    }
}
