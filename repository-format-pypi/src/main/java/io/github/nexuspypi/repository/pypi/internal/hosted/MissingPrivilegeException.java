package io.github.nexuspypi.repository.pypi.internal.hosted;

import io.github.nexuspypi.core.filename.FilenameSafety;

/**
 * Who asked lacks a privilege that a change to a hosted repository needs: a 403, for an upload as for a yank. The
 * message names the privilege, since Nexus's own refusal is a bare "Forbidden" and twine shows only the reason.
 */
public class MissingPrivilegeException
    extends Exception
{
  public MissingPrivilegeException(final String message) {
    super(FilenameSafety.printable(message));
  }
}
