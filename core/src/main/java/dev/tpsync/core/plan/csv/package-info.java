/** The CSV plan reader. */
@NullMarked
package dev.tpsync.core.plan.csv;

import org.jspecify.annotations.NullMarked;
