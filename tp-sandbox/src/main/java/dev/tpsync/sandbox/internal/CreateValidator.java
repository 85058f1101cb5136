package dev.tpsync.sandbox.internal;

import dev.tpsync.sandbox.SandboxWorkout;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a create-workout body as strictly as the sandbox's reading of the real API allows (see
 * docs/sandbox.md); the first broken rule becomes a 400 whose message names the field and the value.
 */
public final class CreateValidator {

    public static final Set<Integer> WORKOUT_TYPE_IDS = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 29, 100);
    public static final int MAX_TITLE_LENGTH = 500;
    static final Set<String> BLOCK_TYPES = Set.of("step", "repetition", "rampUp", "rampDown");
    static final Set<String> STEP_LENGTH_UNITS = Set.of("second", "meter");
    static final Set<String> INTENSITY_CLASSES = Set.of("warmUp", "active", "rest", "coolDown");
    static final Set<String> LENGTH_METRICS = Set.of("duration", "distance");
    static final Set<String> INTENSITY_METRICS = Set.of("percentOfFtp", "percentOfThresholdHr", "percentOfThresholdPace");
    static final Set<String> TARGET_OR_RANGE = Set.of("range", "target");

    private static final Pattern DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(T00:00:00)?");
    private static final Pattern START_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    /** A rule the body broke; the message is safe to return to the client. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** A valid body: the workout to store (its ID still 0) and the parsed structure for the echo. */
    public record Valid(SandboxWorkout workout, @Nullable JsonNode structure) {
    }

    private final JsonMapper json;

    public CreateValidator(JsonMapper json) {
        this.json = json;
    }

    public Valid validate(String body, long pathAthleteId) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new Invalid("The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("The request body must be a JSON object, got " + kind(root) + ".");
        }

        JsonNode athlete = present(root, "athleteId");
        if (athlete != null) {
            if (!athlete.isIntegralNumber() || !athlete.canConvertToLong() || athlete.longValue() != pathAthleteId) {
                throw invalid("athleteId", athlete, "must equal the athlete ID in the path (" + pathAthleteId + ")");
            }
        }

        LocalDate day = workoutDay(root);

        JsonNode type = present(root, "workoutTypeValueId");
        if (type == null) {
            throw new Invalid("workoutTypeValueId is required.");
        }
        if (!type.isIntegralNumber() || !type.canConvertToInt() || !WORKOUT_TYPE_IDS.contains(type.intValue())) {
            throw invalid("workoutTypeValueId", type, "must be one of 1-13, 29, 100");
        }

        JsonNode title = present(root, "title");
        if (title == null) {
            throw new Invalid("title is required.");
        }
        if (!title.isString() || title.stringValue().isBlank()) {
            throw invalid("title", title, "must be a non-blank string");
        }
        if (title.stringValue().length() > MAX_TITLE_LENGTH) {
            throw invalid("title", title, "must be at most " + MAX_TITLE_LENGTH + " characters (it has "
                    + title.stringValue().length() + ")");
        }

        String description = optionalString(root, "description");
        String userTags = optionalString(root, "userTags");
        Double hours = number(root, "totalTimePlanned", 0, false, 24, "must be decimal hours with 0 < hours <= 24");
        Double metres = number(root, "distancePlanned", 0, true, 1_000_000, "must be metres with 0 <= metres <= 1000000");
        Double tss = number(root, "tssPlanned", 0, true, 9999, "must be within 0..9999");
        Double intensityFactor = number(root, "ifPlanned", 0, true, 5, "must be within 0..5");
        LocalDateTime start = startTime(root, day);

        JsonNode structureField = present(root, "structure");
        String structureText = null;
        JsonNode structure = null;
        if (structureField != null) {
            if (!structureField.isString()) {
                throw invalid("structure", structureField,
                        "must be a JSON-encoded string, not " + kind(structureField));
            }
            structureText = structureField.stringValue();
            structure = structure(structureText);
        }

        SandboxWorkout workout = new SandboxWorkout(0, pathAthleteId, day, type.intValue(), title.stringValue(),
                description, hours, metres, tss, intensityFactor, start, structureText, userTags);
        return new Valid(workout, structure);
    }

    private LocalDate workoutDay(JsonNode root) {
        JsonNode node = present(root, "workoutDay");
        if (node == null) {
            throw new Invalid("workoutDay is required.");
        }
        String text = node.isString() ? node.stringValue() : null;
        Matcher m = text == null ? null : DAY.matcher(text);
        if (m == null || !m.matches()) {
            throw invalid("workoutDay", node, "must be YYYY-MM-DD or YYYY-MM-DDT00:00:00 with no zone or offset");
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (DateTimeParseException e) {
            throw invalid("workoutDay", node, "is not a calendar date");
        }
    }

    private static @Nullable LocalDateTime startTime(JsonNode root, LocalDate day) {
        JsonNode node = present(root, "startTimePlanned");
        if (node == null) {
            return null;
        }
        if (!node.isString() || !START_TIME.matcher(node.stringValue()).matches()) {
            throw invalid("startTimePlanned", node, "must be YYYY-MM-DDTHH:MM:SS local time with no zone or offset");
        }
        LocalDateTime value;
        try {
            value = LocalDateTime.parse(node.stringValue());
        } catch (DateTimeParseException e) {
            throw invalid("startTimePlanned", node, "is not a valid date and time");
        }
        if (!value.toLocalDate().equals(day)) {
            throw invalid("startTimePlanned", node, "must fall on workoutDay " + day);
        }
        return value;
    }

    private JsonNode structure(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new Invalid("structure must contain valid JSON; the string does not parse.");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("structure must encode a JSON object, got " + kind(root) + ".");
        }
        requireOneOf(root, "primaryLengthMetric", LENGTH_METRICS, "structure.primaryLengthMetric", true);
        requireOneOf(root, "primaryIntensityMetric", INTENSITY_METRICS, "structure.primaryIntensityMetric", true);
        requireOneOf(root, "primaryIntensityTargetOrRange", TARGET_OR_RANGE,
                "structure.primaryIntensityTargetOrRange", false);
        JsonNode blocks = present(root, "structure");
        if (blocks == null || !blocks.isArray() || blocks.isEmpty()) {
            throw invalid("structure.structure", blocks, "must be a non-empty array of blocks");
        }
        for (int i = 0; i < blocks.size(); i++) {
            block(blocks.get(i), "structure.structure[" + i + "]");
        }
        return root;
    }

    private static void block(JsonNode block, String where) {
        if (!block.isObject()) {
            throw invalid(where, block, "must be an object");
        }
        requireOneOf(block, "type", BLOCK_TYPES, where + ".type", true);
        JsonNode length = present(block, "length");
        if (length == null || !length.isObject()) {
            throw invalid(where + ".length", length, "must be an object {value, unit: \"repetition\"}");
        }
        requireOneOf(length, "unit", Set.of("repetition"), where + ".length.unit", true);
        JsonNode count = present(length, "value");
        if (count == null || !count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 1) {
            throw invalid(where + ".length.value", count, "must be a whole repeat count >= 1");
        }
        JsonNode steps = present(block, "steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw invalid(where + ".steps", steps, "must be a non-empty array of steps");
        }
        for (int j = 0; j < steps.size(); j++) {
            step(steps.get(j), where + ".steps[" + j + "]");
        }
    }

    private static void step(JsonNode step, String where) {
        if (!step.isObject()) {
            throw invalid(where, step, "must be an object");
        }
        requireOneOf(step, "type", Set.of("step"), where + ".type", false);
        JsonNode name = present(step, "name");
        if (name != null && !name.isString()) {
            throw invalid(where + ".name", name, "must be a string");
        }
        JsonNode length = present(step, "length");
        if (length == null || !length.isObject()) {
            throw invalid(where + ".length", length, "must be an object {value, unit: \"second\" | \"meter\"}");
        }
        requireOneOf(length, "unit", STEP_LENGTH_UNITS, where + ".length.unit", true);
        JsonNode value = present(length, "value");
        if (value == null || !value.isNumber() || !(value.doubleValue() > 0)) {
            throw invalid(where + ".length.value", value, "must be a number > 0");
        }
        requireOneOf(step, "intensityClass", INTENSITY_CLASSES, where + ".intensityClass", true);
        JsonNode targets = present(step, "targets");
        if (targets != null) {
            if (!targets.isArray()) {
                throw invalid(where + ".targets", targets, "must be an array");
            }
            for (int k = 0; k < targets.size(); k++) {
                JsonNode target = targets.get(k);
                String at = where + ".targets[" + k + "]";
                if (!target.isObject()) {
                    throw invalid(at, target, "must be an object");
                }
                for (String bound : new String[] {"minValue", "maxValue"}) {
                    JsonNode v = present(target, bound);
                    if (v != null && !v.isNumber()) {
                        throw invalid(at + "." + bound, v, "must be a number");
                    }
                }
            }
        }
        JsonNode open = present(step, "openDuration");
        if (open != null && !open.isBoolean()) {
            throw invalid(where + ".openDuration", open, "must be true or false");
        }
    }

    private static void requireOneOf(JsonNode parent, String field, Set<String> allowed, String where,
            boolean required) {
        JsonNode node = present(parent, field);
        if (node == null) {
            if (required) {
                throw new Invalid(where + " is required (one of " + sorted(allowed) + ").");
            }
            return;
        }
        if (!node.isString() || !allowed.contains(node.stringValue())) {
            throw invalid(where, node, "must be one of " + sorted(allowed));
        }
    }

    private static @Nullable String optionalString(JsonNode root, String field) {
        JsonNode node = present(root, field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw invalid(field, node, "must be a string");
        }
        return node.stringValue();
    }

    private static @Nullable Double number(JsonNode root, String field, double min, boolean minInclusive,
            double max, String rule) {
        JsonNode node = present(root, field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw invalid(field, node, rule);
        }
        double v = node.doubleValue();
        boolean aboveMin = minInclusive ? v >= min : v > min;
        if (!aboveMin || v > max || Double.isNaN(v)) {
            throw invalid(field, node, rule);
        }
        return v;
    }

    /** The field's value, treating an explicit JSON null like an absent field. */
    private static @Nullable JsonNode present(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static Invalid invalid(String field, @Nullable JsonNode value, String rule) {
        return new Invalid(field + " " + rule + ", got " + shown(value) + ".");
    }

    private static String shown(@Nullable JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String kind(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", new java.util.TreeSet<>(values));
    }
}
