package dev.tpsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlanReadOptions;
import dev.tpsync.core.plan.PlanReaders;
import dev.tpsync.core.plan.PlannedWorkout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCsvTest {

    @TempDir
    Path dir;

    @Test
    void generatedPlanIsValidAndHasUniqueTitles() throws Exception {
        Path csv = PlanCsv.write(dir.resolve("p.csv"), 12);

        Plan plan = PlanReaders.read(csv, new PlanReadOptions(null));

        assertThat(plan.workouts()).hasSize(12);
        assertThat(plan.workouts().stream().map(PlannedWorkout::title).distinct()).hasSize(12);
        assertThat(plan.workouts().get(0).date()).isEqualTo(PlanCsv.FIRST_DAY);
        assertThat(plan.workouts().get(PlanCsv.PER_DAY).date()).isEqualTo(PlanCsv.FIRST_DAY.plusDays(1));
    }

    @Test
    void aHundredThousandWorkoutsStayUnderTheReadersSizeLimitAndYear2100() throws Exception {
        Path csv = PlanCsv.write(dir.resolve("big.csv"), 100_000);

        assertThat(Files.size(csv)).isLessThan(10L * 1024 * 1024);
        assertThat(PlanCsv.row(99_999)).startsWith(PlanCsv.FIRST_DAY.plusDays(99_999 / PlanCsv.PER_DAY).toString());
        assertThat(PlanCsv.FIRST_DAY.plusDays(99_999 / PlanCsv.PER_DAY).getYear()).isLessThanOrEqualTo(2100);
    }
}
