package dev.tpsync.batch;

import dev.tpsync.client.TpApi;

/**
 * Runs an import as a Spring Batch job on the JDBC job repository under {@code request.home()}.
 *
 * <p>Identity: athlete + plan content hash + anchor date. Running the same request after a failure
 * restarts that job instance; after success it sends nothing and returns {@code UP_TO_DATE}. Not
 * thread-safe: one import per state directory at a time (a file lock enforces it).
 */
public final class ImportEngine {

    private ImportEngine() {
    }

    /** Runs (or resumes) the import; never throws for API failures, which end up in the result. */
    public static ImportResult run(ImportRequest request, TpApi api, ImportListener listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
