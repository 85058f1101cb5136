package dev.tpsync.batch;

import dev.tpsync.batch.internal.ImportApplication;
import dev.tpsync.batch.internal.ImportJobConfiguration;
import dev.tpsync.batch.internal.Causes;
import dev.tpsync.batch.internal.PlanIdentity;
import dev.tpsync.batch.internal.RunCounters;
import dev.tpsync.client.TpApi;
import dev.tpsync.client.TpApiException;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlannedWorkout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs an import as a Spring Batch job on the JDBC job repository under {@code request.home()}.
 *
 * <p>Identity: athlete + plan content hash + anchor date. Running the same request after a failure
 * restarts that job instance; after success it sends nothing and returns {@code UP_TO_DATE}. Not
 * thread-safe: one import per state directory at a time (a file lock enforces it).
 */
public final class ImportEngine {

    /** Directory under the home that holds the H2 database files. */
    public static final String DB_DIR = "db";
    /** H2 database name inside {@link #DB_DIR}; the files are {@code tpsync.mv.db} (and a trace file on errors). */
    public static final String DB_NAME = "tpsync";

    private ImportEngine() {
    }

    /**
     * Runs (or resumes) the import; never throws for API failures, which end up in the result.
     *
     * @throws IllegalStateException when another import holds the state directory's lock, or the job
     *                               failed for a reason that is not a TrainingPeaks error (a bug)
     * @throws UncheckedIOException  when the state directory cannot be created
     */
    public static ImportResult run(ImportRequest request, TpApi api, ImportListener listener) {
        return run(request, api, listener, ImportOptions.defaults());
    }

