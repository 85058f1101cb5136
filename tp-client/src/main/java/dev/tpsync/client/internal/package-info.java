/**
 * Implementation details of the TrainingPeaks client: the single error mapper, JSON encoding and
 * decoding, the path guard and the backoff calculation. Not an API; may change without notice.
 */
@NullMarked
package dev.tpsync.client.internal;

import org.jspecify.annotations.NullMarked;
