/**
 * Test-only helpers shared by the modules of presence-sdk: the secret scan that every test runs
 * under. Not published.
 */
@NullMarked
package io.github.presencesdk.testsupport;

import org.jspecify.annotations.NullMarked;
