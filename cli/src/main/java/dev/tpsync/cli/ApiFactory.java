package dev.tpsync.cli;

import dev.tpsync.batch.StopSignal;
import dev.tpsync.client.Sleeper;
import dev.tpsync.client.TpApi;
import dev.tpsync.client.TpClient;
import dev.tpsync.core.credentials.BearerToken;
import java.time.Duration;

/**
 * Builds the TrainingPeaks client for one run. Throws {@link IllegalArgumentException} for a
 * base URL the client refuses (e.g. plain http to a non-loopback host). The command closes the
 * returned API when it is {@link AutoCloseable}.
 */
@FunctionalInterface
interface ApiFactory {

    TpApi open(String baseUrl, BearerToken token, double requestsPerSecond, Duration maxWait);

    /**
     * Like the 4-argument form, but the client's waits (backoff, {@code Retry-After}, rate limit)
     * end early when {@code stop} is set, so a signal is not held up by a long wait.
     */
    default TpApi open(String baseUrl, BearerToken token, double requestsPerSecond, Duration maxWait, StopSignal stop) {
        return open(baseUrl, token, requestsPerSecond, maxWait);
    }

    static ApiFactory standard() {
        return new ApiFactory() {
            @Override
            public TpApi open(String baseUrl, BearerToken token, double rate, Duration maxWait) {
                return open(baseUrl, token, rate, maxWait, new StopSignal());
            }

            @Override
            public TpApi open(String baseUrl, BearerToken token, double rate, Duration maxWait, StopSignal stop) {
                return TpClient.builder()
                        .baseUrl(baseUrl)
                        .credentials(token)
                        .rateLimit(rate)
                        .maxWait(maxWait)
                        .sleeper(stop.sleeper(Sleeper.REAL))
                        .build();
            }
        };
    }
}
