package dev.tpsync.core.plan;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a plan, located precisely enough to fix it.
 *
 * <p>{@link #toString()} renders {@code file:line: column: value: reason}, e.g.
 * {@code plan.csv:12: sport: "swimm": unknown sport (expected one of swim, bike, run, …)}.
 *
 * @param file   the plan's file name as the user gave it
 * @param line   1-based line number, or 0 when the problem concerns the whole file
 * @param column the column (header name) or field, or null for a whole-row/whole-file problem
 * @param value  the offending value as written, or null
 * @param reason what is wrong, in plain words
 */
public record PlanProblem(String file, int line, @Nullable String column, @Nullable String value, String reason) {

    public PlanProblem {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append(column).append(": ");
        }
        if (value != null) {
            sb.append('"').append(value).append("\": ");
        }
        return sb.append(reason).toString();
    }
}
