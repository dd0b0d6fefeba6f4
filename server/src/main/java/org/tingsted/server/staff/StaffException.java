package org.tingsted.server.staff;

import org.tingsted.protocol.ErrorCode;

/** A refused staff call, with the protocol's code; {@code retryAfterSeconds} is set for {@code rate_limited}. */
public final class StaffException extends RuntimeException {

  private final ErrorCode code;
  private final long retryAfterSeconds;

  public StaffException(ErrorCode code, String message) {
    this(code, message, 0);
  }

  public StaffException(ErrorCode code, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ErrorCode code() {
    return code;
  }

  /** Seconds until a throttled login may be tried again; 0 otherwise. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
