package org.tingsted.server.roster;

/** A roster request that cannot be carried out, with the protocol error code that says why. */
public sealed class RosterException extends RuntimeException {

  private final String code;

  private RosterException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** {@code invalid} or {@code not_found}. */
  public String code() {
    return code;
  }

  /** The request names something that does not exist. */
  public static final class NotFound extends RosterException {
    public NotFound(String message) {
      super("not_found", message);
    }
  }

  /** The request is malformed or breaks a rule. */
  public static final class Invalid extends RosterException {
    public Invalid(String message) {
      super("invalid", message);
    }
  }
}
