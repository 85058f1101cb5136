package dev.tpsync.sandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox on its own until the process is killed, for benchmarks and demos. Prints
 * {@code TPSYNC_SANDBOX_URL=...} and {@code TPSYNC_SANDBOX_TOKEN=...} on stdout. The token only opens this sandbox.
 */
public final class SandboxMain {

    static final String USAGE = """
            Usage: SandboxMain [--port N] [--rate R --burst B] [--latency-ms L] [--athlete ID]
                               [--token-lifetime-minutes M] [--store FILE] [--threads T]
              --port                    port on 127.0.0.1 (default 0 = any free port)
              --rate, --burst           server-side rate limit: R requests/second, bursts of B (default off; burst defaults to 1)
              --latency-ms              delay added to every request (default 0)
              --athlete                 the athlete ID (default 1234567)
              --token-lifetime-minutes  lifetime of the printed token (default 60)
              --store                   keep workouts in this JSON file across restarts
              --threads                 worker threads (default 4)""";

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxConfig config;
        Duration lifetime;
        try {
            Parsed parsed = parse(args);
            config = parsed.config();
            lifetime = parsed.tokenLifetime();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        TpSandbox sandbox = TpSandbox.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "tp-sandbox-shutdown"));
        print(System.out, sandbox, sandbox.issueToken(lifetime));
        stopped.await();
    }

    record Parsed(SandboxConfig config, Duration tokenLifetime) {
    }

    static Parsed parse(String[] args) {
        SandboxConfig config = SandboxConfig.defaults();
        Duration lifetime = Duration.ofMinutes(60);
        Double rate = null;
        int burst = 1;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after " + flag);
            }
            String value = args[++i];
            try {
                switch (flag) {
                    case "--port" -> config = config.port(Integer.parseInt(value));
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--burst" -> burst = Integer.parseInt(value);
                    case "--latency-ms" -> config = config.latency(Duration.ofMillis(Long.parseLong(value)));
                    case "--athlete" -> config = config.athleteId(Long.parseLong(value));
                    case "--token-lifetime-minutes" -> lifetime = Duration.ofMinutes(Long.parseLong(value));
                    case "--store" -> config = config.storeFile(Path.of(value));
                    case "--threads" -> config = config.threads(Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("Unknown option " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Option " + flag + " needs a number, got " + value);
            }
        }
        if (rate != null) {
            config = config.rateLimit(rate, burst);
        }
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("--token-lifetime-minutes must be > 0");
        }
        return new Parsed(config, lifetime);
    }

    static void print(PrintStream out, TpSandbox sandbox, String token) {
        out.println("TPSYNC_SANDBOX_URL=" + sandbox.baseUrl());
        out.println("TPSYNC_SANDBOX_ATHLETE=" + sandbox.athleteId());
        out.println("TPSYNC_SANDBOX_TOKEN=" + token);
        out.flush();
    }
}
