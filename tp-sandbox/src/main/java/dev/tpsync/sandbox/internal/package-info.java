/** Request handling, validation, token checks and storage behind {@link dev.tpsync.sandbox.TpSandbox}. */
@NullMarked
package dev.tpsync.sandbox.internal;

import org.jspecify.annotations.NullMarked;
