package dev.tpsync.client;

import java.time.LocalDate;
import java.util.List;

/**
 * The TrainingPeaks browser-API operations tpsync uses. Every method either returns a result the
 * server confirmed or throws a {@link TpApiException}; implementations never return partial data.
 *
 * <p>Only these endpoints are called; {@code commands/*} endpoints never are.
 */
public interface TpApi {

    /** {@code GET /users/v3/user}: who the token belongs to and which athletes it may plan for. */
    TpUser currentUser();

    /**
     * {@code POST /fitness/v6/athletes/{athleteId}/workouts}. Not idempotent: every successful call
     * creates a workout. A 200 without a {@code workoutId} is an {@link TpApiException.InvalidResponse}.
     */
    CreatedWorkout createWorkout(long athleteId, NewWorkout workout);

    /**
     * {@code GET /fitness/v6/athletes/{athleteId}/workouts/{start}/{end}}, both bounds inclusive.
     * Long ranges are split into windows of at most 90 days; results come back in date order.
     */
    List<CalendarWorkout> listWorkouts(long athleteId, LocalDate start, LocalDate end);

    /** {@code DELETE /fitness/v6/athletes/{athleteId}/workouts/{workoutId}}. Only for workouts tpsync created. */
    void deleteWorkout(long athleteId, long workoutId);
}
