package dev.tpsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The result table: one row per figure, printable as aligned text and as Markdown. */
final class ReportTable {

    /** How a figure compares with its target; {@link #INFO} for figures without one. */
    enum Verdict {
        MET("met"), MISSED("MISSED"), INFO("");

        final String label;

        Verdict(String label) {
            this.label = label;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    record Row(String part, String metric, String value, String target, Verdict verdict) {
        Row {
            Objects.requireNonNull(part, "part == null");
            Objects.requireNonNull(metric, "metric == null");
            Objects.requireNonNull(value, "value == null");
            Objects.requireNonNull(target, "target == null");
            Objects.requireNonNull(verdict, "verdict == null");
        }
    }

    private static final String[] HEADER = {"Part", "Metric", "Measured", "Target", "Result"};

    private final List<Row> rows = new ArrayList<>();

    void info(String part, String metric, String value) {
        rows.add(new Row(part, metric, value, "", Verdict.INFO));
    }

    void check(String part, String metric, String value, String target, boolean met) {
        rows.add(new Row(part, metric, value, target, Verdict.of(met)));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    private static String[] cells(Row r) {
        return new String[] {r.part(), r.metric(), r.value(), r.target(), r.verdict().label};
    }

    /** Columns padded to their widest cell, separated by two spaces, with a dashed rule under the header. */
    String text() {
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
        }
        for (Row r : rows) {
            String[] c = cells(r);
            for (int i = 0; i < c.length; i++) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, HEADER, width);
        String[] rule = new String[HEADER.length];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        appendLine(sb, rule, width);
        for (Row r : rows) {
            appendLine(sb, cells(r), width);
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells[i]).append(" ".repeat(width[i] - cells[i].length()));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    /** A GitHub-flavoured Markdown table; pipes inside cells are escaped. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        sb.append("|---|---|---:|---|---|\n");
        for (Row r : rows) {
            String[] c = cells(r);
            for (int i = 0; i < c.length; i++) {
                c[i] = c[i].replace("|", "\\|");
            }
            sb.append("| ").append(String.join(" | ", c)).append(" |\n");
        }
        return sb.toString();
    }
}
