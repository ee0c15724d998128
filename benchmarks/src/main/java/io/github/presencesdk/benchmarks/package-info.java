/**
 * JMH benchmarks of presence-sdk against raw OkHttp, Moshi and Jackson, and the loopback servers
 * and payloads they share with the fan-out, paging and start-up harness.
 */
package io.github.presencesdk.benchmarks;
