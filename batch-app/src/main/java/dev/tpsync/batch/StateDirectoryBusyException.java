package dev.tpsync.batch;

/**
 * Another tpsync import holds the state directory's lock. Nothing was sent; the same command run
 * later (after the other import ends) continues normally. An {@link IllegalStateException} so that
 * callers treating it as such keep working.
 */
public final class StateDirectoryBusyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StateDirectoryBusyException(String message) {
        super(message);
    }
}
