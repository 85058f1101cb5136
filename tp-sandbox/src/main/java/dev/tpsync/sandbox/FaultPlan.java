package dev.tpsync.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Decides, for each incoming request, which {@link Fault} (if any) the sandbox injects.
 *
 * <p>The sandbox calls {@link #decide} once per request, in arrival order, from its worker threads; the
 * factories here are thread-safe. Requests to {@code /commands/} paths are refused before the plan is asked.
 */
@FunctionalInterface
public interface FaultPlan {

    /**
     * What the plan sees about a request.
     *
     * @param method upper-case HTTP method
     * @param path the raw request path, without the query
     * @param requestNumber 1 for the first request the sandbox received, then 2, 3, ...
     * @param methodNumber the same count, but only over requests with this method (e.g. the 3rd POST is 3)
     */
    record Request(String method, String path, long requestNumber, long methodNumber) {
        public Request {
            Objects.requireNonNull(method, "method == null");
            Objects.requireNonNull(path, "path == null");
            if (requestNumber < 1 || methodNumber < 1) {
                throw new IllegalArgumentException("request numbers start at 1");
            }
        }
    }

    Fault decide(Request request);

    static FaultPlan none() {
        return request -> Fault.none();
    }

    /**
     * Independent random faults from a seeded {@link Random}, so a run is repeatable for a given request order.
     *
     * <p>The probabilities are checked in the order 429, 503, reset, lost, slow and must sum to at most 1.
     * Lost responses apply to POST only. A 429 announces one second, picking randomly between seconds,
     * an HTTP-date and no {@code Retry-After} at all.
     */
    static FaultPlan random(long seed, double p429, double p503, double pReset, double pLost, double pSlow) {
        double[] p = {p429, p503, pReset, pLost, pSlow};
        double sum = 0;
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("probabilities must be within 0..1, got " + v);
            }
            sum += v;
        }
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("probabilities must sum to at most 1, got " + sum);
        }
        Random random = new Random(seed);
        Fault.RetryAfterFormat[] formats = Fault.RetryAfterFormat.values();
        return request -> {
            double roll;
            int format;
            synchronized (random) {
                roll = random.nextDouble();
                format = random.nextInt(formats.length);
            }
            double edge = p429;
            if (roll < edge) {
                return Fault.tooManyRequests(Duration.ofSeconds(1), formats[format]);
            }
            if (roll < (edge += p503)) {
                return Fault.serviceUnavailable();
            }
            if (roll < (edge += pReset)) {
                return Fault.reset();
            }
            if (roll < (edge += pLost)) {
                return request.method().equals("POST") ? Fault.lostResponse() : Fault.none();
            }
            if (roll < edge + pSlow) {
                return Fault.slow();
            }
            return Fault.none();
        };
    }

    /** Faults the first {@code faults.size()} requests in order (whatever their method); later requests pass. */
    static FaultPlan sequence(List<Fault> faults) {
        List<Fault> copy = List.copyOf(faults);
        return request -> request.requestNumber() <= copy.size()
                ? copy.get((int) request.requestNumber() - 1)
                : Fault.none();
    }

    /** Starts an exact script, e.g. {@code FaultPlan.scripted().onPost(3, Fault.lostResponse()).build()}. */
    static Scripted scripted() {
        return new Scripted();
    }

    /** Builder for a plan that faults exactly the listed requests; unlisted requests pass. */
    final class Scripted {
        private final Map<Long, Fault> byRequest = new HashMap<>();
        private final Map<String, Fault> byMethod = new HashMap<>();

        private Scripted() {
        }

        /** Faults the n-th request overall (1-based). */
        public Scripted onRequest(long n, Fault fault) {
            checkNumber(n);
            byRequest.put(n, Objects.requireNonNull(fault, "fault == null"));
            return this;
        }

        /** Faults the n-th request with this method (1-based). */
        public Scripted on(String method, long n, Fault fault) {
            checkNumber(n);
            byMethod.put(method.toUpperCase(Locale.ROOT) + " " + n, Objects.requireNonNull(fault, "fault == null"));
            return this;
        }

        public Scripted onPost(long n, Fault fault) {
            return on("POST", n, fault);
        }

        public Scripted onGet(long n, Fault fault) {
            return on("GET", n, fault);
        }

        public Scripted onDelete(long n, Fault fault) {
            return on("DELETE", n, fault);
        }

        /** A method-specific entry wins over an overall-number entry for the same request. */
        public FaultPlan build() {
            Map<Long, Fault> overall = Map.copyOf(byRequest);
            Map<String, Fault> perMethod = Map.copyOf(byMethod);
            return request -> {
                Fault f = perMethod.get(request.method() + " " + request.methodNumber());
                if (f == null) {
                    f = overall.get(request.requestNumber());
                }
                return f == null ? Fault.none() : f;
            };
        }

        private static void checkNumber(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("request numbers start at 1, got " + n);
            }
        }
    }
}
