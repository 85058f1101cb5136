package dev.tpsync.core.plan.csv;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The columns a CSV plan may have, and which header style each belongs to. */
enum Column {
    DATE("date", false, true),
    WEEK("week", false, true),
    WEEKDAY("weekday", false, true),
    DAY("day", true, true),
    SPORT("sport", true, true),
    SUBTYPE("subtype", true, false),
    TITLE("title", true, true),
    DURATION("duration", false, true),
    DURATION_MINUTES("duration_minutes", true, false),
    DISTANCE("distance", false, true),
    PLANNED_DISTANCE("planned_distance", true, false),
    PLANNED_DISTANCE_UNIT("planned_distance_unit", true, false),
    TSS("tss", true, true),
    IF("if", false, true),
    DESCRIPTION("description", true, true),
    START_TIME("start_time", false, true),
    PHASE("phase", true, false);

    final String header;
    private final boolean trainingDojo;
    private final boolean own;

    Column(String header, boolean trainingDojo, boolean own) {
        this.header = header;
        this.trainingDojo = trainingDojo;
        this.own = own;
    }

    /** Whether a header in {@code style} may have this column. */
    boolean in(Style style) {
        return style == Style.TRAINING_DOJO ? trainingDojo : own;
    }

    /** A column only TrainingDojo's style has: its presence decides the style. */
    boolean onlyTrainingDojo() {
        return in(Style.TRAINING_DOJO) && !in(Style.OWN);
    }

    static Optional<Column> byHeader(String normalisedName) {
        return Arrays.stream(values()).filter(c -> c.header.equals(normalisedName)).findFirst();
    }

    /** Header names are trimmed and case-insensitive; a stray BOM is dropped. */
    static String normalise(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The two header styles; decided by which columns the header has. */
    enum Style {
        TRAINING_DOJO("TrainingDojo"),
        OWN("tpsync");

        final String label;

        Style(String label) {
            this.label = label;
        }

        Set<Column> columns() {
            EnumSet<Column> set = EnumSet.noneOf(Column.class);
            for (Column c : Column.values()) {
                if (c.in(this)) {
                    set.add(c);
                }
            }
            return set;
        }

        String columnList() {
            return columns().stream().map(c -> c.header).collect(Collectors.joining(", "));
        }

        /** TrainingDojo when any column only it uses is present; otherwise ours (a superset for the shared ones). */
        static Style of(Set<Column> present) {
            for (Column c : present) {
                if (c.onlyTrainingDojo()) {
                    return TRAINING_DOJO;
                }
            }
            return OWN;
        }
    }
}
