/**
 * The baselines' view of the wire: plain classes for Moshi's and Jackson's reflective adapters,
 * records for Moshi's record support, and a hand-written Moshi adapter for the raw OkHttp call.
 * Each keeps the same facts the SDK's model keeps.
 */
package io.github.presencesdk.benchmarks.wire;
