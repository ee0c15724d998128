/**
 * Runnable programs that show presence-sdk in use: the {@link io.github.presencesdk.examples.Demo
 * demo} against the testkit's fakes, one small program per vendor that reads its settings from the
 * environment, and the vendor-neutral example of docs/errors-and-retries.md.
 */
@NullMarked
package io.github.presencesdk.examples;

import org.jspecify.annotations.NullMarked;
