/** Test fakes shared by the modules' tests; JDK only. */
@NullMarked
package dev.tpsync.testing;

import org.jspecify.annotations.NullMarked;
