package org.tingsted.server.journal;

/** The journal could not do what was asked; {@link Duplicate} when a seq was already taken. */
public sealed class JournalException extends RuntimeException {

  JournalException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The journal cannot be written now (the database is down, full, or too slow). */
  public static final class Unavailable extends JournalException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * An append named a (stream, seq) that the journal already holds: another writer got there
   * first, so the writer's copy of the stream is stale and must be reloaded.
   */
  public static final class Duplicate extends JournalException {
    Duplicate(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
