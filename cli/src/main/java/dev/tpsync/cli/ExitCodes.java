package dev.tpsync.cli;

import dev.tpsync.batch.ImportResult.Outcome;
import dev.tpsync.client.TpApiException;

/**
 * The process exit codes (BSD {@code sysexits.h} values) and the one place that maps import
 * outcomes and start-up API failures onto them. Scripts and cron jobs can rely on these numbers.
 */
public final class ExitCodes {

    /** Every workout is on the calendar (created now or already there). */
    public static final int OK = 0;
    /** A bug or an unexpected answer from TrainingPeaks. */
    public static final int FAILED = 1;
    /** The command was used wrongly: bad option, missing token, coach account without {@code --athlete}. */
    public static final int USAGE = 64;
    /** The plan has problems; nothing was uploaded. */
    public static final int INVALID_PLAN = 65;
    /** The plan file (or token file) cannot be read. */
    public static final int NO_INPUT = 66;
    /** Stopped early but resumable: token expired, TrainingPeaks unavailable, or interrupted. */
    public static final int RESUMABLE = 75;
    /** Credentials refused: malformed or expired token, or no permission for that athlete. */
    public static final int NO_PERMISSION = 77;

    private ExitCodes() {
    }

    /** The exit code for how an import run ended. */
    public static int of(Outcome outcome) {
        return switch (outcome) {
            case COMPLETED, UP_TO_DATE -> OK;
            case TOKEN_EXPIRED, UNAVAILABLE, INTERRUPTED -> RESUMABLE;
            case FORBIDDEN -> NO_PERMISSION;
            case FAILED -> FAILED;
        };
    }

    /** The exit code for an API failure while checking the account, before anything was uploaded. */
    public static int of(TpApiException failure) {
        if (failure instanceof TpApiException.TokenExpired || failure instanceof TpApiException.Forbidden) {
            return NO_PERMISSION;
        }
        if (failure instanceof TpApiException.Unavailable || failure.isRetryable()) {
            return RESUMABLE;
        }
        return FAILED;
    }
}
