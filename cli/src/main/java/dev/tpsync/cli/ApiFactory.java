package dev.tpsync.cli;

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

    static ApiFactory standard() {
        return (baseUrl, token, rate, maxWait) -> TpClient.builder()
                .baseUrl(baseUrl)
                .credentials(token)
                .rateLimit(rate)
                .maxWait(maxWait)
                .build();
    }
}
