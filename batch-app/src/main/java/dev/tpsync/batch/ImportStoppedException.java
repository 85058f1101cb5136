package dev.tpsync.batch;

/**
 * Thrown inside a running import when a {@link StopSignal} was set: by the writer before it would
 * send the next create (the ledger is consistent at that point), or by a stop-aware sleeper during
 * a client wait. {@link ImportEngine} turns it into {@link ImportResult.Outcome#INTERRUPTED}.
 */
public final class ImportStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportStoppedException() {
        super("the import was asked to stop", null, false, false);
    }
}
