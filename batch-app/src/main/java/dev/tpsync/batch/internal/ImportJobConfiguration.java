package dev.tpsync.batch.internal;

import dev.tpsync.batch.ImportListener;
import dev.tpsync.batch.ImportOptions;
import dev.tpsync.batch.ImportRequest;
import dev.tpsync.batch.LedgerRepository;
import dev.tpsync.batch.WorkoutBodyMapper;
import dev.tpsync.client.TpApi;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job: one chunk-oriented step {@value #STEP_NAME} (plan reader → body mapper →
 * idempotent calendar writer), defined once so that a later partitioned run can reuse it.
 *
 * <p>The step is deliberately <em>not</em> fault-tolerant: the HTTP client already retries
 * transient failures (429, 5xx, transport) with backoff, and a Batch-level retry or skip on top
 * would multiply requests or silently drop workouts. Any failure that reaches the step fails it;
 * the job is then restarted from the last committed chunk and the writer's ledger makes the replay
 * harmless.
 *
 * <p>Expects {@link ImportRequest}, {@link TpApi}, {@link ImportListener} and {@link ImportOptions} singletons registered
 * by {@link dev.tpsync.batch.ImportEngine}.
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

    public static final String JOB_NAME = "importJob";
    public static final String STEP_NAME = "importStep";

    @Bean
    LedgerRepository ledgerRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        LedgerRepository ledger = new LedgerRepository(dataSource, transactionManager, Clock.systemDefaultZone());
        ledger.createSchemaIfMissing();
        return ledger;
    }

    @Bean
    PlanIdentity planIdentity(ImportRequest request) {
        return PlanIdentity.of(request.plan());
    }

    @Bean
    RunCounters runCounters() {
        return new RunCounters();
    }

    @Bean
    @StepScope
    PlanItemReader planReader(ImportRequest request, PlanIdentity identity) {
        return new PlanItemReader(request.plan(), identity.itemKeys());
    }

    @Bean
    ItemProcessor<PlanItem, OutgoingWorkout> workoutBodyProcessor(ImportRequest request) {
        long athleteId = request.athleteId();
        return item -> new OutgoingWorkout(item, WorkoutBodyMapper.toNewWorkout(athleteId, item.workout()));
    }

    @Bean
    CalendarWriter calendarWriter(TpApi api, LedgerRepository ledger, RunCounters counters, ImportRequest request,
                                  ImportOptions options, PlanIdentity identity) {
        return new CalendarWriter(api, ledger, counters, request.athleteId(), identity.planHash(), options);
    }

    @Bean
    ImportProgressListener importProgressListener(ImportListener listener, LedgerRepository ledger,
                                                  ImportRequest request, PlanIdentity identity, RunCounters counters) {
        return new ImportProgressListener(listener, ledger, request.athleteId(), identity.itemKeys(), counters);
    }

    @Bean
    Step importStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ImportRequest request,
                    PlanItemReader planReader, ItemProcessor<PlanItem, OutgoingWorkout> workoutBodyProcessor,
                    CalendarWriter calendarWriter, ImportProgressListener importProgressListener) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .<PlanItem, OutgoingWorkout>chunk(request.chunkSize())
                .transactionManager(transactionManager)
                .reader(planReader)
                .processor(workoutBodyProcessor)
                .writer(calendarWriter)
                .listener((StepListener) importProgressListener)   // the Object overload only sees annotations
                .build();
    }

    @Bean
    Job importJob(JobRepository jobRepository, Step importStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(importStep).build();
    }
}
