package dev.tpsync.sandbox.internal;

import dev.tpsync.sandbox.SandboxWorkout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's calendar: workouts by ID plus the next ID to hand out. All methods are synchronized; with a
 * store file every change is written to a temporary file and moved over the old one before the method returns.
 */
public final class WorkoutStore {

    /** The first ID handed out, close to the IDs seen in real captures. */
    public static final long FIRST_WORKOUT_ID = 3_769_775_845L;

    private static final int FORMAT_VERSION = 1;
    private static final Comparator<SandboxWorkout> CALENDAR_ORDER =
            Comparator.comparing(SandboxWorkout::workoutDay).thenComparingLong(SandboxWorkout::workoutId);

    private final JsonMapper json;
    private final @Nullable Path file;
    private final Map<Long, SandboxWorkout> byId = new TreeMap<>();
    private long nextId = FIRST_WORKOUT_ID;

    public WorkoutStore(JsonMapper json, @Nullable Path file) {
        this.json = json;
        this.file = file;
        if (file != null && Files.exists(file)) {
            load(file);
        }
    }

    /** Stores the workout under a new ID and returns it with that ID. */
    public synchronized SandboxWorkout create(SandboxWorkout workout) {
        SandboxWorkout stored = workout.withWorkoutId(nextId++);
        byId.put(stored.workoutId(), stored);
        persist();
        return stored;
    }

    /** Stores a workout the tool did not create; an ID of 0 gets a new ID, any other ID is kept. */
    public synchronized SandboxWorkout seed(SandboxWorkout workout) {
        if (workout.workoutId() == 0) {
            return create(workout);
        }
        if (byId.containsKey(workout.workoutId())) {
            throw new IllegalArgumentException("workoutId " + workout.workoutId() + " is already stored");
        }
        byId.put(workout.workoutId(), workout);
        nextId = Math.max(nextId, workout.workoutId() + 1);
        persist();
        return workout;
    }

    public synchronized Optional<SandboxWorkout> find(long athleteId, long workoutId) {
        SandboxWorkout w = byId.get(workoutId);
        return w != null && w.athleteId() == athleteId ? Optional.of(w) : Optional.empty();
    }

    public synchronized boolean delete(long athleteId, long workoutId) {
        if (find(athleteId, workoutId).isEmpty()) {
            return false;
        }
        byId.remove(workoutId);
        persist();
        return true;
    }

    /** The athlete's workouts with {@code from <= workoutDay <= to}, by day then ID. */
    public synchronized List<SandboxWorkout> between(long athleteId, LocalDate from, LocalDate to) {
        return byId.values().stream()
                .filter(w -> w.athleteId() == athleteId)
                .filter(w -> !w.workoutDay().isBefore(from) && !w.workoutDay().isAfter(to))
                .sorted(CALENDAR_ORDER)
                .toList();
    }

    /** Every stored workout, by day then ID. */
    public synchronized List<SandboxWorkout> all() {
        return byId.values().stream().sorted(CALENDAR_ORDER).toList();
    }

    private void persist() {
        if (file == null) {
            return;
        }
        ObjectNode root = json.createObjectNode();
        root.put("version", FORMAT_VERSION);
        root.put("nextWorkoutId", nextId);
        ArrayNode list = root.putArray("workouts");
        for (SandboxWorkout w : byId.values()) {
            ObjectNode n = list.addObject();
            n.put("workoutId", w.workoutId());
            n.put("athleteId", w.athleteId());
            n.put("workoutDay", w.workoutDay().toString());
            n.put("workoutTypeValueId", w.workoutTypeValueId());
            n.put("title", w.title());
            n.put("description", w.description());
            n.put("totalTimePlanned", w.totalTimePlanned());
            n.put("distancePlanned", w.distancePlanned());
            n.put("tssPlanned", w.tssPlanned());
            n.put("ifPlanned", w.ifPlanned());
            n.put("startTimePlanned", w.startTimePlanned() == null ? null : SandboxHandler.LOCAL_SECONDS.format(w.startTimePlanned()));
            n.put("structure", w.structure());
            n.put("userTags", w.userTags());
        }
        try {
            Path absolute = file.toAbsolutePath();
            Path dir = absolute.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path temp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
            try {
                Files.write(temp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sandbox store " + file, e);
        }
    }

    private void load(Path path) {
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the sandbox store " + path, e);
        } catch (JacksonException e) {
            throw new IllegalStateException("The sandbox store " + path + " is not valid JSON", e);
        }
        if (root == null || root.path("version").asInt(0) != FORMAT_VERSION) {
            throw new IllegalStateException("The sandbox store " + path + " is not a version "
                    + FORMAT_VERSION + " store file");
        }
        List<SandboxWorkout> loaded = new ArrayList<>();
        for (JsonNode n : root.path("workouts")) {
            loaded.add(new SandboxWorkout(
                    n.path("workoutId").asLong(),
                    n.path("athleteId").asLong(),
                    LocalDate.parse(n.path("workoutDay").asString()),
                    n.path("workoutTypeValueId").asInt(),
                    text(n, "title"),
                    text(n, "description"),
                    decimal(n, "totalTimePlanned"),
                    decimal(n, "distancePlanned"),
                    decimal(n, "tssPlanned"),
                    decimal(n, "ifPlanned"),
                    text(n, "startTimePlanned") == null ? null : LocalDateTime.parse(text(n, "startTimePlanned")),
                    text(n, "structure"),
                    text(n, "userTags")));
        }
        for (SandboxWorkout w : loaded) {
            byId.put(w.workoutId(), w);
        }
        long maxId = loaded.stream().mapToLong(SandboxWorkout::workoutId).max().orElse(FIRST_WORKOUT_ID - 1);
        nextId = Math.max(root.path("nextWorkoutId").asLong(FIRST_WORKOUT_ID), maxId + 1);
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static @Nullable Double decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.doubleValue();
    }
}
