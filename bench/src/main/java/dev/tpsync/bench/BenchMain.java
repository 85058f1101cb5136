package dev.tpsync.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Entry point of {@code bench/run}. Runs the selected parts in order a, b, c, d, prints one table at the end and
 * writes it as Markdown. The sandbox runs inside this JVM (see docs/performance.md for why).
 */
public final class BenchMain {

    /** The JDK HTTP server's switch for TCP_NODELAY on accepted connections (default false). */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a;
        try {
            a = BenchArgs.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("bench: " + e.getMessage());
            }
            System.err.println(BenchArgs.USAGE);
            System.exit(2);
            return;
        }
        if (System.getProperty(NODELAY) == null) {
            // Read once, when the JDK HTTP server loads its configuration: before any sandbox starts.
            // Set either way: TpSandbox switches it on itself when it finds the property unset.
            System.setProperty(NODELAY, Boolean.toString(a.sandboxNoDelay));
        }
        PrintStream log = System.out;
        boolean ownWorkDir = a.workDir == null;
        Path workDir = ownWorkDir ? Files.createTempDirectory("tpsync-bench-") : Files.createDirectories(a.workDir);
        String machine = machine();
        log.println("tpsync benchmark; " + machine);
        log.println("work directory: " + workDir);
        log.println("sandbox TCP_NODELAY (" + NODELAY + "): " + System.getProperty(NODELAY, "false"));

        ReportTable table = new ReportTable();
        long t0 = System.nanoTime();
        try {
            for (String part : a.parts) {
                try {
                    switch (part) {
                        case "a" -> RateScenario.run(a, workDir, table, log);
                        case "b" -> ThroughputScenario.run(a, workDir, table, log);
                        case "c" -> RestartScenario.run(a, workDir, table, log);
                        case "d" -> CliScenario.run(a, workDir, table, log);
                        default -> throw new IllegalStateException(part);
                    }
                } catch (Exception | AssertionError e) {
                    e.printStackTrace(log);
                    table.check(part, "part " + part + " failed", e.getClass().getSimpleName() + ": " + e.getMessage(),
                            "runs", false);
                }
            }
        } finally {
            if (ownWorkDir) {
                deleteTree(workDir);
            }
        }
        String took = Stats.seconds(System.nanoTime() - t0);
        log.println();
        log.println("Results (" + machine + "; benchmark took " + took + ")");
        log.print(table.text());

        String md = "# tpsync benchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + "\n\n" + machine + "; took " + took + "; " + NODELAY + "=" + System.getProperty(NODELAY, "false") + "\n\nArguments: `" + String.join(" ", args) + "`\n\n" + table.markdown();
        Path out = a.out.toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        log.println("Markdown table written to " + out);
    }

    static String machine() {
        long memKib = 0;
        try {
            OptionalLong total = ProcStatus.field(Files.readString(Path.of("/proc/meminfo")), "MemTotal");
            memKib = total.orElse(0);
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs"
                + (memKib > 0 ? ", " + Stats.fixed(memKib / 1024.0 / 1024.0, 1) + " GiB RAM" : "")
                + ", Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
