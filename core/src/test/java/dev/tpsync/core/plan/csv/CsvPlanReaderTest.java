package dev.tpsync.core.plan.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tpsync.core.plan.InvalidPlanException;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlanProblem;
import dev.tpsync.core.plan.PlanReadOptions;
import dev.tpsync.core.plan.PlannedWorkout;
import dev.tpsync.core.plan.Sport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvPlanReaderTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final PlanReadOptions FROM_MONDAY = new PlanReadOptions(MONDAY);
    private static final PlanReadOptions NO_START = new PlanReadOptions(null);

    private final CsvPlanReader reader = new CsvPlanReader();

    @TempDir
    Path dir;

    private Plan parse(String text, PlanReadOptions options) {
        return reader.parse("plan.csv", text, options);
    }

    private List<PlanProblem> problems(String text, PlanReadOptions options) {
        InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class, () -> parse(text, options));
        assertThat(e).as("expected the plan to be refused").isNotNull();
        return e.problems();
    }

    private PlanProblem onlyProblem(String text, PlanReadOptions options) {
        List<PlanProblem> problems = problems(text, options);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    // ---- TrainingDojo style ----

    @Test
    void readsTrainingDojoRowsPlacingDayOneOnTheStart() {
        Plan plan = parse("""
                day,sport,subtype,title,duration_minutes,tss,description,phase,planned_distance,planned_distance_unit
                1,Run,Easy,Easy run,45,40,Keep it easy,Base,8,kilometer
                3,Bike,Endurance,Long ride,120,,"Steady, Z2",Base,,
                4,Day Off,,Rest,,,,Base,,
                """, FROM_MONDAY);

        assertThat(plan.source()).isEqualTo("plan.csv");
        assertThat(plan.workouts()).hasSize(3);
        PlannedWorkout run = plan.workouts().get(0);
        assertThat(run.date()).isEqualTo(MONDAY);
        assertThat(run.sport()).isEqualTo(Sport.RUN);
        assertThat(run.title()).isEqualTo("Easy run");
        assertThat(run.duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(run.tss()).isEqualTo(40.0);
        assertThat(run.distanceMeters()).isEqualTo(8000.0);
        assertThat(run.description()).isEqualTo("Keep it easy");
        assertThat(run.sourceLine()).isEqualTo(2);
        assertThat(plan.workouts().get(1).date()).isEqualTo(MONDAY.plusDays(2));
        assertThat(plan.workouts().get(1).description()).isEqualTo("Steady, Z2");
        assertThat(plan.workouts().get(2).sport()).isEqualTo(Sport.DAY_OFF);
    }

    @ParameterizedTest
    @CsvSource({"m,1", "meter,1", "km,1000", "kilometer,1000", "mi,1609.344", "mile,1609.344", "yd,0.9144", "yard,0.9144"})
    void trainingDojoDistanceUnits(String unit, double metersPerUnit) {
        Plan plan = parse("day,sport,title,planned_distance,planned_distance_unit\n1,swim,Swim,2," + unit + "\n", FROM_MONDAY);

        assertThat(plan.workouts().get(0).distanceMeters()).isEqualTo(2 * metersPerUnit);
    }

    @Test
    void trainingDojoZeroDurationOnADayOffMeansNoDuration() {
        Plan plan = parse("day,sport,title,duration_minutes,tss\n1,Rest,Recovery,0,0\n", FROM_MONDAY);

        assertThat(plan.workouts().get(0).duration()).isNull();
        assertThat(plan.workouts().get(0).tss()).isEqualTo(0.0);
    }

    @Test
    void trainingDojoSubtypeAndPhaseAreAcceptedButNotPartOfTheWorkout() {
        String a = "day,sport,subtype,title,phase\n1,run,Tempo,Run,Build\n";
        String b = "day,sport,subtype,title,phase\n1,run,Easy,Run,Base\n";

        assertThat(parse(a, FROM_MONDAY).contentHash()).isEqualTo(parse(b, FROM_MONDAY).contentHash());
    }

    @Test
    void descriptionIsPassedThroughExactlyIncludingLineBreaksAndSpaces() {
        String description = "  Warm up 15'\n\n5 × (1k I (3' jg))\r\nCool down — easy 🙂  ";
        Plan plan = parse("day,sport,title,description\n1,run,Intervals,\"" + description + "\"\n", FROM_MONDAY);

        assertThat(plan.workouts().get(0).description()).isEqualTo(description);
    }

    @Test
    void readsAHundredAndFiftyRowTrainingDojoPlan() {
        StringBuilder csv = new StringBuilder("day,sport,subtype,title,duration_minutes,tss,description,phase\n");
        String[] sports = {"Run", "Bike", "Swim", "Strength", "Day Off"};
        for (int day = 1; day <= 150; day++) {
            String sport = sports[day % sports.length];
            csv.append(day).append(',').append(sport).append(",,").append(sport).append(" day ").append(day).append(',')
                    .append(sport.equals("Day Off") ? "" : String.valueOf(30 + day % 60)).append(',')
                    .append(day % 100).append(",\"Line one\nLine two, with comma\",")
                    .append(day <= 50 ? "Base" : "Build").append('\n');
        }

        Plan plan = parse(csv.toString(), FROM_MONDAY);

        assertThat(plan.workouts()).hasSize(150);
        assertThat(plan.workouts().get(149).date()).isEqualTo(MONDAY.plusDays(149));
        // Each row spans two lines because of the multi-line description.
        assertThat(plan.workouts().get(149).sourceLine()).isEqualTo(2 + 149 * 2);
        assertThat(plan.itemKeys()).doesNotHaveDuplicates();
    }

    // ---- our own style ----

    @Test
    void readsOwnStyleWithDatesAndAllOptionalColumns() {
        Plan plan = parse("""
                date,sport,title,duration,distance,tss,if,description,start_time
                2026-03-02,run,Long run,1:30,18km,110,0.78,Easy,06:30
                2026-03-03,bike,Ride,1h30m,,,,,
                2026-03-04,swim,Swim,45,1500m,,,,
                """, NO_START);

        PlannedWorkout w = plan.workouts().get(0);
        assertThat(w.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(w.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(w.distanceMeters()).isEqualTo(18000.0);
        assertThat(w.intensityFactor()).isEqualTo(0.78);
        assertThat(w.startTime()).isEqualTo(LocalTime.of(6, 30));
        assertThat(plan.workouts().get(1).duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(plan.workouts().get(2).duration()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void weekAndWeekdayCountFromTheStartMonday() {
        Plan plan = parse("""
                week,weekday,sport,title
                1,Mon,run,A
                1,sunday,run,B
                3,WED,bike,C
                2,Thu,swim,D
                2,tues,swim,E
                2,Thurs,swim,F
                """, FROM_MONDAY);

        assertThat(plan.workouts()).extracting(PlannedWorkout::date).containsExactly(
                MONDAY, MONDAY.plusDays(6), MONDAY.plusDays(16), MONDAY.plusDays(10), MONDAY.plusDays(8), MONDAY.plusDays(10));
    }

    @Test
    void weekStyleNeedsAMondayStart() {
        PlanProblem p = onlyProblem("week,weekday,sport,title\n1,Mon,run,A\n", new PlanReadOptions(MONDAY.plusDays(1)));

        assertThat(p.line()).isEqualTo(1);
        assertThat(p.reason()).contains("Monday", "Tuesday", "2026-03-03");
    }

    @Test
    void ownStyleDayNumbers() {
        Plan plan = parse("day,sport,title,duration\n1,run,A,30m\n8,run,B,45s\n", FROM_MONDAY);

        assertThat(plan.workouts()).extracting(PlannedWorkout::date).containsExactly(MONDAY, MONDAY.plusDays(7));
    }

    @Test
    void missingStartIsOneProblemWhenRowsNeedIt() {
        PlanProblem p = onlyProblem("day,sport,title\n1,run,A\n2,run,B\n", NO_START);

        assertThat(p.toString()).isEqualTo("plan.csv:1: day: a start date is needed: this plan places workouts by"
                + " day number (day 1 = the start date), but none was given");
    }

    @Test
    void headerNamesAreCaseInsensitiveTrimmedAndBomStripped() {
        Plan plan = parse("\uFEFF Date , SPORT,Title \n2026-03-02,Run,A\n", NO_START);

        assertThat(plan.workouts()).hasSize(1);
    }

    @Test
    void bomAtTheStartOfAFileIsIgnored() throws IOException {
        Path file = dir.resolve("bom.csv");
        byte[] body = "date,sport,title\r\n2026-03-02,run,A\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(file, bytes);

        Plan plan = reader.read(file, NO_START);

        assertThat(plan.source()).isEqualTo(file.toString());
        assertThat(plan.workouts()).singleElement().extracting(PlannedWorkout::title).isEqualTo("A");
    }

    @Test
    void semicolonDelimiterIsSniffedFromTheHeader() {
        Plan plan = parse("date;sport;title;description;tss\n2026-03-02;run;A;\"a, b; c\";12,5\n", NO_START);

        assertThat(plan.workouts().get(0).description()).isEqualTo("a, b; c");
        assertThat(plan.workouts().get(0).tss()).isEqualTo(12.5);
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndLinesStillCounted() {
        Plan plan = parse("""
                # my plan
                # (comment)

                date,sport,title
                # week 1
                2026-03-02,run,A

                ,,
                2026-03-03,run,B
                """, NO_START);

        assertThat(plan.workouts()).extracting(PlannedWorkout::sourceLine).containsExactly(6, 9);
    }

    @Test
    void crlfLineEndingsKeepLineNumbers() {
        List<PlanProblem> problems = problems("date,sport,title\r\n2026-03-02,run,A\r\n\r\n2026-03-03,swimm,B\r\n", NO_START);

        assertThat(problems).extracting(PlanProblem::line).containsExactly(4);
    }

    @Test
    void multiLineCellsReportTheLineWhereTheRecordStarts() {
        List<PlanProblem> problems = problems("""
                date,sport,title,description
                2026-03-02,run,A,"one
                two
                three"
                2026-03-03,runn,B,"x
                y"
                # note
                2026-13-01,run,C,z
                """, NO_START);

        assertThat(problems).extracting(PlanProblem::line).containsExactly(5, 8);
    }

    @Test
    void multiLineCellsWithCrlfReportTheRightLines() {
        List<PlanProblem> problems = problems(
                "date,sport,title,description\r\n2026-03-02,run,A,\"one\r\ntwo\"\r\n2026-03-03,run,,x\r\n", NO_START);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo("title");
        });
    }

    // ---- problems ----

    @Test
    void everyProblemInTheFileIsReportedAtOnceInLineOrder() {
        List<PlanProblem> problems = problems("""
                date,sport,title,duration,distance,tss,if,start_time
                2026-03-02,swimm,A,,,,,
                2026-02-30,run,B,,,,,
                2026-03-04,run,,,,,,
                2026-03-05,run,D,ninety,,,,
                2026-03-06,run,E,-30,,,,
                2026-03-07,run,F,0,,,,
                2026-03-08,run,G,,10,,,
                2026-03-09,run,H,,-5km,-1,,
                2026-03-10,run,I,,,10000,,
                2026-03-11,run,J,,,,0,
                2026-03-12,run,K,,,,5.5,
                2026-03-13,run,L,,,,,25:00
                1999-12-31,run,M,,,,,
                2101-01-01,run,N,,,,,
                2026-03-16,run,O,,,,,,extra
                """, NO_START);

        assertThat(problems).extracting(PlanProblem::toString).containsExactly(
                "plan.csv:2: sport: \"swimm\": unknown sport; accepted: swim, bike, run, brick, crosstrain, race, day off,"
                        + " mtb, strength, custom, xc-ski, rowing, walk, other (and aliases such as rest, ride, swimming, weights)",
                "plan.csv:3: date: \"2026-02-30\": is not a date (write YYYY-MM-DD, e.g. 2026-03-16)",
                "plan.csv:4: title: missing title",
                "plan.csv:5: duration: \"ninety\": is not a duration (write minutes like 90, or 90min, 1.5h, 1h30m, 45s, 1:30 or 1:30:00)",
                "plan.csv:6: duration: \"-30\": a duration cannot be negative",
                "plan.csv:7: duration: \"0\": a duration must be more than zero (leave the cell empty for none)",
                "plan.csv:8: distance: \"10\": a distance needs a unit: m, km, mi or yd (e.g. 10km)",
                "plan.csv:9: distance: \"-5km\": a distance cannot be negative",
                "plan.csv:9: tss: \"-1\": cannot be negative",
                "plan.csv:10: tss: \"10000\": is more than 9999",
                "plan.csv:11: if: \"0\": an intensity factor must be more than 0 and at most 5",
                "plan.csv:12: if: \"5.5\": an intensity factor must be more than 0 and at most 5",
                "plan.csv:13: start_time: \"25:00\": is not a time of day (write HH:MM on a 24-hour clock, e.g. 06:30)",
                "plan.csv:14: date: \"1999-12-31\": is outside the years 2000 to 2100",
                "plan.csv:15: date: \"2101-01-01\": is outside the years 2000 to 2100",
                "plan.csv:16: the row has 9 cells but the header has 8 columns; a cell containing the delimiter must be in double quotes");
    }

    @Test
    void dayAndWeekMustBeOneOrMore() {
        assertThat(onlyProblem("day,sport,title\n0,run,A\n", FROM_MONDAY).toString())
                .isEqualTo("plan.csv:2: day: \"0\": must be 1 or more (day 1 is the first day of the plan)");
        assertThat(onlyProblem("week,weekday,sport,title\n0,Mon,run,A\n", FROM_MONDAY).toString())
                .isEqualTo("plan.csv:2: week: \"0\": must be 1 or more (week 1 is the first week of the plan)");
        assertThat(onlyProblem("week,weekday,sport,title\n1,Funday,run,A\n", FROM_MONDAY).column()).isEqualTo("weekday");
        assertThat(onlyProblem("day,sport,title\n1.5,run,A\n", FROM_MONDAY).reason()).isEqualTo("is not a whole number");
    }

    @Test
    void dayNumbersThatLandOutsideTheSupportedYearsAreProblems() {
        PlanProblem p = onlyProblem("day,sport,title\n40000,run,A\n", FROM_MONDAY);

        assertThat(p.reason()).startsWith("puts the workout on 2135-").endsWith("outside the years 2000 to 2100");
    }

    @Test
    void titlesOverFiveHundredCharactersAreProblemsShownShortened() {
        String title = "x".repeat(501);

        PlanProblem p = onlyProblem("date,sport,title\n2026-03-02,run," + title + "\n", NO_START);

        assertThat(p.reason()).contains("501 characters", "at most 500");
        assertThat(p.value()).hasSize(80).endsWith("…");
    }

    @Test
    void aTitleOfExactlyFiveHundredCharactersIsFine() {
        assertThat(parse("date,sport,title\n2026-03-02,run," + "x".repeat(500) + "\n", NO_START).workouts()).hasSize(1);
    }

    @Test
    void unknownColumnIsAProblemThatSuggestsTheLikelyName() {
        PlanProblem p = onlyProblem("date,sport,title,durration\n2026-03-02,run,A,30\n", NO_START);

        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo("durration");
        assertThat(p.reason()).contains("unknown column", "did you mean duration?", "date, week, weekday, day, sport");
    }

    @Test
    void missingRequiredColumnsAreWholeFileProblemsOnTheHeaderLine() {
        List<PlanProblem> problems = problems("# plan\ndate,title\n2026-03-02,A\n", NO_START);

        assertThat(problems).extracting(PlanProblem::toString)
                .containsExactly("plan.csv:2: sport: missing column: every plan needs a sport column");
    }

    @Test
    void aPlanWithoutAnyPlacementColumnIsAProblem() {
        PlanProblem p = onlyProblem("sport,title\nrun,A\n", FROM_MONDAY);

        assertThat(p.reason()).contains("date column", "week and weekday", "day column");
    }

    @Test
    void mixingPlacementSchemesIsAProblem() {
        assertThat(onlyProblem("date,day,sport,title\n2026-03-02,1,run,A\n", FROM_MONDAY).reason())
                .contains("only one way", "date and day");
        assertThat(onlyProblem("week,sport,title\n1,run,A\n", FROM_MONDAY).column()).isEqualTo("weekday");
    }

    @Test
    void columnsOfTheOtherStyleAreProblems() {
        PlanProblem p = onlyProblem("day,sport,title,duration_minutes,if\n1,run,A,30,0.8\n", FROM_MONDAY);

        assertThat(p.column()).isEqualTo("if");
        assertThat(p.reason()).contains("TrainingDojo style", "duration_minutes");
    }

    @Test
    void trainingDojoDistanceProblems() {
        assertThat(onlyProblem("day,sport,title,planned_distance,planned_distance_unit\n1,run,A,5,\n", FROM_MONDAY).column())
                .isEqualTo("planned_distance_unit");
        assertThat(onlyProblem("day,sport,title,planned_distance,planned_distance_unit\n1,run,A,5,furlong\n", FROM_MONDAY)
                .toString()).contains("planned_distance_unit: \"furlong\": unknown distance unit");
        assertThat(onlyProblem("day,sport,title,planned_distance,planned_distance_unit\n1,run,A,-5,km\n", FROM_MONDAY)
                .toString()).isEqualTo("plan.csv:2: planned_distance: \"-5\": cannot be negative");
        assertThat(onlyProblem("day,sport,title,duration_minutes\n1,run,A,-5\n", FROM_MONDAY).toString())
                .isEqualTo("plan.csv:2: duration_minutes: \"-5\": cannot be negative");
        assertThat(onlyProblem("day,sport,title,duration_minutes\n1,run,A,0\n", FROM_MONDAY).reason())
                .contains("more than zero");
    }

    @Test
    void duplicateColumnIsAProblem() {
        assertThat(onlyProblem("date,sport,title,title\n2026-03-02,run,A,B\n", NO_START).reason()).contains("twice");
    }

    @Test
    void dataInAColumnWithoutAHeaderNameIsAProblem() {
        PlanProblem p = onlyProblem("date,sport,,title\n2026-03-02,run,oops,A\n2026-03-03,run,,B\n", NO_START);

        assertThat(p.toString()).isEqualTo("plan.csv:2: column 3: \"oops\": this column has no name in the header");
    }

    @Test
    void aPlanWithOnlyAHeaderHasNoWorkouts() {
        assertThat(onlyProblem("date,sport,title\n\n# nothing yet\n", NO_START).toString())
                .isEqualTo("plan.csv:1: the plan has no workouts: there are no rows below the header");
    }

    @Test
    void anEmptyFileHasNoWorkouts() {
        assertThat(onlyProblem("\n# only comments\n", NO_START).reason()).startsWith("the plan has no workouts");
        assertThat(onlyProblem("", NO_START).reason()).startsWith("the plan has no workouts");
    }

    @Test
    void anUnclosedQuoteIsAProblemNotACrash() {
        List<PlanProblem> problems = problems("date,sport,title\n2026-03-02,run,A\n2026-03-03,run,\"B\n2026-03-04,run,C\n", NO_START);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("quoted cell");
        });
    }

    @Test
    void sportAliasesAreAccepted() {
        Plan plan = parse("date,sport,title\n2026-03-02,day off,A\n2026-03-03,REST,B\n2026-03-04,off,C\n2026-03-05,Ride,D\n", NO_START);

        assertThat(plan.workouts()).extracting(PlannedWorkout::sport)
                .containsExactly(Sport.DAY_OFF, Sport.DAY_OFF, Sport.DAY_OFF, Sport.BIKE);
    }

    @Test
    void extraBlankTrailingCellsAreTolerated() {
        assertThat(parse("date,sport,title\n2026-03-02,run,A,,\n", NO_START).workouts()).hasSize(1);
    }

    // ---- files ----

    @Test
    void missingFileIsAnIoExceptionNamingThePath() {
        Path missing = dir.resolve("nope.csv");

        NoSuchFileException e = catchThrowableOfType(NoSuchFileException.class, () -> reader.read(missing, NO_START));

        assertThat(e.getMessage()).contains(missing.toString(), "not found");
    }

    @Test
    void aDirectoryIsAnIoExceptionNamingThePath() {
        IOException e = catchThrowableOfType(IOException.class, () -> reader.read(dir, NO_START));

        assertThat(e.getMessage()).contains(dir.toString(), "directory");
    }

    @Test
    void nonUtf8FileIsAProblemOnTheLineOfTheBadByte() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "date,sport,title\n2026-03-02,run,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class, () -> reader.read(file, NO_START));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("UTF-8");
        });
    }

    @Test
    void nonUtf8FileWithOldMacLineEndsIsAProblemOnTheLineOfTheBadByte() throws IOException {
        Path file = dir.resolve("latin1-cr.csv");
        Files.write(file, "date,sport,title\r2026-03-02,run,Easy\r\n2026-03-03,run,Caf\u00e9\r".getBytes(StandardCharsets.ISO_8859_1));

        InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class, () -> reader.read(file, NO_START));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("UTF-8");
        });
    }

    @Test
    void aSpreadsheetExportWithPreambleRowsFailsClearly() throws IOException {
        Path fixture = Path.of(System.getProperty("tpsync.root"), "..", "shared", "fixtures", "plans", "csv",
                "daniel-vera-g_2Q_marathon_plan.csv");

        InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class, () -> reader.read(fixture, FROM_MONDAY));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).startsWith("no recognised header");
        });
        assertThat(e.getMessage()).contains("daniel-vera-g_2Q_marathon_plan.csv:1: no recognised header");
    }
}
