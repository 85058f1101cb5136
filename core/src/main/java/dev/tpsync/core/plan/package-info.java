@NullMarked
package dev.tpsync.core.plan;

import org.jspecify.annotations.NullMarked;
