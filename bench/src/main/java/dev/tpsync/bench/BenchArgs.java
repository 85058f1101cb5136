package dev.tpsync.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's settings, parsed from {@code --name value} arguments. The defaults make one full run take a few
 * minutes on two cores.
 */
final class BenchArgs {

    static final String USAGE = """
            Usage: bench/run [options]
              --parts a,b,c,d        which parts to run (default all)
             (a) rate-limited import
              --rate-n N             workouts (default 400)
              --rate R               server-side limit in requests/s; the client is set to R (default 20)
              --server-burst B       server token-bucket burst (default ceil(R), the client's own burst)
              --fast-factor F        second run with the client at F x R (default 2)
             (b) engine vs bare HTTP loop, no limit, no latency
              --throughput-n N       workouts per run (default 1000)
              --warmups W            warm-up runs of each (default 1)
              --repeats K            measured runs of each; the median is reported (default 3)
             (c) requests per workout, restart after token expiry
              --restart-n N          workouts (default 200)
              --restart-budget B     requests the first token allows (default N/2+3)
             (d) CLI jar as a child process
              --cli-jar PATH         (default cli/target/tpsync.jar)
              --cli-small N          (default 1000)
              --cli-large N          (default 100000)
              --cli-rate R           the CLI's --rate, at most 100 (default 20)
              --cli-window S         stop a CLI run after S seconds (default 60; the small run gets N/rate+60)
              --cli-java-opts "..."  JVM options for the CLI process (default: the ./tpsync launcher's,
                                     "-XX:+UseSerialGC -Xmx512m"; "" for the JVM's own defaults)
             sandbox
              --sandbox-nodelay B    true (default): set sun.net.httpserver.nodelay=true in this JVM, so the JDK
                                     HTTP server under the sandbox sends small answers at once; false keeps the
                                     JDK default, where Nagle + delayed ACK add ~40 ms to every request
             output
              --out FILE             also write the table as Markdown (default bench/target/bench-report.md)
              --work-dir DIR         where plans and state go (default a new temp directory, deleted at the end)""";

    Set<String> parts = new LinkedHashSet<>(List.of("a", "b", "c", "d"));
    int rateN = 400;
    double rate = 20;
    int serverBurst;
    double fastFactor = 2;
    int throughputN = 1000;
    int warmups = 1;
    int repeats = 3;
    int restartN = 200;
    int restartBudget;
    Path cliJar = Path.of("cli/target/tpsync.jar");
    int cliSmall = 1000;
    int cliLarge = 100_000;
    double cliRate = 20;
    int cliWindowSeconds = 60;
    /** The options the {@code ./tpsync} launcher uses by default, so part d measures what users run. */
    static final List<String> LAUNCHER_JAVA_OPTS = List.of("-XX:+UseSerialGC", "-Xmx512m");

    List<String> cliJavaOpts = LAUNCHER_JAVA_OPTS;
    boolean sandboxNoDelay = true;
    Path out = Path.of("bench/target/bench-report.md");
    @Nullable Path workDir;

    static BenchArgs parse(String[] args) {
        BenchArgs a = new BenchArgs();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String v = args[++i];
            try {
                switch (flag) {
                    case "--parts" -> a.parts = parts(v);
                    case "--rate-n" -> a.rateN = positive(flag, Integer.parseInt(v));
                    case "--rate" -> a.rate = positive(flag, Double.parseDouble(v));
                    case "--server-burst" -> a.serverBurst = positive(flag, Integer.parseInt(v));
                    case "--fast-factor" -> a.fastFactor = positive(flag, Double.parseDouble(v));
                    case "--throughput-n" -> a.throughputN = positive(flag, Integer.parseInt(v));
                    case "--warmups" -> a.warmups = Math.max(0, Integer.parseInt(v));
                    case "--repeats" -> a.repeats = positive(flag, Integer.parseInt(v));
                    case "--restart-n" -> a.restartN = positive(flag, Integer.parseInt(v));
                    case "--restart-budget" -> a.restartBudget = positive(flag, Integer.parseInt(v));
                    case "--cli-jar" -> a.cliJar = Path.of(v);
                    case "--cli-small" -> a.cliSmall = positive(flag, Integer.parseInt(v));
                    case "--cli-large" -> a.cliLarge = positive(flag, Integer.parseInt(v));
                    case "--cli-rate" -> a.cliRate = positive(flag, Double.parseDouble(v));
                    case "--cli-window" -> a.cliWindowSeconds = positive(flag, Integer.parseInt(v));
                    case "--cli-java-opts" -> a.cliJavaOpts = v.isBlank() ? List.of() : List.of(v.trim().split("\\s+"));
                    case "--sandbox-nodelay" -> a.sandboxNoDelay = bool(flag, v);
                    case "--out" -> a.out = Path.of(v);
                    case "--work-dir" -> a.workDir = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + flag + " needs a number, got " + v);
            }
        }
        if (a.restartN < 2) {
            throw new IllegalArgumentException("--restart-n must be at least 2");
        }
        return a;
    }

    /** The server burst actually used: the given one, else ceil(rate) like the client's own burst. */
    int effectiveServerBurst() {
        return serverBurst > 0 ? serverBurst : (int) Math.max(1, Math.ceil(rate));
    }

    /** The first token's request budget: the given one, else half the plan plus 3 (mid-chunk on purpose). */
    int effectiveRestartBudget() {
        return restartBudget > 0 ? restartBudget : restartN / 2 + 3;
    }

    private static Set<String> parts(String v) {
        Set<String> out = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String p : v.toLowerCase(Locale.ROOT).split(",")) {
            String t = p.trim();
            if (List.of("a", "b", "c", "d").contains(t)) {
                out.add(t);
            } else if (!t.isEmpty()) {
                bad.add(t);
            }
        }
        if (!bad.isEmpty() || out.isEmpty()) {
            throw new IllegalArgumentException("--parts takes a comma list of a, b, c, d; got " + v);
        }
        return out;
    }

    private static boolean bool(String flag, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(flag + " takes true or false, got " + v);
        };
    }

    private static int positive(String flag, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, got " + v);
        }
        return v;
    }

    private static double positive(String flag, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(flag + " must be a number above 0, got " + v);
        }
        return v;
    }
}
