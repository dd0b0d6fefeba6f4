package org.tingsted.server.roster;

import org.tingsted.protocol.ErrorCode;

/** A roster request that cannot be carried out, with the protocol error code that says why. */
public sealed class RosterException extends RuntimeException {

  private final ErrorCode code;

  private RosterException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** {@code invalid}, {@code not_found} or {@code conflict}. */
  public ErrorCode code() {
    return code;
  }

  /** The request names something that does not exist. */
  public static final class NotFound extends RosterException {
    public NotFound(String message) {
      super(ErrorCode.NOT_FOUND, message);
    }
  }

  /** The request is malformed or breaks a rule. */
  public static final class Invalid extends RosterException {
    public Invalid(String message) {
      super(ErrorCode.INVALID, message);
    }
  }

  /** The request no longer fits what is there, e.g. personal data for someone pseudonymised. */
  public static final class Conflict extends RosterException {
    public Conflict(String message) {
      super(ErrorCode.CONFLICT, message);
    }
  }
}
