package dev.tpsync.bench;

import dev.tpsync.batch.ImportEngine;
import dev.tpsync.batch.ImportListener;
import dev.tpsync.batch.ImportRequest;
import dev.tpsync.batch.ImportResult;
import dev.tpsync.client.CreatedWorkout;
import dev.tpsync.client.ForwardingTpApi;
import dev.tpsync.client.NewWorkout;
import dev.tpsync.client.TpApi;
import dev.tpsync.client.TpClient;
import dev.tpsync.core.credentials.BearerToken;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlanReadOptions;
import dev.tpsync.core.plan.PlanReaders;
import dev.tpsync.sandbox.TpSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/** Runs the real import engine (ImportEngine + TpClient) in this JVM against a sandbox and times it. */
final class EngineHarness {

    /** A client-side rate so high that the limiter never waits. */
    static final double UNLIMITED_RATE = 1_000_000;
    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private EngineHarness() {
    }

    /**
     * One engine run.
     *
     * @param wallNanos   the whole {@code ImportEngine.run} call, Spring context start included
     * @param steadyNanos from the listener's {@code started} to the last committed chunk (the write loop only)
     * @param clientNanos time spent inside {@code TpApi.createWorkout} (HTTP through TpClient)
     * @param creates     createWorkout calls made
     */
    record Run(ImportResult result, long wallNanos, long steadyNanos, long clientNanos, int creates) {
    }

    static Plan readPlan(Path csv) {
        try {
            return PlanReaders.read(csv, new PlanReadOptions(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TpClient client(TpSandbox sandbox, String token, double rate) {
        return TpClient.builder()
                .baseUrl(sandbox.baseUrl().toString())
                .credentials(new BearerToken(token))
                .rateLimit(rate)
                .maxWait(Duration.ofMinutes(5))
                .build();
    }

    static Path newHome(Path workDir, String name) {
        try {
            return Files.createTempDirectory(workDir, name + "-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run run(Plan plan, Path planFile, Path home, long athleteId, TpApi api) {
        TimingApi timed = new TimingApi(api);
        ChunkClock listener = new ChunkClock();
        ImportRequest request = new ImportRequest(plan, planFile, PlanCsv.FIRST_DAY, athleteId, home, 10);
        long t0 = System.nanoTime();
        ImportResult result = ImportEngine.run(request, timed, listener);
        long wall = System.nanoTime() - t0;
        long steady = listener.startedAt == 0 || listener.lastChunkAt == 0 ? wall : listener.lastChunkAt - listener.startedAt;
        return new Run(result, wall, steady, timed.createNanos, timed.creates);
    }

    /** Notes when the write loop started and when its last chunk was committed. */
    private static final class ChunkClock implements ImportListener {
        volatile long startedAt;
        volatile long lastChunkAt;

        @Override
        public void started(int total, int alreadyOnCalendar) {
            startedAt = System.nanoTime();
        }

        @Override
        public void chunkWritten(int onCalendar, int total, LocalDate lastDay) {
            lastChunkAt = System.nanoTime();
        }
    }

    /** Passes every call through and adds up the time spent in createWorkout (one engine thread only). */
    private static final class TimingApi extends ForwardingTpApi {
        long createNanos;
        int creates;

        TimingApi(TpApi delegate) {
            super(delegate);
        }

        @Override
        public CreatedWorkout createWorkout(long athleteId, NewWorkout workout) {
            long t = System.nanoTime();
            try {
                return super.createWorkout(athleteId, workout);
            } finally {
                createNanos += System.nanoTime() - t;
                creates++;
            }
        }
    }
}
