package dev.tpsync.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReadersTest {

    @TempDir
    Path dir;

    @Test
    void readsCsvByExtensionCaseInsensitively() throws IOException {
        Path file = dir.resolve("Plan.CSV");
        Files.writeString(file, "day,sport,title\n1,run,Easy\n");

        Plan plan = PlanReaders.read(file, new PlanReadOptions(LocalDate.of(2026, 3, 2)));

        assertThat(plan.workouts()).hasSize(1);
    }

    @Test
    void unsupportedExtensionIsAWholeFileProblemListingSupportedFormats() throws IOException {
        Path file = dir.resolve("plan.zwo");
        Files.writeString(file, "<workout_file/>");

        InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class,
                () -> PlanReaders.read(file, new PlanReadOptions(null)));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.reason()).contains(".zwo", "CSV (.csv)");
        });
    }

    @Test
    void everySupportedExtensionHasAReaderWhateverItsCase() {
        assertThat(PlanReaders.SUPPORTED_EXTENSIONS).contains("csv");
        for (String ext : PlanReaders.SUPPORTED_EXTENSIONS) {
            assertThat(PlanReaders.readerFor(Path.of("plan." + ext))).isNotNull();
            assertThat(PlanReaders.readerFor(Path.of("plan." + ext.toUpperCase(Locale.ROOT)))).isNotNull();
        }
    }

    @Test
    void missingFileNamesThePath() {
        Path file = dir.resolve("missing.txt");

        NoSuchFileException e = catchThrowableOfType(NoSuchFileException.class,
                () -> PlanReaders.read(file, new PlanReadOptions(null)));

        assertThat(e.getMessage()).contains(file.toString(), "not found");
    }
}
