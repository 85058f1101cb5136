package dev.tpsync.batch.internal;

import org.jspecify.annotations.Nullable;

/** Looks through a failure's cause chain, which is how wrapped API failures and stops reach the engine. */
public final class Causes {

    private Causes() {
    }

    /** The first throwable in {@code failure}'s cause chain (itself included) of {@code type}, or null. */
    public static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
