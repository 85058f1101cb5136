package dev.tpsync.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpsync.batch.FakeTpApi.Fault;
import dev.tpsync.client.CalendarWorkout;
import dev.tpsync.client.TpApiException;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlannedWorkout;
import dev.tpsync.core.plan.Sport;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end engine behaviour on a real H2 file database, each run in its own Spring context. */
class ImportEngineTest {

    private static final long ATHLETE = 4242L;
    private static final LocalDate ANCHOR = LocalDate.of(2026, 3, 2);

    @TempDir
    Path home;

    private final Plan plan = plan(25);

    // ---- happy path and idempotent reruns -------------------------------------------------------

    @Test
    void cleanRun_createsEveryWorkoutOnce_withExactlyOneRequestEach() throws Exception {
        FakeTpApi api = new FakeTpApi();
        RecordingListener listener = new RecordingListener();

        ImportResult result = ImportEngine.run(request(10), api, listener);

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(result.total()).isEqualTo(25);
        assertThat(result.created()).isEqualTo(25);
        assertThat(result.alreadyPresent()).isZero();
        assertThat(result.onCalendar()).isEqualTo(25);
        assertThat(result.firstDay()).isEqualTo(ANCHOR);
        assertThat(result.lastDay()).isEqualTo(ANCHOR.plusDays(24));
        assertThat(result.cause()).isNull();
        assertThat(api.requests()).hasSize(25).allMatch(r -> r.startsWith("POST "));
        assertEachPlanWorkoutOnCalendarOnce(api.calendar());
        assertThat(ledgerStates()).hasSize(25).containsOnly("CREATED");
        assertThat(listener.events).containsExactly(
                "started 25/0", "chunk 10/25 " + ANCHOR.plusDays(9), "chunk 20/25 " + ANCHOR.plusDays(19),
                "chunk 25/25 " + ANCHOR.plusDays(24));
    }

