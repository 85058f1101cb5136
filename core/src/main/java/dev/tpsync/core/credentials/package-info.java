@NullMarked
package dev.tpsync.core.credentials;

import org.jspecify.annotations.NullMarked;
