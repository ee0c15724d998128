/**
 * The Java examples of the README and of the pages under docs/, kept here so that the build
 * compiles them: each sits between {@code // README: <name>} and {@code // README: end}, and a test
 * checks that those pages show exactly these regions and no other Java code.
 */
@NullMarked
package io.github.presencesdk.examples.readme;

import org.jspecify.annotations.NullMarked;
