package dev.tpsync.batch;

import dev.tpsync.client.CalendarWorkout;
import dev.tpsync.client.CreatedWorkout;
import dev.tpsync.client.NewWorkout;
import dev.tpsync.client.TpApi;
import dev.tpsync.client.TpApiException;
import dev.tpsync.client.TpUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory TrainingPeaks for engine tests: a calendar that can outlive one fake (so a "second
 * process" sees what the first created), a request log, and injectable faults per create call.
 */
final class FakeTpApi implements TpApi {

    /** A marker that only this fake knows; the state files must never contain it. */
    static final String SECRET_MARKER = "tpsync-SECRET-MARKER-7f3c9e";

    /** What a real client would hold: the token. It is never handed to the engine. */
    @SuppressWarnings("unused")
    private final String bearerToken = "Bearer " + SECRET_MARKER;

    /** Faults a create call can suffer. */
    enum Fault {
        /** 401, nothing stored; every later call fails the same way. */
        TOKEN_EXPIRED,
        /** Stored server-side, but the response is lost (504 on the POST). */
        LOST_RESPONSE,
        /** Not stored; the client gave up after its retries. */
        UNAVAILABLE,
        /** Not stored; 403. */
        FORBIDDEN
    }

    /** Server-side state shared by fakes. */
    static final class Calendar {
        private final Map<Long, CalendarWorkout> workouts = new LinkedHashMap<>();
        private long nextId = 5000;

        synchronized long add(LocalDate day, int typeId, String title) {
            long id = nextId++;
            workouts.put(id, new CalendarWorkout(id, day, typeId, title, null, null, null, null));
            return id;
        }

        synchronized void remove(long workoutId) {
            workouts.remove(workoutId);
        }

        synchronized List<CalendarWorkout> between(LocalDate from, LocalDate to) {
            return workouts.values().stream()
                    .filter(w -> !w.workoutDay().isBefore(from) && !w.workoutDay().isAfter(to))
                    .sorted((a, b) -> a.workoutDay().compareTo(b.workoutDay()))
                    .toList();
        }

        synchronized List<CalendarWorkout> all() {
            return List.copyOf(workouts.values());
        }

        synchronized long countTitled(String title) {
            return workouts.values().stream().filter(w -> title.equals(w.title())).count();
        }
    }

    private final Calendar calendar;
    private final Map<Integer, Fault> faults = new HashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private int creates;
    private boolean tokenExpired;
    private boolean blindReadBack;

    FakeTpApi(Calendar calendar) {
        this.calendar = calendar;
    }

    FakeTpApi() {
        this(new Calendar());
    }

    /** The n-th createWorkout call (1-based) of this fake suffers {@code fault}. */
    FakeTpApi failCreate(int n, Fault fault) {
        faults.put(n, fault);
        return this;
    }

    /** Lists answer empty from now on, as if the server had not caught up with lost creates yet. */
    FakeTpApi blindReadBack() {
        blindReadBack = true;
        return this;
    }

    Calendar calendar() {
        return calendar;
    }

    /** One line per request received, e.g. {@code POST 2026-03-01 Workout 1} or {@code GET 2026-03-07..2026-03-07}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    long count(String prefix) {
        return requests().stream().filter(r -> r.startsWith(prefix)).count();
    }

    @Override
    public TpUser currentUser() {
        requests.add("GET user");
        throw new UnsupportedOperationException("the engine does not need the user");
    }

    @Override
    public synchronized CreatedWorkout createWorkout(long athleteId, NewWorkout workout) {
        requests.add("POST " + workout.workoutDay() + " " + workout.title());
        String path = "/fitness/v6/athletes/" + athleteId + "/workouts";
        if (tokenExpired) {
            throw new TpApiException.TokenExpired("POST", path, "401 Unauthorized");
        }
        creates++;
        Fault fault = faults.get(creates);
        if (fault == null) {
            long id = calendar.add(workout.workoutDay(), workout.workoutTypeValueId(), workout.title());
            return new CreatedWorkout(id, workout.workoutDay());
        }
        switch (fault) {
            case TOKEN_EXPIRED -> {
                tokenExpired = true;
                throw new TpApiException.TokenExpired("POST", path, "401 Unauthorized");
            }
            case LOST_RESPONSE -> {
                calendar.add(workout.workoutDay(), workout.workoutTypeValueId(), workout.title());
                throw new TpApiException.ServerError(504, "POST", path, "504 Gateway Timeout");
            }
            case UNAVAILABLE -> throw new TpApiException.Unavailable("POST", path, "503 after 3 attempts", null);
            case FORBIDDEN -> throw new TpApiException.Forbidden("POST", path, "basic accounts cannot plan future days");
            default -> throw new AssertionError(fault);
        }
    }

    @Override
    public synchronized List<CalendarWorkout> listWorkouts(long athleteId, LocalDate start, LocalDate end) {
        requests.add("GET " + start + ".." + end);
        if (tokenExpired) {
            throw new TpApiException.TokenExpired("GET", "/fitness/v6/athletes/" + athleteId + "/workouts", "401");
        }
        return blindReadBack ? List.of() : calendar.between(start, end);
    }

    @Override
    public void deleteWorkout(long athleteId, long workoutId) {
        requests.add("DELETE " + workoutId);
        throw new UnsupportedOperationException("the engine never deletes");
    }
}
