package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.batch.ImportEngine;
import dev.tpsync.client.TpClient;
import dev.tpsync.sandbox.Fault;
import dev.tpsync.sandbox.RecordedRequest;
import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.TpSandbox;
import dev.tpsync.testing.VirtualClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TrainingPeaks stays down (every create answers 503) for longer than {@code --max-wait}: the real
 * command, engine and client (waiting in virtual time) against the sandbox end with exit 75 and the
 * resume command, and leave nothing in doubt in the ledger.
 */
class OutageExitTest {

    @TempDir
    Path home;

    @Test
    void serviceDownLongerThanMaxWait_exits75_printsTheResumeCommand_andRecordsNothing() throws Exception {
        CliHarness cli = new CliHarness();
        VirtualClock time = VirtualClock.startingNow();
        SandboxConfig config = SandboxConfig.defaults()
                .faultPlan(r -> r.method().equals("POST") ? Fault.serviceUnavailable() : Fault.none());
        try (TpSandbox sandbox = TpSandbox.start(config)) {
            cli.env.put("TP_TOKEN", sandbox.issueToken(Duration.ofHours(1)));
            ApiFactory virtualTimeClient = (baseUrl, token, rate, maxWait) -> TpClient.builder()
                    .baseUrl(baseUrl).credentials(token).rateLimit(rate).maxWait(maxWait)
                    .clock(time).sleeper(time::sleep)
                    .build();
            CliDeps fakes = cli.deps();
            CliDeps deps = new CliDeps(fakes.plans(), fakes.credentials(), virtualTimeClient, EngineRunner.standard(),
                    fakes.sandbox(), fakes.terminal(), fakes.env(), fakes.clock(), fakes.jarPath());

            int code = Main.execute(new String[] {"import", "plan.csv", "--api-url", sandbox.baseUrl().toString(),
                    "--home", home.toString(), "--max-wait", "2m"}, deps);

            assertThat(code).as(cli.err()).isEqualTo(ExitCodes.RESUMABLE);
            assertThat(cli.err())
                    .contains("tpsync: stopped: 0 of 3 workouts are on the calendar")
                    .contains("stayed unavailable for longer than --max-wait 2 min")
                    .contains("To continue later, run:")
                    .contains("import plan.csv --api-url " + sandbox.baseUrl() + " --home " + home + " --max-wait 2m");
            assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofMinutes(2));
            assertThat(sandbox.requests()).filteredOn(r -> r.method().equals("POST"))
                    .hasSizeGreaterThan(1).extracting(RecordedRequest::status).containsOnly(503);
            assertThat(sandbox.workouts()).isEmpty();
            assertThat(ledgerRows()).isZero();
        }
    }

    private long ledgerRows() throws Exception {
        try (Connection c = DriverManager.getConnection(ImportEngine.jdbcUrl(home), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM TPSYNC_LEDGER")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
