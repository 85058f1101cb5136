package dev.tpsync.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Reads the ledger of a state directory after a run, through the production repository. */
final class LedgerReader {

    private LedgerReader() {
    }

    static List<LedgerEntry> entries(Path home, long athleteId) {
        if (!Files.exists(home.resolve(ImportEngine.DB_DIR))) {
            return List.of();
        }
        DriverManagerDataSource ds = new DriverManagerDataSource(ImportEngine.jdbcUrl(home), "sa", "");
        LedgerRepository ledger = new LedgerRepository(ds, new DataSourceTransactionManager(ds), Clock.systemUTC());
        ledger.createSchemaIfMissing();
        return ledger.entries(athleteId);
    }
}
