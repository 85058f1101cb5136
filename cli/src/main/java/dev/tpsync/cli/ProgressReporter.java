package dev.tpsync.cli;

import dev.tpsync.batch.ImportListener;
import java.io.PrintWriter;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Shows import progress: on a terminal one bar redrawn in place with {@code \r}, otherwise one
 * plain line per chunk (for cron logs and pipes). Never throws, as {@link ImportListener} requires.
 */
final class ProgressReporter implements ImportListener {

    static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean interactive;
    private final String planName;
    private boolean barDrawn;

    ProgressReporter(PrintWriter out, boolean interactive, String planName) {
        this.out = out;
        this.interactive = interactive;
        this.planName = planName;
    }

    @Override
    public void started(int total, int alreadyOnCalendar) {
        try {
            if (interactive) {
                drawBar(alreadyOnCalendar, total, null);
            } else if (alreadyOnCalendar > 0) {
                out.println("tpsync: " + planName + ": " + total + " workouts, " + alreadyOnCalendar
                        + " already on the calendar; continuing");
            } else {
                out.println("tpsync: " + planName + ": " + total + " workouts to put on the calendar");
            }
            out.flush();
        } catch (RuntimeException ignored) {
            // Progress output must never break the import.
        }
    }

    @Override
    public void chunkWritten(int onCalendar, int total, LocalDate lastDay) {
        try {
            if (interactive) {
                drawBar(onCalendar, total, lastDay);
            } else {
                out.println("tpsync: " + onCalendar + "/" + total + " workouts on the calendar (through " + lastDay + ")");
            }
            out.flush();
        } catch (RuntimeException ignored) {
            // Progress output must never break the import.
        }
    }

    /** Ends the bar's line so later output starts on a fresh one. */
    void finish() {
        if (barDrawn) {
            out.println();
            out.flush();
            barDrawn = false;
        }
    }

    static String bar(int done, int total, @Nullable LocalDate lastDay) {
        int filled = total <= 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * Math.min(done, total) / total);
        StringBuilder sb = new StringBuilder(BAR_WIDTH + 32).append('[');
        sb.append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        sb.append(done).append('/').append(total);
        if (lastDay != null) {
            sb.append("  ").append(lastDay);
        }
        return sb.toString();
    }

    private void drawBar(int done, int total, @Nullable LocalDate lastDay) {
        out.print("\r" + bar(done, total, lastDay));
        barDrawn = true;
    }
}
