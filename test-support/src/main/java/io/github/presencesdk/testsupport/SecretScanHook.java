package io.github.presencesdk.testsupport;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The secret scan of {@link SecretScanExtension} for jqwik properties, which do not run through
 * JUnit Jupiter. Registered for every property through {@code META-INF/services}; only loaded where
 * jqwik is on the class path.
 */
public final class SecretScanHook implements AroundPropertyHook {
  /** Created by jqwik through the service loader. */
  public SecretScanHook() {}

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    OutputCapture.install();
    String before = OutputCapture.drain();
    PropertyExecutionResult result = property.execute();
    String during = OutputCapture.drain();
    if (before != null) {
      return result.mapToFailed(
          new AssertionError("Secret leak before " + context.label() + ": " + before));
    }
    if (during != null) {
      return result.mapToFailed(
          new AssertionError("Secret leak during " + context.label() + ": " + during));
    }
    if (result.throwable().isPresent()) {
      Throwable thrown = result.throwable().get();
      Throwable screened = SecretScanExtension.screened(thrown);
      if (screened != thrown) {
        return result.mapToFailed(screened);
      }
    }
    return result;
  }
}
