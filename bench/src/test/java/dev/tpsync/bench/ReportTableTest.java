package dev.tpsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTableTest {

    private static ReportTable sample() {
        ReportTable t = new ReportTable();
        t.check("a", "rate reached", "0.97", ">= 0.95", true);
        t.check("b", "engine / bare", "0.16", ">= 0.8", false);
        t.info("d", "peak RSS | CLI", "280 MiB");
        return t;
    }

    @Test
    void textAlignsColumnsAndMarksMissedTargets() {
        String[] lines = sample().text().split("\n");

        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("Part  Metric");
        assertThat(lines[1]).matches("[- ]+");
        assertThat(lines[2]).endsWith("met");
        assertThat(lines[3]).endsWith("MISSED");
        assertThat(lines[4]).endsWith("280 MiB");
        // Every Measured column starts at the same offset.
        int column = lines[0].indexOf("Measured");
        assertThat(lines[2].indexOf("0.97")).isEqualTo(column);
        assertThat(lines[3].indexOf("0.16")).isEqualTo(column);
    }

    @Test
    void markdownHasOneRowPerFigureAndEscapesPipes() {
        String md = sample().markdown();

        assertThat(md.split("\n")).hasSize(5);
        assertThat(md).contains("| b | engine / bare | 0.16 | >= 0.8 | MISSED |");
        assertThat(md).contains("peak RSS \\| CLI");
    }
}
