package dev.tpsync.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes synthetic tpsync-style CSV plans: {@code perDay} workouts a day from {@code firstDay}, each with a
 * unique title, rotating run, bike and swim. Rows stay short so that 100 000 workouts fit the reader's 10 MB limit.
 */
final class PlanCsv {

    static final String HEADER = "date,sport,title,duration,distance,tss,description";
    static final LocalDate FIRST_DAY = LocalDate.of(2030, 1, 7);
    static final int PER_DAY = 5;

    private PlanCsv() {
    }

    static Path write(Path file, int workouts) throws IOException {
        if (workouts < 1) {
            throw new IllegalArgumentException("a plan needs at least one workout, got " + workouts);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < workouts; i++) {
                w.write(row(i));
                w.write('\n');
            }
        }
        return file;
    }

    /** The i-th row (0-based). */
    static String row(int i) {
        LocalDate day = FIRST_DAY.plusDays(i / PER_DAY);
        int minutes = 30 + (i % 7) * 10;
        return switch (i % 3) {
            case 0 -> String.format(Locale.ROOT, "%s,run,Run %d,%dm,%dkm,%d,Easy aerobic run", day, i + 1, minutes,
                    5 + i % 8, 30 + i % 40);
            case 1 -> String.format(Locale.ROOT, "%s,bike,Ride %d,%dm,,%d,Steady endurance ride", day, i + 1, minutes,
                    40 + i % 50);
            default -> String.format(Locale.ROOT, "%s,swim,Swim %d,%dm,%dm,%d,Technique and aerobic sets", day, i + 1,
                    minutes, 1000 + (i % 10) * 100, 20 + i % 30);
        };
    }
}
