package io.github.presencesdk.testsupport;

import java.util.List;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The secret scan of {@link SecretScanExtension} for jqwik properties, which do not run through
 * JUnit Jupiter: output and escaping exceptions, and the exceptions created during the property
 * (see {@link ExceptionWatch}), checked after each property. Registered for every property through
 * {@code META-INF/services}; only loaded where jqwik is on the class path.
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
    ExceptionWatch.start();
    String before = OutputCapture.drain();
    List<ExceptionWatch.Finding> earlier = ExceptionWatch.collect();
    PropertyExecutionResult result = property.execute();
    String during = OutputCapture.drain();
    List<ExceptionWatch.Finding> created = ExceptionWatch.collect();
    if (before != null) {
      return result.mapToFailed(
          new AssertionError("Secret leak before " + context.label() + ": " + before));
    }
    if (during != null) {
      return result.mapToFailed(
          new AssertionError("Secret leak during " + context.label() + ": " + during));
    }
    if (!earlier.isEmpty()) {
      return result.mapToFailed(
          new AssertionError(
              "Secret leak in an exception created before "
                  + context.label()
                  + ": "
                  + earlier.get(0)));
    }
    if (!created.isEmpty()) {
      return result.mapToFailed(
          new AssertionError(
              "Secret leak in an exception created during "
                  + context.label()
                  + ": "
                  + created.get(0)
                  + (created.size() > 1 ? " (and " + (created.size() - 1) + " more)" : "")
                  + "; the property may have caught it"));
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
