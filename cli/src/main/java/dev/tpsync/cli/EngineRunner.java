package dev.tpsync.cli;

import dev.tpsync.batch.ImportEngine;
import dev.tpsync.batch.ImportListener;
import dev.tpsync.batch.ImportRequest;
import dev.tpsync.batch.ImportResult;
import dev.tpsync.client.TpApi;

/** Runs (or resumes) one import; the seam over {@link ImportEngine#run}, which starts Spring. */
@FunctionalInterface
interface EngineRunner {

    ImportResult run(ImportRequest request, TpApi api, ImportListener listener);

    static EngineRunner standard() {
        // A lambda, not a method reference: ImportEngine (and Spring behind it) loads only when an import runs.
        return (request, api, listener) -> ImportEngine.run(request, api, listener);
    }
}
