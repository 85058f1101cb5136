package dev.tpsync.batch;

import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlannedWorkout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotency ledger (table {@code TPSYNC_LEDGER}), keyed per athlete and plan workout key.
 *
 * <p>Every write runs in its own transaction ({@code REQUIRES_NEW}) and is committed before the
 * method returns, even when called inside a chunk transaction: a chunk that rolls back later must
 * not forget that a create was sent. Reads join the caller's transaction, if any, and see committed
 * rows. Thread-safe.
 */
public final class LedgerRepository {

    /** Classpath location of the schema script ({@code CREATE ... IF NOT EXISTS}, H2 and PostgreSQL). */
    public static final String SCHEMA_SCRIPT = "tpsync-ledger-schema.sql";

    /** Keys per {@code IN (...)} list, well below any database's parameter limit. */
    private static final int IN_BATCH = 500;

    private static final String COLUMNS = "athlete_id, item_key, plan_hash, workout_day, sport_type, title, "
            + "content_hash, state, workout_id, created_at, updated_at";

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public LedgerRepository(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
        this.jdbc = new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource));
        this.ownTransaction = new TransactionTemplate(Objects.requireNonNull(transactionManager, "transactionManager == null"));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Creates the table and its index when missing; safe to call on every start. */
    public void createSchemaIfMissing() {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(SCHEMA_SCRIPT));
        populator.setContinueOnError(false);
        populator.execute(dataSource);
    }

    // ---- queries -------------------------------------------------------------------------------

    /** The rows for the given keys of {@code athleteId}, by item key; keys without a row are absent. */
    public Map<String, LedgerEntry> findAll(long athleteId, Collection<String> itemKeys) {
        Map<String, LedgerEntry> found = new HashMap<>();
        for (List<String> batch : batches(itemKeys)) {
            jdbc.query("SELECT " + COLUMNS + " FROM TPSYNC_LEDGER WHERE athlete_id = :athlete AND item_key IN (:keys)",
                    new MapSqlParameterSource("athlete", athleteId).addValue("keys", batch),
                    LedgerRepository::mapRow)
                    .forEach(e -> found.put(e.itemKey(), e));
        }
        return found;
    }

    /** How many of the given keys are CREATED (on the calendar) for {@code athleteId}. */
    public int countCreated(long athleteId, Collection<String> itemKeys) {
        int count = 0;
        for (List<String> batch : batches(itemKeys)) {
            Integer n = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM TPSYNC_LEDGER WHERE athlete_id = :athlete AND state = 'CREATED' AND item_key IN (:keys)",
                    new MapSqlParameterSource("athlete", athleteId).addValue("keys", batch), Integer.class);
            count += n == null ? 0 : n;
        }
        return count;
    }

    /**
     * Which of {@code workoutIds} (e.g. the workouts a read-back listed) already belong to a ledger row
     * of {@code athleteId}; a read-back never adopts one of those for another row.
     */
    public Set<Long> ownedAmong(long athleteId, Collection<Long> workoutIds) {
        Set<Long> owned = new HashSet<>();
        for (List<Long> batch : batches(workoutIds)) {
            owned.addAll(jdbc.queryForList(
                    "SELECT workout_id FROM TPSYNC_LEDGER WHERE athlete_id = :athlete AND workout_id IN (:ids)",
                    new MapSqlParameterSource("athlete", athleteId).addValue("ids", batch), Long.class));
        }
        return owned;
    }

    /** All rows of {@code athleteId}, by day then key. */
    public List<LedgerEntry> entries(long athleteId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM TPSYNC_LEDGER WHERE athlete_id = :athlete "
                        + "ORDER BY workout_day, item_key",
                new MapSqlParameterSource("athlete", athleteId), LedgerRepository::mapRow);
    }

    // ---- writes (each committed on its own) ----------------------------------------------------

    /**
     * Records, in one transaction, that creates for these workouts (item key → workout) are about to be
     * sent. Fails, inserting nothing, if any key already has a row.
     */
    public void insertPendingAll(long athleteId, String planHash, Map<String, PlannedWorkout> workouts) {
        if (workouts.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        MapSqlParameterSource[] rows = workouts.entrySet().stream()
                .map(e -> new MapSqlParameterSource("athlete", athleteId)
                        .addValue("key", e.getKey())
                        .addValue("plan", planHash)
                        .addValue("day", e.getValue().date())
                        .addValue("sport", e.getValue().sport().typeId())
                        .addValue("title", e.getValue().title())
                        .addValue("hash", e.getValue().contentHash())
                        .addValue("now", now))
                .toArray(MapSqlParameterSource[]::new);
        inOwnTransaction(() -> jdbc.batchUpdate("INSERT INTO TPSYNC_LEDGER (" + COLUMNS + ") VALUES "
                + "(:athlete, :key, :plan, :day, :sport, :title, :hash, 'PENDING', NULL, :now, :now)", rows).length);
    }

    /** Marks the row CREATED with TrainingPeaks' workout ID. */
    public void markCreated(long athleteId, String itemKey, long workoutId) {
        MapSqlParameterSource p = new MapSqlParameterSource("athlete", athleteId)
                .addValue("key", itemKey)
                .addValue("id", workoutId)
                .addValue("now", Timestamp.valueOf(LocalDateTime.now(clock)));
        int n = inOwnTransaction(() -> jdbc.update("UPDATE TPSYNC_LEDGER SET state = 'CREATED', workout_id = :id, "
                + "updated_at = :now WHERE athlete_id = :athlete AND item_key = :key", p));
        if (n != 1) {
            throw new IllegalStateException("no ledger row for athlete " + athleteId + " item " + itemKey);
        }
    }

    /** Removes a PENDING row after a create that certainly did not happen; CREATED rows are never removed. */
    public void deletePending(long athleteId, String itemKey) {
        deletePendingAll(athleteId, List.of(itemKey));
    }

    /** Removes, in one transaction, PENDING rows whose creates were never sent; CREATED rows are never removed. */
    public void deletePendingAll(long athleteId, Collection<String> itemKeys) {
        if (itemKeys.isEmpty()) {
            return;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("athlete", athleteId).addValue("keys", itemKeys);
        inOwnTransaction(() -> jdbc.update("DELETE FROM TPSYNC_LEDGER WHERE athlete_id = :athlete "
                + "AND item_key IN (:keys) AND state = 'PENDING'", p));
    }

    private int inOwnTransaction(java.util.function.IntSupplier work) {
        Integer n = ownTransaction.execute(status -> work.getAsInt());
        return n == null ? 0 : n;
    }

    private static <T> List<List<T>> batches(Collection<T> values) {
        List<T> all = new ArrayList<>(new HashSet<>(values));
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_BATCH) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_BATCH)));
        }
        return out;
    }

    private static LedgerEntry mapRow(ResultSet rs, int rowNum) throws SQLException {
        long workoutId = rs.getLong("workout_id");
        Long id = rs.wasNull() ? null : workoutId;
        return new LedgerEntry(
                rs.getLong("athlete_id"),
                rs.getString("item_key"),
                rs.getString("plan_hash"),
                rs.getDate("workout_day").toLocalDate(),
                rs.getInt("sport_type"),
                rs.getString("title"),
                rs.getString("content_hash"),
                LedgerEntry.State.valueOf(rs.getString("state")),
                id,
                rs.getTimestamp("created_at").toLocalDateTime(),
                rs.getTimestamp("updated_at").toLocalDateTime());
    }
}
