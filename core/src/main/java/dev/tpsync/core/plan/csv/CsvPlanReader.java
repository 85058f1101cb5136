package dev.tpsync.core.plan.csv;

import dev.tpsync.core.plan.InvalidPlanException;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlanProblem;
import dev.tpsync.core.plan.PlanReadOptions;
import dev.tpsync.core.plan.PlanReader;
import dev.tpsync.core.plan.PlannedWorkout;
import dev.tpsync.core.plan.Sport;
import dev.tpsync.core.plan.csv.Column.Style;
import dev.tpsync.core.units.Distances;
import dev.tpsync.core.units.Durations;
import dev.tpsync.core.units.Numbers;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a header-driven CSV plan (see {@code docs/formats.md}) in one of two header styles:
 * TrainingDojo's ({@code day,sport,subtype,title,duration_minutes,tss,description,phase[,planned_distance,
 * planned_distance_unit]}) or ours ({@code date} | {@code week}+{@code weekday} | {@code day}, plus
 * {@code sport,title} and optional {@code duration,distance,tss,if,description,start_time}).
 *
 * <p>The whole file is validated before anything is returned: every problem is collected, with the
 * line where its record starts, and thrown together as an {@link InvalidPlanException}. The file must
 * be UTF-8 (a BOM is fine); {@code #} lines are comments; the delimiter is {@code ,} or {@code ;},
 * whichever the header line uses more. Stateless and thread-safe.
 */
public final class CsvPlanReader implements PlanReader {

    /** Larger files are refused unread: a plan is a few hundred rows. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_TITLE_LENGTH = 500;
    public static final double MAX_TSS = 9999;
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private static final int MAX_SHOWN_VALUE = 80;
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    public CsvPlanReader() {
    }

    @Override
    public Plan read(Path file, PlanReadOptions options) throws IOException {
        String name = file.toString();
        return parse(name, readText(file, name), options);
    }

    /**
     * Parses CSV text that is already in memory; {@code name} is used as the file name in problems.
     *
     * @throws InvalidPlanException listing every problem found
     */
    public Plan parse(String name, String text, PlanReadOptions options) {
        return new Parse(name, stripBom(text), options).run();
    }

    /**
     * Reads {@code file} as UTF-8. Missing, unreadable or directory paths are {@link IOException}s whose
     * message names the path; a file that is not UTF-8 or is too large is a plan problem.
     */
    static String readText(Path file, String name) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read plan file " + name + ": it is a directory");
        }
        long size;
        byte[] bytes;
        try {
            size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidPlanException(List.of(new PlanProblem(name, 0, null, null,
                        "the file is " + size / (1024 * 1024) + " MB; a plan file may be at most "
                                + MAX_FILE_BYTES / (1024 * 1024) + " MB")));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(name, null, "plan file not found");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(name, null, "cannot read plan file (permission denied)");
        }
        return decodeUtf8(bytes, name);
    }

    private static String decodeUtf8(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            // Everything before the bad byte was decoded: count its line breaks the way the parser does.
            String before = out.flip().toString();
            int line = new TextLines(before).lineOf(before.length());
            throw new InvalidPlanException(List.of(new PlanProblem(name, line, null, null,
                    "the file is not UTF-8 text; save it as \"CSV UTF-8\" and try again")));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Picks {@code ;} when the first content line has more semicolons than commas outside quotes. */
    private static char sniffDelimiter(TextLines lines) {
        String header = lines.line(lines.firstContentLine(1));
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private record Row(int line, List<String> cells) {
        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** One parse of one file: collects problems as it goes. */
    private static final class Parse {
        private final String name;
        private final String text;
        private final PlanReadOptions options;
        private final List<PlanProblem> problems = new ArrayList<>();
        private final Map<Column, Integer> index = new EnumMap<>(Column.class);
        private final List<Integer> unnamedColumns = new ArrayList<>();
        private int headerSize;
        private int headerLine;
        private Style style = Style.OWN;
        private @Nullable Column placement;
        private boolean placementUsable;

        Parse(String name, String text, PlanReadOptions options) {
            this.name = name;
            this.text = text;
            this.options = options;
        }

        Plan run() {
            List<Row> rows = records();
            Iterator<Row> it = rows.stream().filter(r -> !r.isBlank()).iterator();
            if (!it.hasNext()) {
                problems.add(problem(0, null, null, "the plan has no workouts: the file is empty or holds only comments"));
                throw failure();
            }
            Row header = it.next();
            if (!readHeader(header)) {
                throw failure();
            }
            List<PlannedWorkout> workouts = new ArrayList<>();
            boolean anyRow = false;
            while (it.hasNext()) {
                anyRow = true;
                PlannedWorkout w = readRow(it.next());
                if (w != null) {
                    workouts.add(w);
                }
            }
            if (!anyRow) {
                problems.add(problem(headerLine, null, null, "the plan has no workouts: there are no rows below the header"));
            }
            if (!problems.isEmpty()) {
                throw failure();
            }
            return new Plan(name, workouts);
        }

        private InvalidPlanException failure() {
            List<PlanProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(PlanProblem::line));
            return new InvalidPlanException(sorted);
        }

        private List<Row> records() {
            TextLines lines = new TextLines(text);
            CSVFormat format = CSVFormat.Builder.create()
                    .setDelimiter(sniffDelimiter(lines))
                    .setQuote('"')
                    .setCommentMarker('#')
                    .setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(false)
                    .setTrim(false)
                    .get();
            List<Row> rows = new ArrayList<>();
            long lastEndLine = 0;
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
                Iterator<CSVRecord> it = parser.iterator();
                while (true) {
                    CSVRecord record;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        record = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        int line = lines.firstContentLine((int) lastEndLine + 1);
                        problems.add(problem(line, null, null, "badly quoted cell in the row starting here: a quoted cell"
                                + " must end with a quote followed by the delimiter or the end of the line, and a quote"
                                + " inside a quoted cell is written twice (\"\"); nothing after this point was read"));
                        break;
                    }
                    int line = lines.firstContentLine(lines.lineOf(record.getCharacterPosition()));
                    rows.add(new Row(line, Arrays.asList(record.values())));
                    lastEndLine = parser.getCurrentLineNumber();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading from a string failed", e);
            }
            return rows;
        }

        /** Returns false when the header is so wrong that the rows cannot be read at all. */
        private boolean readHeader(Row header) {
            headerLine = header.line();
            headerSize = header.cells().size();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < header.cells().size(); i++) {
                String raw = header.cells().get(i);
                String n = Column.normalise(raw);
                if (n.isEmpty()) {
                    unnamedColumns.add(i);
                    continue;
                }
                Optional<Column> c = Column.byHeader(n);
                if (c.isEmpty()) {
                    unknown.add(raw.replace("\uFEFF", "").strip());
                } else if (index.putIfAbsent(c.get(), i) != null) {
                    problems.add(problem(headerLine, c.get().header, null, "this column appears twice in the header"));
                }
            }
            if (index.isEmpty()) {
                problems.add(problem(headerLine, null, null, "no recognised header: the first line that is not blank"
                        + " or a # comment must name the columns, e.g. date,sport,title,duration (tpsync style) or"
                        + " day,sport,subtype,title,duration_minutes,tss,description,phase (TrainingDojo style);"
                        + " remove any rows above the header"));
                return false;
            }
            style = Style.of(index.keySet());
            for (String u : unknown) {
                problems.add(problem(headerLine, u, null, "unknown column" + suggestion(u)
                        + "; the " + style.label + " style knows these columns: " + style.columnList()));
            }
            for (Column c : index.keySet()) {
                if (!c.in(style)) {
                    problems.add(problem(headerLine, c.header, null, "this column belongs to the other header style;"
                            + " this header is in the " + style.label + " style (" + styleReason() + "), whose columns are: "
                            + style.columnList()));
                }
            }
            requireColumn(Column.SPORT);
            requireColumn(Column.TITLE);
            decidePlacement();
            return true;
        }

        private String styleReason() {
            return style == Style.TRAINING_DOJO
                    ? "it has " + index.keySet().stream().filter(Column::onlyTrainingDojo).findFirst()
                            .map(c -> c.header).orElse("TrainingDojo columns")
                    : "it has no TrainingDojo-only column";
        }

        private void requireColumn(Column c) {
            if (!has(c)) {
                problems.add(problem(headerLine, c.header, null, "missing column: every plan needs a " + c.header + " column"));
            }
        }

        private void decidePlacement() {
            boolean date = has(Column.DATE);
            boolean week = has(Column.WEEK);
            boolean weekday = has(Column.WEEKDAY);
            boolean day = has(Column.DAY);
            int schemes = (date ? 1 : 0) + (week || weekday ? 1 : 0) + (day ? 1 : 0);
            if (schemes == 0) {
                problems.add(problem(headerLine, style == Style.OWN ? "date" : "day", null, style == Style.OWN
                        ? "missing column: a plan needs a date column, or week and weekday columns, or a day column"
                        : "missing column: the TrainingDojo style places workouts by a day column (day 1 = the start date)"));
                return;
            }
            if (schemes > 1) {
                List<String> found = new ArrayList<>();
                if (date) {
                    found.add("date");
                }
                if (week || weekday) {
                    found.add(week ? "week" : "weekday");
                }
                if (day) {
                    found.add("day");
                }
                problems.add(problem(headerLine, null, null, "use only one way to place workouts: date, week+weekday,"
                        + " or day; this header has " + String.join(" and ", found)));
                return;
            }
            if (week != weekday) {
                problems.add(problem(headerLine, week ? "weekday" : "week", null,
                        "missing column: week and weekday go together (week 1 + Mon = the start date)"));
                return;
            }
            placement = date ? Column.DATE : week ? Column.WEEK : Column.DAY;
            placementUsable = true;
            if (placement != Column.DATE) {
                LocalDate start = options.start();
                if (start == null) {
                    problems.add(problem(headerLine, placement.header, null, "a start date is needed: this plan places"
                            + " workouts by " + (placement == Column.DAY ? "day number (day 1 = the start date)"
                            : "week and weekday (week 1 starts on the start date, a Monday)") + ", but none was given"));
                    placementUsable = false;
                } else if (placement == Column.WEEK && start.getDayOfWeek() != DayOfWeek.MONDAY) {
                    problems.add(problem(headerLine, "week", null, "week 1 must start on a Monday, but the start date "
                            + start + " is a " + dayName(start.getDayOfWeek()) + "; give the Monday of week 1 as the start"));
                    placementUsable = false;
                } else if (start.getYear() < MIN_YEAR || start.getYear() > MAX_YEAR) {
                    problems.add(problem(headerLine, null, null, "the start date " + start + " is outside the years "
                            + MIN_YEAR + " to " + MAX_YEAR));
                    placementUsable = false;
                }
            }
        }

        /** Validates one row; returns its workout when it (and the header) has no problem, else null. */
        private @Nullable PlannedWorkout readRow(Row row) {
            int before = problems.size();
            int line = row.line();
            List<String> cells = row.cells();
            if (cells.size() > headerSize) {
                boolean extraHasData = cells.subList(headerSize, cells.size()).stream().anyMatch(s -> !s.isBlank());
                if (extraHasData) {
                    problems.add(problem(line, null, null, "the row has " + cells.size() + " cells but the header has "
                            + headerSize + " columns; a cell containing the delimiter must be in double quotes"));
                }
            }
            for (int i : unnamedColumns) {
                if (i < cells.size() && !cells.get(i).isBlank()) {
                    problems.add(problem(line, "column " + (i + 1), cells.get(i), "this column has no name in the header"));
                }
            }

            LocalDate date = readDate(line, cells);
            Sport sport = readSport(line, cells);
            String title = readTitle(line, cells);
            // Each reader finds nothing when its column is not in this header's style.
            Duration duration = firstNonNull(readDuration(line, cells, sport), readDurationMinutes(line, cells, sport));
            Double distance = firstNonNull(readDistance(line, cells, sport), readPlannedDistance(line, cells, sport));
            Double tss = readTss(line, cells);
            Double intensity = readIf(line, cells);
            LocalTime startTime = readStartTime(line, cells);
            String description = cell(cells, Column.DESCRIPTION);
            if (description != null && description.isBlank()) {
                description = null;
            }
            // subtype and phase (TrainingDojo) are accepted but not sent.
            if (problems.size() > before || date == null || sport == null || title == null) {
                return null;
            }
            return new PlannedWorkout(date, sport, title, duration, distance, tss, intensity, description, startTime, line);
        }

        private @Nullable LocalDate readDate(int line, List<String> cells) {
            if (placement == null) {
                return null;
            }
            LocalDate date;
            String shownColumn = placement.header;
            String shownValue;
            switch (placement) {
                case DATE -> {
                    String v = required(line, cells, Column.DATE, "missing date (write YYYY-MM-DD)");
                    if (v == null) {
                        return null;
                    }
                    try {
                        date = LocalDate.parse(v, ISO_DATE);
                    } catch (DateTimeParseException e) {
                        problems.add(problem(line, "date", v, "is not a date (write YYYY-MM-DD, e.g. 2026-03-16)"));
                        return null;
                    }
                    shownValue = v;
                }
                case DAY -> {
                    Long day = wholeAtLeastOne(line, cells, Column.DAY, "day");
                    if (day == null || !placementUsable) {
                        return null;
                    }
                    LocalDate start = options.start();
                    if (start == null || day > 80_000) {
                        problems.add(problem(line, "day", cell(cells, Column.DAY), "is too large"));
                        return null;
                    }
                    date = start.plusDays(day - 1);
                    shownValue = cell(cells, Column.DAY);
                }
                case WEEK -> {
                    Long week = wholeAtLeastOne(line, cells, Column.WEEK, "week");
                    DayOfWeek weekday = readWeekday(line, cells);
                    if (week == null || weekday == null || !placementUsable) {
                        return null;
                    }
                    LocalDate start = options.start();
                    if (start == null || week > 12_000) {
                        problems.add(problem(line, "week", cell(cells, Column.WEEK), "is too large"));
                        return null;
                    }
                    date = start.plusWeeks(week - 1).plusDays(weekday.getValue() - 1);
                    shownValue = cell(cells, Column.WEEK);
                }
                default -> throw new IllegalStateException("placement " + placement);
            }
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                String reason = placement == Column.DATE
                        ? "is outside the years " + MIN_YEAR + " to " + MAX_YEAR
                        : "puts the workout on " + date + ", outside the years " + MIN_YEAR + " to " + MAX_YEAR;
                problems.add(problem(line, shownColumn, shownValue, reason));
                return null;
            }
            return date;
        }

        private @Nullable Long wholeAtLeastOne(int line, List<String> cells, Column column, String what) {
            String v = required(line, cells, column, "missing " + what + " number");
            if (v == null) {
                return null;
            }
            long n;
            try {
                n = Numbers.parseWhole(v);
            } catch (IllegalArgumentException e) {
                problems.add(problem(line, column.header, v, e.getMessage()));
                return null;
            }
            if (n < 1) {
                problems.add(problem(line, column.header, v, "must be 1 or more (" + what + " 1 is the first "
                        + what + " of the plan)"));
                return null;
            }
            return n;
        }

        private @Nullable DayOfWeek readWeekday(int line, List<String> cells) {
            String v = required(line, cells, Column.WEEKDAY, "missing weekday (Mon to Sun)");
            if (v == null) {
                return null;
            }
            String k = v.toLowerCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                String full = d.name().toLowerCase(Locale.ROOT);
                // Mon, Tues, Thur, Thurs, Monday: any prefix of three letters or more.
                if (k.length() >= 3 && full.startsWith(k)) {
                    return d;
                }
            }
            problems.add(problem(line, "weekday", v, "is not a weekday (write Mon, Tue, Wed, Thu, Fri, Sat, Sun or the full name)"));
            return null;
        }

        private @Nullable Sport readSport(int line, List<String> cells) {
            if (!has(Column.SPORT)) {
                return null;
            }
            String v = required(line, cells, Column.SPORT, "missing sport");
            if (v == null) {
                return null;
            }
            Optional<Sport> sport = Sport.byName(v);
            if (sport.isEmpty()) {
                problems.add(problem(line, "sport", v, "unknown sport; accepted: " + Arrays.stream(Sport.values())
                        .map(Sport::displayName).collect(Collectors.joining(", "))
                        + " (and aliases such as rest, ride, swimming, weights)"));
                return null;
            }
            return sport.get();
        }

        private @Nullable String readTitle(int line, List<String> cells) {
            if (!has(Column.TITLE)) {
                return null;
            }
            String v = required(line, cells, Column.TITLE, "missing title");
            if (v == null) {
                return null;
            }
            if (v.length() > MAX_TITLE_LENGTH) {
                problems.add(problem(line, "title", v, "is " + v.length() + " characters long; a title may have at most "
                        + MAX_TITLE_LENGTH + " (put longer text in the description)"));
                return null;
            }
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                problems.add(problem(line, "title", v, "a title must be a single line (put longer text in the description)"));
                return null;
            }
            return v;
        }

        private @Nullable Duration readDuration(int line, List<String> cells, @Nullable Sport sport) {
            String v = optional(cells, Column.DURATION);
            if (v == null) {
                return null;
            }
            Duration d;
            try {
                d = Durations.parse(v);
            } catch (IllegalArgumentException e) {
                problems.add(problem(line, "duration", v, e.getMessage()));
                return null;
            }
            return positiveDuration(line, Column.DURATION, v, d, sport);
        }

        private @Nullable Duration readDurationMinutes(int line, List<String> cells, @Nullable Sport sport) {
            String v = optional(cells, Column.DURATION_MINUTES);
            if (v == null) {
                return null;
            }
            BigDecimal minutes = number(line, Column.DURATION_MINUTES, v);
            if (minutes == null) {
                return null;
            }
            if (minutes.compareTo(BigDecimal.valueOf(Durations.MAX.toMinutes())) > 0) {
                problems.add(problem(line, Column.DURATION_MINUTES.header, v, "is longer than " + Durations.MAX.toHours() + " hours"));
                return null;
            }
            long seconds = minutes.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return positiveDuration(line, Column.DURATION_MINUTES, v, Duration.ofSeconds(seconds), sport);
        }

        private @Nullable Duration positiveDuration(int line, Column column, String v, Duration d, @Nullable Sport sport) {
            if (d.isZero()) {
                if (sport == Sport.DAY_OFF) {
                    return null;
                }
                problems.add(problem(line, column.header, v, "a duration must be more than zero (leave the cell empty for none)"));
                return null;
            }
            return d;
        }

        private @Nullable Double readDistance(int line, List<String> cells, @Nullable Sport sport) {
            String v = optional(cells, Column.DISTANCE);
            if (v == null) {
                return null;
            }
            double meters;
            try {
                meters = Distances.parseMeters(v);
            } catch (IllegalArgumentException e) {
                problems.add(problem(line, "distance", v, e.getMessage()));
                return null;
            }
            return positiveDistance(line, Column.DISTANCE, v, meters, sport);
        }

        private @Nullable Double readPlannedDistance(int line, List<String> cells, @Nullable Sport sport) {
            String v = optional(cells, Column.PLANNED_DISTANCE);
            String unit = optional(cells, Column.PLANNED_DISTANCE_UNIT);
            if (v == null) {
                return null;
            }
            BigDecimal value = number(line, Column.PLANNED_DISTANCE, v);
            if (unit == null) {
                problems.add(problem(line, Column.PLANNED_DISTANCE_UNIT.header, null,
                        "missing unit for planned_distance (meter, kilometer, mile or yard; or m, km, mi, yd)"));
                return null;
            }
            if (Distances.metersPer(unit).isEmpty()) {
                problems.add(problem(line, Column.PLANNED_DISTANCE_UNIT.header, unit,
                        "unknown distance unit (use meter, kilometer, mile or yard; or m, km, mi, yd)"));
                return null;
            }
            if (value == null) {
                return null;
            }
            double meters;
            try {
                meters = Distances.toMeters(value, unit);
            } catch (IllegalArgumentException e) {
                problems.add(problem(line, Column.PLANNED_DISTANCE.header, v, e.getMessage()));
                return null;
            }
            return positiveDistance(line, Column.PLANNED_DISTANCE, v, meters, sport);
        }

        private @Nullable Double positiveDistance(int line, Column column, String v, double meters, @Nullable Sport sport) {
            if (meters == 0) {
                if (sport == Sport.DAY_OFF) {
                    return null;
                }
                problems.add(problem(line, column.header, v, "a distance must be more than zero (leave the cell empty for none)"));
                return null;
            }
            return meters;
        }

        private @Nullable Double readTss(int line, List<String> cells) {
            String v = optional(cells, Column.TSS);
            if (v == null) {
                return null;
            }
            BigDecimal tss = number(line, Column.TSS, v);
            if (tss == null) {
                return null;
            }
            if (tss.doubleValue() > MAX_TSS) {
                problems.add(problem(line, "tss", v, "is more than " + (int) MAX_TSS));
                return null;
            }
            return tss.doubleValue();
        }

        private @Nullable Double readIf(int line, List<String> cells) {
            String v = optional(cells, Column.IF);
            if (v == null) {
                return null;
            }
            BigDecimal intensity;
            try {
                intensity = Numbers.parseDecimal(v);
            } catch (IllegalArgumentException e) {
                problems.add(problem(line, "if", v, e.getMessage()));
                return null;
            }
            double d = intensity.doubleValue();
            if (!(d > 0 && d <= 5)) {
                problems.add(problem(line, "if", v, "an intensity factor must be more than 0 and at most 5"
                        + (d >= 10 && d <= 500 ? " (write 0.85, not 85)" : "")));
                return null;
            }
            return d;
        }

        private @Nullable LocalTime readStartTime(int line, List<String> cells) {
            String v = optional(cells, Column.START_TIME);
            if (v == null) {
                return null;
            }
            Matcher m = TIME_OF_DAY.matcher(v);
            if (m.matches()) {
                int h = Integer.parseInt(m.group(1));
                int min = Integer.parseInt(m.group(2));
                if (h <= 23 && min <= 59) {
                    return LocalTime.of(h, min);
                }
            }
            problems.add(problem(line, "start_time", v, "is not a time of day (write HH:MM on a 24-hour clock, e.g. 06:30)"));
            return null;
        }

        /** A non-negative number, or null after recording a problem. */
        private @Nullable BigDecimal number(int line, Column column, String v) {
            BigDecimal n;
            try {
                n = Numbers.parseDecimal(v);
            } catch (IllegalArgumentException e) {
                problems.add(problem(line, column.header, v, e.getMessage()));
                return null;
            }
            if (n.signum() < 0) {
                problems.add(problem(line, column.header, v, "cannot be negative"));
                return null;
            }
            return n;
        }

        private @Nullable String required(int line, List<String> cells, Column column, String reason) {
            String v = optional(cells, column);
            if (v == null && has(column)) {
                problems.add(problem(line, column.header, null, reason));
            }
            return v;
        }

        /** The stripped cell, or null when the column is absent or the cell blank. */
        private @Nullable String optional(List<String> cells, Column column) {
            String v = cell(cells, column);
            return v == null || v.isBlank() ? null : v.strip();
        }

        /** Whether the header has {@code column} and it belongs to the header's style. */
        private boolean has(Column column) {
            return index.containsKey(column) && column.in(style);
        }

        /** The raw cell; null when the column is absent or not in the header's style, "" when the row is short. */
        private @Nullable String cell(List<String> cells, Column column) {
            Integer i = index.get(column);
            if (i == null || !has(column)) {
                return null;
            }
            return i < cells.size() ? cells.get(i) : "";
        }

        private static <T> @Nullable T firstNonNull(@Nullable T a, @Nullable T b) {
            return a != null ? a : b;
        }

        private PlanProblem problem(int line, @Nullable String column, @Nullable String value, String reason) {
            return new PlanProblem(name, line, column, value == null ? null : shown(value), reason);
        }
    }

    /** Long values are shortened and line breaks made visible, so a problem stays on one line. */
    static String shown(String value) {
        String v = value.replace("\r\n", "\u23CE").replace('\n', '\u23CE').replace('\r', '\u23CE');
        if (v.length() > MAX_SHOWN_VALUE) {
            v = v.substring(0, MAX_SHOWN_VALUE - 1) + "\u2026";
        }
        return v;
    }

    static String dayName(DayOfWeek d) {
        String n = d.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** Suggests the closest known column name when the unknown one looks like a typo of it. */
    static String suggestion(String unknown) {
        String u = Column.normalise(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Column c : Column.values()) {
            int d = editDistance(u, c.header);
            if (d < bestDistance) {
                bestDistance = d;
                best = c.header;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, u.length() / 3)) ? " (did you mean " + best + "?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