    /**
     * Like {@link #run(ImportRequest, TpApi, ImportListener)}, with a {@link StopSignal} (inside
     * {@code options}) that another thread may set: the run then ends after the request in flight,
     * with the ledger up to date, as {@link ImportResult.Outcome#INTERRUPTED}.
     */
    public static ImportResult run(ImportRequest request, TpApi api, ImportListener listener, ImportOptions options) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(api, "api == null");
        Objects.requireNonNull(listener, "listener == null");
        Objects.requireNonNull(options, "options == null");
        long started = System.nanoTime();
        Path home = request.home().toAbsolutePath().normalize();
        try {
            Files.createDirectories(home.resolve(DB_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state directory " + home.resolve(DB_DIR), e);
        }
        try (StateLock lock = StateLock.acquire(home);
             ConfigurableApplicationContext context = startContext(request, api, listener, options, home)) {
            return runJob(context, request, started);
        }
    }

    /**
     * The JDBC URL of the state database under {@code home} (absolute path, as H2 2.x wants).
     *
     * <p>{@code WRITE_DELAY=0}: H2 otherwise keeps committed changes in memory for up to a second
     * before writing them to the file, so a killed process (SIGKILL, power cut of the JVM) would
     * lose ledger rows of workouts it had already created, and the next run would create them
     * again. With no delay every commit is in the file (the OS's cache) before the call returns.
     */
    public static String jdbcUrl(Path home) {
        Path db = home.toAbsolutePath().normalize().resolve(DB_DIR).resolve(DB_NAME);
        return "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** Identifying: athlete, plan hash, anchor. Non-identifying: plan file and chunk size. Never a credential. */
    static JobParameters jobParameters(ImportRequest request, String planHash) {
        return new JobParametersBuilder()
                .addLong("athleteId", request.athleteId(), true)
                .addString("planHash", planHash, true)
                .addString("anchor", request.anchor().toString(), true)
                .addString("planFile", request.planFile().toString(), false)
                .addLong("chunkSize", (long) request.chunkSize(), false)
                .toJobParameters();
    }

    private static ConfigurableApplicationContext startContext(ImportRequest request, TpApi api, ImportListener listener,
                                                               ImportOptions options, Path home) {
        // All settings of the import context live here, as run arguments: builder properties are only
        // defaults and would lose to an application.properties (e.g. a stray one in the working directory).
        String[] args = {
                "--spring.datasource.url=" + jdbcUrl(home),
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.batch.job.enabled=false",
                "--spring.batch.jdbc.initialize-schema=always",
                "--spring.batch.jdbc.schema=classpath:batch-schema-h2.sql",
                "--spring.batch.jdbc.continue-on-error=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // A failed step is reported through ImportResult (or the thrown exception), not as a stack trace.
                "--logging.level.org.springframework.batch.core.step.AbstractStep=OFF",
                "--logging.level.org.springframework.batch.core.step.item.ChunkOrientedStep=OFF",
        };
        return new SpringApplicationBuilder(ImportApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .initializers(ctx -> {
                    var beans = ctx.getBeanFactory();
                    beans.registerSingleton("importRequest", request);
                    beans.registerSingleton("tpApi", api);
                    beans.registerSingleton("importListener", listener);
                    beans.registerSingleton("importOptions", options);
                })
                .run(args);
    }

    private static ImportResult runJob(ConfigurableApplicationContext context, ImportRequest request, long started) {
        JobOperator operator = context.getBean(JobOperator.class);
        JobRepository repository = context.getBean(JobRepository.class);
        LedgerRepository ledger = context.getBean(LedgerRepository.class);
        RunCounters counters = context.getBean(RunCounters.class);
        PlanIdentity identity = context.getBean(PlanIdentity.class);
        Job job = context.getBean(ImportJobConfiguration.JOB_NAME, Job.class);
        JobParameters params = jobParameters(request, identity.planHash());

        recoverStaleExecution(operator, repository, job.getName(), params);

        JobExecution execution;
        try {
            execution = operator.start(job, params);
        } catch (JobInstanceAlreadyCompleteException e) {
            return result(request, identity, ImportResult.Outcome.UP_TO_DATE, counters, ledger, started, null);
        } catch (JobExecutionAlreadyRunningException | JobRestartException | InvalidJobParametersException e) {
            throw new IllegalStateException("cannot start the import job for " + request.planFile() + ": "
                    + e.getMessage(), e);
        }
        return switch (execution.getStatus()) {
            case COMPLETED -> result(request, identity, ImportResult.Outcome.COMPLETED, counters, ledger, started, null);
            case STOPPED -> result(request, identity, ImportResult.Outcome.INTERRUPTED, counters, ledger, started, null);
            default -> {
                if (wasStopped(execution.getAllFailureExceptions())) {
                    yield result(request, identity, ImportResult.Outcome.INTERRUPTED, counters, ledger, started, null);
                }
                TpApiException cause = findApiFailure(execution.getAllFailureExceptions());
                if (cause == null) {
                    Throwable bug = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
                    throw new IllegalStateException("import job ended " + execution.getStatus()
                            + " without a TrainingPeaks error (execution " + execution.getId() + ")", bug);
                }
                yield result(request, identity, outcomeOf(cause), counters, ledger, started, cause);
            }
        };
    }

    /**
     * We hold the state lock, so no other process runs this job: an execution still marked running
     * was killed (e.g. SIGKILL). Mark it FAILED so that {@code start} restarts the instance.
     */
    private static void recoverStaleExecution(JobOperator operator, JobRepository repository, String jobName,
                                              JobParameters params) {
        JobExecution last = repository.getLastJobExecution(jobName, params);
        if (last != null && last.getStatus().isRunning()) {
            JobExecution full = repository.getJobExecution(last.getId());
            operator.recover(full != null ? full : last);
        }
    }

    private static ImportResult.Outcome outcomeOf(TpApiException e) {
        if (e instanceof TpApiException.TokenExpired) {
            return ImportResult.Outcome.TOKEN_EXPIRED;
        }
        // A transient failure (the same isRetryable() decision the client retries on) that outlasted the
        // client's and the writer's attempts, e.g. answers lost five times in a row: a later rerun settles it.
        if (e instanceof TpApiException.Unavailable || e.isRetryable()) {
            return ImportResult.Outcome.UNAVAILABLE;
        }
        if (e instanceof TpApiException.Forbidden) {
            return ImportResult.Outcome.FORBIDDEN;
        }
        return ImportResult.Outcome.FAILED;
    }

    private static boolean wasStopped(List<Throwable> failures) {
        return failures.stream().anyMatch(f -> Causes.find(f, ImportStoppedException.class) != null);
    }

    private static @Nullable TpApiException findApiFailure(List<Throwable> failures) {
        return failures.stream().map(f -> Causes.find(f, TpApiException.class)).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static ImportResult result(ImportRequest request, PlanIdentity identity, ImportResult.Outcome outcome,
                                       RunCounters counters, LedgerRepository ledger, long started,
                                       @Nullable TpApiException cause) {
        Plan plan = request.plan();
        List<PlannedWorkout> workouts = plan.workouts();
        LocalDate first = workouts.stream().map(PlannedWorkout::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = workouts.stream().map(PlannedWorkout::date).max(Comparator.naturalOrder()).orElseThrow();
        return new ImportResult(outcome, workouts.size(), counters.createdCount(), counters.alreadyPresentCount(),
                ledger.countCreated(request.athleteId(), identity.itemKeys()), first, last,
                Duration.ofNanos(System.nanoTime() - started), cause);
    }
}
