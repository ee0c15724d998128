/**
 * The fan-out, paging and start-up harness: plain programs that run each configuration a few times
 * against loopback servers and report wall times, request counts and heap as JSON and CSV.
 */
@NullMarked
package io.github.presencesdk.benchmarks.harness;

import org.jspecify.annotations.NullMarked;
