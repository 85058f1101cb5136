/** Parsing of the duration, distance and number notations that plan files use. */
@NullMarked
package dev.tpsync.core.units;

import org.jspecify.annotations.NullMarked;
