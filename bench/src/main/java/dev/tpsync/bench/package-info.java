/**
 * The tpsync benchmark ({@code bench/run}): starts the TrainingPeaks sandbox in this JVM and measures
 * (a) how close a rate-limited import gets to the server's rate, (b) the engine's throughput against a
 * bare HTTP loop, (c) requests per workout and re-sent creates after a token-expiry restart, and
 * (d) the CLI's time to first request and peak memory. Nothing here runs during the Maven build.
 */
@NullMarked
package dev.tpsync.bench;

import org.jspecify.annotations.NullMarked;
