package dev.tpsync.client.internal;

import dev.tpsync.client.CalendarWorkout;
import dev.tpsync.client.CreatedWorkout;
import dev.tpsync.client.NewWorkout;
import dev.tpsync.client.TpUser;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes request bodies and decodes responses of the four endpoints tpsync uses. Decoding reads a
 * tree and picks the known fields, so unknown, missing and null fields are tolerated; a response
 * that lacks what the caller needs raises {@link BadBody} with a short reason.
 */
public final class WorkoutJson {

    /** {@code startTimePlanned} is local time with seconds and no zone. */
    static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** The reason a 2xx body could not be used. */
    public static final class BadBody extends RuntimeException {
        BadBody(String message) {
            super(message, null, false, false);
        }
    }

    /** The create body: known fields only, nulls left out, structure sent as a JSON string. */
    public String createBody(NewWorkout w) {
        ObjectNode o = mapper.createObjectNode();
        o.put("athleteId", w.athleteId());
        o.put("workoutDay", w.workoutDay().toString());
        o.put("workoutTypeValueId", w.workoutTypeValueId());
        o.put("title", w.title());
        if (w.description() != null) {
            o.put("description", w.description());
        }
        if (w.totalTimePlanned() != null) {
            o.put("totalTimePlanned", w.totalTimePlanned());
        }
        if (w.distancePlanned() != null) {
            o.put("distancePlanned", w.distancePlanned());
        }
        if (w.tssPlanned() != null) {
            o.put("tssPlanned", w.tssPlanned());
        }
        if (w.ifPlanned() != null) {
            o.put("ifPlanned", w.ifPlanned());
        }
        if (w.startTimePlanned() != null) {
            o.put("startTimePlanned", START_TIME.format(w.startTimePlanned()));
        }
        if (w.structure() != null) {
            o.put("structure", w.structure());
        }
        return mapper.writeValueAsString(o);
    }

    /** The create response: an object, or an array holding exactly one object, with a positive {@code workoutId}. */
    public CreatedWorkout created(String body, LocalDate requestedDay) {
        JsonNode node = tree(body);
        if (node.isArray()) {
            if (node.size() != 1) {
                throw new BadBody("the response array holds " + node.size() + " workouts instead of 1");
            }
            node = node.get(0);
        }
        if (!node.isObject()) {
            throw new BadBody("the response is not a workout object");
        }
        Long id = longField(node, "workoutId");
        if (id == null || id <= 0) {
            throw new BadBody("the response has no workoutId, so the workout may not have been saved");
        }
        LocalDate day = day(node.get("workoutDay"));
        return new CreatedWorkout(id, day == null ? requestedDay : day);
    }

    /** The list response: an array of workouts; entries without an ID or day are a bad body. */
    public List<CalendarWorkout> workouts(String body) {
        JsonNode node = tree(body);
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadBody("the response is not an array of workouts");
        }
        List<CalendarWorkout> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode w = node.get(i);
            if (!w.isObject()) {
                throw new BadBody("item " + i + " is not a workout object");
            }
            Long id = longField(w, "workoutId");
            LocalDate day = day(w.get("workoutDay"));
            if (id == null) {
                throw new BadBody("item " + i + " has no workoutId");
            }
            if (day == null) {
                throw new BadBody("workout " + id + " has no readable workoutDay");
            }
            out.add(new CalendarWorkout(id, day, intField(w, "workoutTypeValueId"),
                    stringField(w, "title"), stringField(w, "description"),
                    doubleField(w, "totalTimePlanned"), doubleField(w, "distancePlanned"), doubleField(w, "tssPlanned")));
        }
        return out;
    }

    /** The {@code /users/v3/user} response. Only {@code user.userId} is required. */
    public TpUser user(String body) {
        JsonNode root = tree(body);
        JsonNode user = root.get("user");
        if (user == null || !user.isObject()) {
            throw new BadBody("the response has no user object");
        }
        Long userId = longField(user, "userId");
        if (userId == null) {
            throw new BadBody("the response has no user.userId");
        }
        List<TpUser.Athlete> athletes = new ArrayList<>();
        JsonNode list = user.get("athletes");
        if (list != null && list.isArray()) {
            for (JsonNode a : list) {
                Long id = a.isObject() ? longField(a, "athleteId") : null;
                if (id != null) {
                    athletes.add(new TpUser.Athlete(id, stringField(a, "firstName"), stringField(a, "lastName")));
                }
            }
        }
        JsonNode status = root.get("accountStatus");
        boolean athlete = status != null && status.isObject() && booleanField(status, "isAthlete");
        boolean coach = status != null && status.isObject() && booleanField(status, "isCoach");
        return new TpUser(userId, longField(user, "personId"), stringField(user, "firstName"), stringField(user, "lastName"),
                athlete, coach, athletes);
    }

    /** The delete response: {@code true}, or an empty body. An explicit {@code false} is a bad body. */
    public void deleted(String body) {
        if (body.isBlank()) {
            return;
        }
        JsonNode node = tree(body);
        if (node.isBoolean() && !node.booleanValue()) {
            throw new BadBody("the server answered false");
        }
    }

    private JsonNode tree(String body) {
        if (body.isBlank()) {
            throw new BadBody("the body is empty");
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw new BadBody("the body is not valid JSON");
        }
    }

    /** The calendar day: the part before {@code T}, never converted across zones. */
    static @Nullable LocalDate day(@Nullable JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        String s = node.stringValue().strip();
        int t = s.indexOf('T');
        String date = t >= 0 ? s.substring(0, t) : s;
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A whole number that fits an int, or null (also when it is out of range). */
    private static @Nullable Integer intField(JsonNode o, String name) {
        Long v = longField(o, name);
        return v != null && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? Integer.valueOf(v.intValue()) : null;
    }

    /** A whole number that fits a long (as a number or a numeric string), or null; never saturated. */
    private static @Nullable Long longField(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            // (long) d would turn 1e30 or Infinity into Long.MAX_VALUE; 2^63 itself is already too big.
            boolean inRange = d >= (double) Long.MIN_VALUE && d < (double) Long.MAX_VALUE;
            return inRange && d == Math.rint(d) ? (long) d : null;
        }
        if (v.isString()) {
            try {
                return Long.parseLong(v.stringValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable Double doubleField(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || !v.isNumber()) {
            return null;
        }
        return v.doubleValue();
    }

    private static @Nullable String stringField(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    private static boolean booleanField(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v != null && v.isBoolean() && v.booleanValue();
    }
}
