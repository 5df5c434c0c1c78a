package io.safejson.logging.internal;

import java.util.List;

/** The key names redacted by default in key-values, MDC and nested values (matched case-insensitively). */
public final class SecretKeys {
  /** Names that, in practice, carry credentials or session identifiers in logs. */
  public static final List<String> DEFAULTS =
      List.of(
          "password", "passwd", "pwd", "secret", "token", "access_token", "refresh_token", "id_token",
          "auth_token", "api_key", "apikey", "api-key", "x-api-key", "authorization",
          "proxy-authorization", "cookie", "set-cookie", "credential", "credentials", "private_key",
          "privatekey", "client_secret", "secret_key", "session", "sessionid", "session_id",
          "jsessionid");

  private SecretKeys() {}
}
