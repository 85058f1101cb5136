package dev.tpsync.batch;

/**
 * Thrown inside a running import when a {@link StopSignal} was set: by the writer before it would
 * send the next create (the ledger is consistent at that point), or by a stop-aware sleeper during
 * a client wait. {@link ImportEngine} turns it into {@link ImportResult.Outcome#INTERRUPTED}.
 */
public final class ImportStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportStoppedException() {
        // No stack trace (it is control flow), but suppression stays on: a failure of another worker at
        // the same moment is attached to it rather than lost.
        super("the import was asked to stop", null, true, false);
    }
}
