package dev.tpsync.batch;

import dev.tpsync.client.TpApiException;
import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How an import ended.
 *
 * @param outcome        the kind of ending; decides the CLI's exit code
 * @param total          workouts in the plan
 * @param created        workouts this run created
 * @param alreadyPresent workouts this run found already on the calendar (ledger or adopted read-back)
 * @param onCalendar     workouts of this plan on the calendar now, whatever run put them there
 * @param firstDay       the plan's first day
 * @param lastDay        the plan's last day
 * @param elapsed        wall time of this run
 * @param cause          the API failure that stopped the run, or null
 */
public record ImportResult(Outcome outcome, int total, int created, int alreadyPresent, int onCalendar,
                           LocalDate firstDay, LocalDate lastDay, Duration elapsed,
                           @Nullable TpApiException cause) {

    /** The kinds of ending. Each maps to one exit code in the CLI. */
    public enum Outcome {
        /** Every workout is on the calendar. */
        COMPLETED,
        /** This exact import had already completed; nothing was sent. */
        UP_TO_DATE,
        /** The token expired mid-run; rerun with a fresh token to resume. */
        TOKEN_EXPIRED,
        /** TrainingPeaks stayed unavailable (or rate-limited) past the patience; rerun later to resume. */
        UNAVAILABLE,
        /** Interrupted by SIGINT/SIGTERM after recording progress; rerun to resume. */
        INTERRUPTED,
        /** TrainingPeaks refused (403) a write; carries its message. */
        FORBIDDEN,
        /** Anything else: a bug or an unexpected answer. */
        FAILED
    }
}
