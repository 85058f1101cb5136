package dev.tpsync.batch;

import java.time.LocalDate;

/**
 * Progress callbacks from a running import, for the CLI's progress bar or log lines.
 * Called on the job's thread, in order; implementations must be quick and must not throw.
 */
public interface ImportListener {

    /** Before the first chunk: how many plan workouts there are and how many are already on the calendar. */
    default void started(int total, int alreadyOnCalendar) {
    }

    /** After each committed chunk: workouts of this plan now on the calendar, and the last day written. */
    default void chunkWritten(int onCalendar, int total, LocalDate lastDay) {
    }

    ImportListener NONE = new ImportListener() {
    };
}
