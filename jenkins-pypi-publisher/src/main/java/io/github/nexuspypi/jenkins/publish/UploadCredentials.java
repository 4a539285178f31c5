package io.github.nexuspypi.jenkins.publish;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Who uploads: a user and password, or an API token, which PyPI-compatible repositories take as the password of the
 * user {@code __token__}. The password never appears in {@link #toString()}.
 */
public final class UploadCredentials
    implements Serializable
{
  private static final long serialVersionUID = 1L;

  public static final String TOKEN_USER = "__token__";

  private final String username;

  private final String password;

  private UploadCredentials(final String username, final String password) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
  }

  public static UploadCredentials usernamePassword(final String username, final String password) {
    return new UploadCredentials(username, password);
  }

  public static UploadCredentials token(final String token) {
    return new UploadCredentials(TOKEN_USER, token);
  }

  public String username() {
    return username;
  }

  /** The value of an {@code Authorization} header. */
  String basicAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The secret, so that a log can be masked of it. */
  public String secret() {
    return password;
  }

  @Override
  public String toString() {
    return "UploadCredentials{" + username + ", ****}";
  }
}