    @Test
    void runningAgainAfterCompletion_isUpToDate_andSendsNothing() {
        FakeTpApi.Calendar calendar = new FakeTpApi.Calendar();
        ImportEngine.run(request(10), new FakeTpApi(calendar), ImportListener.NONE);
        FakeTpApi second = new FakeTpApi(calendar);

        ImportResult again = ImportEngine.run(request(10), second, ImportListener.NONE);

        assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.UP_TO_DATE);
        assertThat(again.created()).isZero();
        assertThat(again.onCalendar()).isEqualTo(25);
        assertThat(second.requests()).isEmpty();
    }

    // ---- token expiry and resume --------------------------------------------------------------

    @Test
    void tokenExpiryMidRun_stopsCleanly_andRerunResumesTheSameInstanceWithoutDuplicates() throws Exception {
        FakeTpApi.Calendar calendar = new FakeTpApi.Calendar();
        FakeTpApi first = new FakeTpApi(calendar).failCreate(13, Fault.TOKEN_EXPIRED);

        ImportResult stopped = ImportEngine.run(request(10), first, ImportListener.NONE);

        assertThat(stopped.outcome()).isEqualTo(ImportResult.Outcome.TOKEN_EXPIRED);
        assertThat(stopped.cause()).isInstanceOf(TpApiException.TokenExpired.class);
        assertThat(stopped.created()).isEqualTo(12);
        assertThat(stopped.onCalendar()).isEqualTo(12);
        assertThat(calendar.all()).hasSize(12);
        assertThat(ledgerStates()).hasSize(12).containsOnly("CREATED");   // the 13th row was removed again

        FakeTpApi second = new FakeTpApi(calendar);
        RecordingListener listener = new RecordingListener();
        ImportResult resumed = ImportEngine.run(request(10), second, listener);

        assertThat(resumed.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(resumed.created()).isEqualTo(13);
        assertThat(resumed.alreadyPresent()).isEqualTo(2);   // items 11 and 12 of the replayed chunk
        assertThat(resumed.onCalendar()).isEqualTo(25);
        assertThat(second.requests()).hasSize(13).allMatch(r -> r.startsWith("POST "));
        assertThat(first.count("POST ") - 1 + second.count("POST ")).isEqualTo(25);   // minus the refused one
        assertEachPlanWorkoutOnCalendarOnce(calendar);
        assertThat(listener.events.get(0)).isEqualTo("started 25/12");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
    }

    // ---- lost responses, crashes and foreign workouts -------------------------------------------

    @Test
    void lostCreateResponse_isReadBackAndAdopted_neverSentTwice() throws Exception {
        FakeTpApi api = new FakeTpApi().failCreate(7, Fault.LOST_RESPONSE);

        ImportResult result = ImportEngine.run(request(10), api, ImportListener.NONE);

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(result.created()).isEqualTo(25);
        LocalDate day7 = ANCHOR.plusDays(6);
        assertThat(api.requests()).filteredOn(r -> r.startsWith("GET ")).containsExactly("GET " + day7 + ".." + day7);
        assertThat(api.count("POST ")).isEqualTo(25);
        assertEachPlanWorkoutOnCalendarOnce(api.calendar());
        assertThat(ledgerStates()).hasSize(25).containsOnly("CREATED");
    }

    @Test
    void responsesLostOverAndOver_giveUpAfterFiveAttempts_resumably_andLeaveTheRowPending() throws Exception {
        FakeTpApi api = new FakeTpApi().blindReadBack();
        for (int n = 3; n < 3 + 5; n++) {
            api.failCreate(n, Fault.LOST_RESPONSE);
        }

        ImportResult result = ImportEngine.run(request(10), api, ImportListener.NONE);

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.UNAVAILABLE);
        assertThat(result.cause()).isInstanceOf(TpApiException.ServerError.class);
        assertThat(api.count("POST " + ANCHOR.plusDays(2))).isEqualTo(5);
        assertThat(api.count("GET ")).isEqualTo(5);
        assertThat(ledgerState(plan.itemKeys().get(2))).isEqualTo("PENDING");
    }

    @Test
    void afterACrash_pendingRowsAreSettledFromTheCalendar_andTheStaleExecutionIsRecovered() throws Exception {
        FakeTpApi.Calendar calendar = new FakeTpApi.Calendar();
        ImportEngine.run(request(10), new FakeTpApi(calendar).failCreate(13, Fault.TOKEN_EXPIRED), ImportListener.NONE);
        // Make it look as if the process was killed in the middle of chunk 2: item 11 was POSTed
        // and landed, item 12 was about to be POSTed; the execution is still marked running.
        String key11 = plan.itemKeys().get(10);
        String key12 = plan.itemKeys().get(11);
        long workout12 = workoutIdOf(key12);
        sql("UPDATE TPSYNC_LEDGER SET state = 'PENDING', workout_id = NULL WHERE item_key IN ('" + key11 + "', '" + key12 + "')");
        calendar.remove(workout12);
        sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL");
        sql("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL");
        FakeTpApi second = new FakeTpApi(calendar);

        ImportResult resumed = ImportEngine.run(request(10), second, ImportListener.NONE);

        assertThat(resumed.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(resumed.alreadyPresent()).isEqualTo(1);   // item 11 adopted
        assertThat(resumed.created()).isEqualTo(14);         // item 12 again, then 13..25
        LocalDate day11 = ANCHOR.plusDays(10);
        LocalDate day12 = ANCHOR.plusDays(11);
        assertThat(second.requests()).filteredOn(r -> r.startsWith("GET ")).containsExactly("GET " + day11 + ".." + day12);
        assertThat(second.requests()).doesNotContain("POST " + day11 + " Workout 11").contains("POST " + day12 + " Workout 12");
        assertEachPlanWorkoutOnCalendarOnce(calendar);
        assertThat(ledgerStates()).hasSize(25).containsOnly("CREATED");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
        assertThat(strings("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                .containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void aWorkoutTheUserPlannedThemselves_isNeverAdoptedOrTouched() throws Exception {
        FakeTpApi api = new FakeTpApi().failCreate(7, Fault.LOST_RESPONSE);
        LocalDate day7 = ANCHOR.plusDays(6);
        long foreign = api.calendar().add(day7, Sport.RUN.typeId(), "Easy jog with friends");

        ImportResult result = ImportEngine.run(request(10), api, ImportListener.NONE);

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertThat(api.calendar().all()).filteredOn(w -> w.workoutId() == foreign)
                .singleElement().extracting(CalendarWorkout::title).isEqualTo("Easy jog with friends");
        assertThat(count("SELECT COUNT(*) FROM TPSYNC_LEDGER WHERE workout_id = " + foreign)).isZero();
        assertThat(api.requests()).noneMatch(r -> r.startsWith("DELETE"));
        assertEachPlanWorkoutOnCalendarOnce(api.calendar());
        assertThat(api.calendar().all()).hasSize(26);
    }

    // ---- other endings ------------------------------------------------------------------------

    @Test
    void forbiddenCreate_endsForbidden_andLeavesNoPendingRow() throws Exception {
        FakeTpApi api = new FakeTpApi().failCreate(3, Fault.FORBIDDEN);

        ImportResult result = ImportEngine.run(request(10), api, ImportListener.NONE);

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.FORBIDDEN);
        assertThat(result.cause()).hasMessageContaining("basic accounts");
        assertThat(ledgerStates()).hasSize(2).containsOnly("CREATED");
    }

    @Test
    void unavailableService_endsUnavailable_andTheRerunFinishes() throws Exception {
        FakeTpApi.Calendar calendar = new FakeTpApi.Calendar();

        ImportResult first = ImportEngine.run(request(4), new FakeTpApi(calendar).failCreate(9, Fault.UNAVAILABLE),
                ImportListener.NONE);
        ImportResult second = ImportEngine.run(request(4), new FakeTpApi(calendar), ImportListener.NONE);

        assertThat(first.outcome()).isEqualTo(ImportResult.Outcome.UNAVAILABLE);
        assertThat(first.onCalendar()).isEqualTo(8);
        assertThat(second.outcome()).isEqualTo(ImportResult.Outcome.COMPLETED);
        assertEachPlanWorkoutOnCalendarOnce(calendar);
    }

    // ---- state directory ------------------------------------------------------------------------

    @Test
    void aSecondImportOnTheSameStateDirectory_isRefusedWhileTheFirstHoldsTheLock() throws IOException {
        Files.createDirectories(home);
        try (FileChannel channel = FileChannel.open(home.resolve("tpsync.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            FakeTpApi api = new FakeTpApi();

            assertThatThrownBy(() -> ImportEngine.run(request(10), api, ImportListener.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another tpsync import is already running")
                    .hasMessageContaining(home.toString());
            assertThat(api.requests()).isEmpty();
        }
    }

    @Test
    void stateFiles_holdNoSecret_butDoHoldThePlanIdentity() throws Exception {
        FakeTpApi api = new FakeTpApi().failCreate(5, Fault.TOKEN_EXPIRED);
        ImportEngine.run(request(10), api, ImportListener.NONE);
        ImportEngine.run(request(10), new FakeTpApi(api.calendar()), ImportListener.NONE);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
        StringBuilder everything = new StringBuilder();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            everything.append(new String(bytes, StandardCharsets.ISO_8859_1));
            everything.append(new String(bytes, StandardCharsets.UTF_16BE));
            everything.append(new String(bytes, StandardCharsets.UTF_16LE));
        }
        assertThat(everything).doesNotContain(FakeTpApi.SECRET_MARKER).doesNotContain("Bearer");
        assertThat(everything).contains(plan.contentHash());   // the scan does see stored text
        assertThat(strings("SELECT PARAMETER_NAME FROM BATCH_JOB_EXECUTION_PARAMS"))
                .containsOnly("athleteId", "planHash", "anchor", "planFile", "chunkSize");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private ImportRequest request(int chunkSize) {
        return new ImportRequest(plan, Path.of("plans", "spring.csv"), ANCHOR, ATHLETE, home, chunkSize);
    }

    private static Plan plan(int n) {
        List<PlannedWorkout> workouts = IntStream.rangeClosed(1, n)
                .mapToObj(i -> new PlannedWorkout(ANCHOR.plusDays(i - 1), i % 2 == 0 ? Sport.BIKE : Sport.RUN,
                        "Workout " + i, Duration.ofMinutes(30 + i), null, 40.0 + i, null, null, null, i + 1))
                .toList();
        return new Plan("spring.csv", workouts);
    }

    private void assertEachPlanWorkoutOnCalendarOnce(FakeTpApi.Calendar calendar) {
        for (PlannedWorkout w : plan.workouts()) {
            assertThat(calendar.countTitled(w.title())).as(w.title()).isEqualTo(1);
        }
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(ImportEngine.jdbcUrl(home), "sa", "");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<String> ledgerStates() throws SQLException {
        return strings("SELECT state FROM TPSYNC_LEDGER WHERE athlete_id = " + ATHLETE);
    }

    private String ledgerState(String itemKey) throws SQLException {
        try (Connection c = db();
             PreparedStatement ps = c.prepareStatement("SELECT state FROM TPSYNC_LEDGER WHERE item_key = ?")) {
            ps.setString(1, itemKey);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("ledger row for " + itemKey).isTrue();
                return rs.getString(1);
            }
        }
    }

    private long workoutIdOf(String itemKey) throws SQLException {
        try (Connection c = db();
             PreparedStatement ps = c.prepareStatement("SELECT workout_id FROM TPSYNC_LEDGER WHERE item_key = ?")) {
            ps.setString(1, itemKey);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** Records listener calls as short strings. */
    static final class RecordingListener implements ImportListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void started(int total, int alreadyOnCalendar) {
            events.add("started " + total + "/" + alreadyOnCalendar);
        }

        @Override
        public void chunkWritten(int onCalendar, int total, LocalDate lastDay) {
            events.add("chunk " + onCalendar + "/" + total + " " + lastDay);
        }
    }
}
