package org.tingsted.server.staff;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tingsted.protocol.ErrorCode;

/**
 * Wrong passwords counted per account and per address, in Hazelcast so that every node counts
 * together: {@value #PER_ACCOUNT} wrong passwords for one username, or {@value #PER_ADDRESS}
 * from one address, within {@value #WINDOW_MINUTES} minutes, and further logins there are
 * refused with {@code rate_limited} until the window that began with the first of them ends.
 * A refused login is not hashed, so a flood costs the server almost nothing.
 */
final class LoginThrottle {

  static final int PER_ACCOUNT = 5;
  static final int PER_ADDRESS = 20;
  static final int WINDOW_MINUTES = 15;
  static final long WINDOW_MS = TimeUnit.MINUTES.toMillis(WINDOW_MINUTES);

  private final IMap<String, Failures> failures;

  LoginThrottle(IMap<String, Failures> failures) {
    this.failures = failures;
  }

  /** Wrong passwords under one key since {@code since}; the entry lives until {@code until}. */
  record Failures(int count, long until) {
  }

  /** Counts one wrong password under a key, starting a window when none is open. */
  record CountFailure(long now, long windowMs) implements EntryProcessor<String, Failures, Integer> {

    @Override
    public Integer process(Map.Entry<String, Failures> entry) {
      Failures old = entry.getValue();
      Failures next = old == null || old.until() <= now ? new Failures(1, now + windowMs) : new Failures(old.count() + 1, old.until());
      ((ExtendedMapEntry<String, Failures>) entry).setValue(next, Math.max(1, next.until() - now), TimeUnit.MILLISECONDS);
      return next.count();
    }
  }

  /** Refuses with {@code rate_limited} when the account or the address has used up its window. Blocking. */
  void check(String username, String address) {
    long now = System.currentTimeMillis();
    refuseIfSpent(failures.get(accountKey(username)), PER_ACCOUNT, now, "too many wrong passwords for this account");
    refuseIfSpent(failures.get(addressKey(address)), PER_ADDRESS, now, "too many wrong passwords from this address");
  }

  /** Counts a wrong password (or an unknown username) against both. Blocking. */
  void failed(String username, String address) {
    long now = System.currentTimeMillis();
    failures.executeOnKey(accountKey(username), new CountFailure(now, WINDOW_MS));
    failures.executeOnKey(addressKey(address), new CountFailure(now, WINDOW_MS));
  }

  /** A right password forgets the account's wrong ones (not the address's). Blocking. */
  void succeeded(String username) {
    failures.delete(accountKey(username));
  }

  private static void refuseIfSpent(Failures f, int limit, long now, String why) {
    if (f != null && f.count() >= limit && f.until() > now) {
      long seconds = Math.max(1, (f.until() - now + 999) / 1000);
      throw new StaffException(ErrorCode.RATE_LIMITED, why + "; try again in " + seconds + " s", seconds);
    }
  }

  private static String accountKey(String username) {
    return "account:" + username;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
