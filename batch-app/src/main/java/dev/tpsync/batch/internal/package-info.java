/**
 * Spring wiring of the import job: reader, processor, idempotent calendar writer and progress
 * listener. Not an API; {@link dev.tpsync.batch.ImportEngine} is the only entry point.
 */
@NullMarked
package dev.tpsync.batch.internal;

import org.jspecify.annotations.NullMarked;
