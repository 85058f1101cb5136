package dev.tpsync.cli;

import dev.tpsync.batch.ImportEngine;
import dev.tpsync.batch.ImportListener;
import dev.tpsync.batch.ImportOptions;
import dev.tpsync.batch.ImportRequest;
import dev.tpsync.batch.ImportResult;
import dev.tpsync.batch.StopSignal;
import dev.tpsync.client.TpApi;

/** Runs (or resumes) one import; the seam over {@link ImportEngine#run}, which starts Spring. */
@FunctionalInterface
interface EngineRunner {

    ImportResult run(ImportRequest request, TpApi api, ImportListener listener);

    /** Runs with a stop signal that a shutdown hook may set; fakes that ignore it keep the 3-argument form. */
    default ImportResult run(ImportRequest request, TpApi api, ImportListener listener, StopSignal stop) {
        return run(request, api, listener);
    }

    /**
     * Runs with a stop signal and up to {@code concurrency} creates in flight at once (1 = one after
     * the other); fakes that ignore it keep the shorter forms.
     */
    default ImportResult run(ImportRequest request, TpApi api, ImportListener listener, StopSignal stop, int concurrency) {
        return run(request, api, listener, stop);
    }

    static EngineRunner standard() {
        // ImportEngine (and Spring behind it) is referenced only inside the methods, so it loads only when an import runs.
        return new EngineRunner() {
            @Override
            public ImportResult run(ImportRequest request, TpApi api, ImportListener listener) {
                return ImportEngine.run(request, api, listener);
            }

            @Override
            public ImportResult run(ImportRequest request, TpApi api, ImportListener listener, StopSignal stop) {
                return ImportEngine.run(request, api, listener, ImportOptions.withStop(stop));
            }

            @Override
            public ImportResult run(ImportRequest request, TpApi api, ImportListener listener, StopSignal stop,
                                    int concurrency) {
                return ImportEngine.run(request, api, listener, ImportOptions.withStop(stop).withConcurrency(concurrency));
            }
        };
    }
}
