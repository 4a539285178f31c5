package io.github.nexuspypi.repository.pypi.internal.group;

import java.util.List;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Response;

/**
 * Which members a group served a page or a file from, told in a response header so that an administrator can see
 * the dependency-confusion guard at work with {@code curl -I}.
 */
final class ServedBy
{
  static final String HEADER = "X-PyPI-Served-By";

  private static final String KEY = ServedBy.class.getName();

  private ServedBy() {
  }

  static void mark(final Content page, final List<String> members) {
    page.getAttributes().set(KEY, String.join(", ", members));
  }

  /** Copies a group page's mark, if it has one, to the response that carries it. */
  static void tell(final Content page, final Response response) {
    String members = page.getAttributes().get(KEY, String.class);
    if (members != null) {
      response.getHeaders().set(HEADER, members);
    }
  }

  static void tell(final String member, final Response response) {
    response.getHeaders().set(HEADER, member);
  }
}
