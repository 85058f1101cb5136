/**
 * The import engine: a restartable Spring Batch job that puts a validated plan onto the calendar,
 * with a ledger that makes every create happen exactly once. {@link dev.tpsync.batch.ImportEngine}
 * is the entry point; the rest is wiring.
 */
@NullMarked
package dev.tpsync.batch;

import org.jspecify.annotations.NullMarked;
