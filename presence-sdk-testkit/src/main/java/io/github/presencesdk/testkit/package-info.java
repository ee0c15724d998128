/**
 * In-process fake vendor servers for testing presence integrations without a vendor account.
 *
 * <p>{@link io.github.presencesdk.testkit.VonageFake}, {@link
 * io.github.presencesdk.testkit.TalkdeskFake} and {@link io.github.presencesdk.testkit.VoipNowFake}
 * each start a {@code mockwebserver3.MockWebServer} on the loopback interface with a small
 * in-memory world that a test seeds through a builder. They answer like the vendor: the same paths
 * and JSON field names, bearer tokens issued by their own token endpoint, the vendor's limits and
 * error bodies, and state that changes when presence is set. {@link
 * io.github.presencesdk.testkit.Faults} injects rate limits, server errors, disconnects, slow
 * answers and malformed bodies; {@link io.github.presencesdk.testkit.RequestLog} records what each
 * fake was asked.
 *
 * <p>All types are safe for use from several threads: the fakes answer on server threads while the
 * test thread seeds, changes and inspects them.
 */
@NullMarked
package io.github.presencesdk.testkit;

import org.jspecify.annotations.NullMarked;
