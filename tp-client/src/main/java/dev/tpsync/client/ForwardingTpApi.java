package dev.tpsync.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A {@link TpApi} that passes every call to another one; subclasses override the calls they want to
 * observe or change (timing, counting, failing on cue). It adds no behaviour and no synchronisation of
 * its own: it is as thread-safe as the target and the overrides.
 */
public abstract class ForwardingTpApi implements TpApi {

    private final TpApi target;

    protected ForwardingTpApi(TpApi target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public TpUser currentUser() {
        return target.currentUser();
    }

    @Override
    public CreatedWorkout createWorkout(long athleteId, NewWorkout workout) {
        return target.createWorkout(athleteId, workout);
    }

    @Override
    public List<CalendarWorkout> listWorkouts(long athleteId, LocalDate start, LocalDate end) {
        return target.listWorkouts(athleteId, start, end);
    }

    @Override
    public void deleteWorkout(long athleteId, long workoutId) {
        target.deleteWorkout(athleteId, workoutId);
    }
}
