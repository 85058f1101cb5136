package dev.tpsync.cli;

import dev.tpsync.batch.StopSignal;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Turns SIGINT/SIGTERM into a clean stop of a running import. A JVM shutdown hook asks the import
 * to stop after its current request, waits (bounded) until the main thread has printed the summary
 * and the resume command, and then ends the process with the main thread's exit code through
 * {@link Runtime#halt}: once shutdown has begun, {@link System#exit} would block forever, and a
 * hook that simply returned would let the JVM exit with the signal's status (130/143) instead.
 *
 * <p>Before an import is running ({@link #importStarting()}) a signal ends the process at once, as
 * usual: nothing has been written yet. Thread-safe.
 */
final class Interruption {

    /** How long the hook waits for the import to wind down before giving up on a summary. */
    static final Duration GRACE = Duration.ofSeconds(20);

    private final StopSignal stop = new StopSignal();
    private final Duration grace;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean importing;
    private volatile int exitCode = ExitCodes.RESUMABLE;

    Interruption() {
        this(GRACE);
    }

    Interruption(Duration grace) {
        this.grace = grace;
    }

    StopSignal stopSignal() {
        return stop;
    }

    /** Called by the command just before the engine runs: from now on a signal waits for a clean stop. */
    void importStarting() {
        importing = true;
    }

    /** Called by the main thread once everything is printed; releases a waiting hook with this exit code. */
    void finished(int code) {
        exitCode = code;
        finished.countDown();
    }

    /** Registers the shutdown hook; production only ({@link Main#main}). */
    void install(Runtime runtime) {
        runtime.addShutdownHook(new Thread(() -> onShutdown(runtime::halt), "tpsync-stop"));
    }

    /** The hook's work; returns instead of halting when there is nothing to wait for (a normal exit). */
    void onShutdown(IntConsumer halt) {
        if (finished.getCount() == 0 || !importing) {
            return;
        }
        stop.requestStop();
        boolean done;
        try {
            done = finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        PrintStream err = System.err;
        if (!done) {
            err.println("tpsync: stopped before the import could finish its current step; everything "
                    + "confirmed so far is recorded. Run the same command again to continue.");
        }
        System.out.flush();
        err.flush();
        halt.accept(done ? exitCode : ExitCodes.RESUMABLE);
    }
}
