/**
 * The {@code presence} command-line tool: every operation of the three vendor clients from a shell,
 * with table or JSON output and a demo mode that runs against the testkit's fake servers. Its entry
 * point is {@link io.github.presencesdk.examples.cli.PresenceCli}.
 */
@NullMarked
package io.github.presencesdk.examples.cli;

import org.jspecify.annotations.NullMarked;
