package io.github.presencesdk.internal;

import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.ClientAuthentication;
import io.github.presencesdk.ErrorDetail;
import io.github.presencesdk.PresenceClientBuilder;
import io.github.presencesdk.VendorError;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/** A minimal vendor built on the core, so that the core is tested through real HTTP. */
final class TestClient {
  static final VendorProfile PROFILE =
      new VendorProfile(
          "testvendor",
          Map.of("Accept", "application/vnd.test.v1+json"),
          TestClient::decodeError,
          VendorProfile.COMMON_REQUEST_ID_HEADERS,
          4,
          ClientAuthentication.FORM);

  static VendorError decodeError(VendorError base, String body) {
    Map<String, Object> json = ErrorBodies.parseObject(body);
    Map<String, Object> error = ErrorBodies.object(json, "error");
    List<ErrorDetail> details = ErrorBodies.details(json, "errors", "path", "message");
    return ErrorBodies.with(
        base,
        ErrorBodies.string(error, "code"),
        ErrorBodies.string(json, "title"),
        error != null ? ErrorBodies.string(error, "message") : ErrorBodies.string(json, "message"),
        details);
  }

  static final class Builder extends PresenceClientBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }

    HttpCore buildCore() {
      return buildCore(PROFILE, null, base -> base.resolve("/oauth/token"));
    }

    HttpCore buildCore(HttpUrl defaultBase) {
      return buildCore(PROFILE, defaultBase, DefaultTokenUrl.NONE);
    }
  }

  private TestClient() {}

  static Builder builder() {
    return new Builder();
  }

  static BadRequestException unused() {
    throw new AssertionError();
  }
}
