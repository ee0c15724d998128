package io.github.presencesdk;

/** How the OAuth2 client id and secret are presented to the token endpoint. */
public enum ClientAuthentication {
  /** In an {@code Authorization: Basic} header ({@code client_secret_basic}). */
  BASIC,
  /**
   * As {@code client_id} and {@code client_secret} fields of the form body ({@code
   * client_secret_post}).
   */
  FORM
}
