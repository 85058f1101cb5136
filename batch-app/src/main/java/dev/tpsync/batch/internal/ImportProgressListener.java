package dev.tpsync.batch.internal;

import dev.tpsync.batch.ImportListener;
import dev.tpsync.batch.LedgerRepository;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Feeds the caller's {@link ImportListener}: {@code started} before the step, {@code chunkWritten}
 * once each chunk transaction has committed (never for a chunk that rolls back).
 *
 * <p>The on-calendar number is counted from the ledger once, before the step (so it is right across
 * restarts), then advanced by the rows the writer turned CREATED; a per-chunk recount over every plan
 * key would make a long import quadratic.
 */
public final class ImportProgressListener implements StepExecutionListener, ChunkListener<PlanItem, OutgoingWorkout> {

    private final ImportListener listener;
    private final LedgerRepository ledger;
    private final long athleteId;
    private final List<String> itemKeys;
    private final RunCounters counters;
    private int onCalendarAtStart;

    public ImportProgressListener(ImportListener listener, LedgerRepository ledger, long athleteId, List<String> itemKeys,
                                  RunCounters counters) {
        this.listener = Objects.requireNonNull(listener, "listener == null");
        this.ledger = Objects.requireNonNull(ledger, "ledger == null");
        this.athleteId = athleteId;
        this.itemKeys = List.copyOf(itemKeys);
        this.counters = Objects.requireNonNull(counters, "counters == null");
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        onCalendarAtStart = ledger.countCreated(athleteId, itemKeys);
        listener.started(itemKeys.size(), onCalendarAtStart);
    }

    @Override
    public void afterChunk(Chunk<OutgoingWorkout> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        LocalDate lastDay = chunk.getItems().stream()
                .map(o -> o.item().workout().date())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        // Ledger writes are already committed, so the count is final for this chunk.
        int onCalendar = onCalendarAtStart + counters.newlyOnCalendarCount();
        Runnable report = () -> listener.chunkWritten(onCalendar, itemKeys.size(), lastDay);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    report.run();
                }
            });
        } else {
            report.run();
        }
    }
}
