/**
 * The HTTP core shared by the vendor modules: authentication, retries, bulk execution, paging and
 * JSON helpers. Not part of the public API; exported only to the presence-sdk vendor modules and
 * free to change in any release.
 */
@NullMarked
package io.github.presencesdk.internal;

import org.jspecify.annotations.NullMarked;
