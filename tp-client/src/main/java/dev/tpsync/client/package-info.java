/**
 * The public face of the TrainingPeaks client: {@link dev.tpsync.client.TpApi}, its builder-made
 * implementation {@code TpClient}, the request/response records and the sealed
 * {@link dev.tpsync.client.TpApiException} hierarchy. Implementation details live in {@code internal}.
 */
@NullMarked
package dev.tpsync.client;

import org.jspecify.annotations.NullMarked;
