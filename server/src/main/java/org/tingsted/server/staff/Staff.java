package org.tingsted.server.staff;

import com.hazelcast.config.Config;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.cluster.JsonSerializer;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.streams.ModelJson;

/**
 * The staff: administrators' and facilitators' accounts (kept in the journal, shared through
 * Hazelcast so every node sees them), their logins with a password or through OpenID Connect,
 * and their sessions.
 *
 * <p>A session is an opaque random token of 256 bits that the server keeps, under its SHA-256,
 * in a Hazelcast map until it expires; logging out removes it, and disabling an account, resetting
 * its password or taking a role from it ends all of its sessions on every node (each request
 * checks the account's session epoch).
 */
public final class Staff {

  /** The default lifetime of a staff session: one session day. */
  public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(8);
  /** Usernames: lower-case letters, digits and {@code . _ @ -}, at most 64. */
  public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
  /** The longest display name. */
  public static final int NAME_MAX = 120;

  static final String ACCOUNTS = HazelcastSetup.SHARED_EVERYWHERE.replace("*", "staff-accounts");
  static final String SESSIONS = HazelcastSetup.SHARED_EVERYWHERE.replace("*", "staff-sessions");
  static final String FAILURES = HazelcastSetup.SHARED_EVERYWHERE.replace("*", "staff-login-failures");
  /** The key every change of the accounts locks, so that "the first administrator" and "the last one" cannot race. */
  private static final String CHANGE_LOCK = "~changes";

  private static final SecureRandom RANDOM = new SecureRandom();
  /** What an unknown username is checked against, so that it takes as long as a known one. */
  private static volatile String decoy;

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final IMap<String, StaffAccount> accounts;
  private final IMap<String, StaffSession> sessions;
  private final LoginThrottle throttle;
  private final Duration lifetime;
  /**
   * Logins hash on their own two threads, so that a flood of them can neither take the
   * workers that the rest of the server needs nor hold more than 2 × 19 MiB of Argon2 memory.
   */
  private final io.vertx.core.WorkerExecutor hashing;
  private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

  /** Threads that check passwords at login. */
  public static final int HASHING_THREADS = 2;
  /** Logins that may wait for those threads on one node; more are refused with {@code rate_limited}. */
  public static final int LOGINS_WAITING_MAX = 64;

  public Staff(Vertx vertx, HazelcastInstance hazelcast, Duration lifetime) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.accounts = hazelcast.getMap(ACCOUNTS);
    this.sessions = hazelcast.getMap(SESSIONS);
    this.throttle = new LoginThrottle(hazelcast.getMap(FAILURES));
    this.lifetime = lifetime;
    this.hashing = vertx.createSharedWorkerExecutor("tingsted-password-hashing", HASHING_THREADS);
  }

  /** Keeps the accounts in the journal: written through, all loaded when the cluster starts. */
  public static void configure(Config config, Journal journal) {
    config.addMapConfig(HazelcastSetup.storedMap(config, ACCOUNTS, new StaffStore(journal), true));
  }

  /** The Hazelcast serializers of what this package keeps in Hazelcast. */
  public static List<SerializerConfig> serializers() {
    var mapper = ModelJson.mapper();
    return List.of(
        JsonSerializer.of(mapper, StaffAccount.class, 1601),
        JsonSerializer.of(mapper, StaffSession.class, 1602),
        JsonSerializer.of(mapper, LoginThrottle.Failures.class, 1603),
        JsonSerializer.of(mapper, LoginThrottle.CountFailure.class, 1604),
        JsonSerializer.of(mapper, Rehash.class, 1605));
  }

  /** How long a new session lasts. */
  public Duration lifetime() {
    return lifetime;
  }

  /** An account to create; a null password makes an account that logs in through OpenID Connect only. */
  public record NewAccount(String username, String displayName, Set<StaffRole> roles, String password,
                           List<PersonLink> people) {
  }

  /** A change of an account: each null field stays as it is. */
  public record Change(String displayName, Set<StaffRole> roles, List<PersonLink> people, Boolean disabled) {
  }

  /** A session just begun: the token (shown once, to its holder), the session and the account. */
  public record Login(String token, StaffSession session, StaffAccount.View account) {
  }

  /** Who a valid token belongs to, with the account as it is now. */
  public record Principal(StaffSession session, StaffAccount account) {

    public boolean is(StaffRole role) {
      return account.is(role);
    }

    public String username() {
      return account.username();
    }
  }

  /** Whether an administrator account exists (enabled or not): then the admin token is retired. */
  public Future<Boolean> hasAdministrator() {
    return blocking(() -> accounts.values().stream().anyMatch(a -> a.is(StaffRole.ADMINISTRATOR)));
  }

  /**
   * Logs in with a password. A wrong password, an unknown username and an account without a
   * password are all {@code unauthorized} with the same message, after the same work; a
   * disabled account with its right password is {@code forbidden}. Throttled: see {@link LoginThrottle}.
   */
  public Future<Login> login(String username, String password, String address) {
    return hashed(() -> {
      String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
      if (password == null || password.isEmpty() || name.isEmpty()) {
        throw new StaffException(ErrorCode.INVALID, "a username and a password are required");
      }
      if (password.length() > PasswordHashing.PASSWORD_MAX || name.length() > 64) {
        throw new StaffException(ErrorCode.UNAUTHORIZED, "wrong username or password");
      }
      throttle.check(name, address);
      StaffAccount account = accounts.get(name);
      String hash = account != null && account.passwordHash() != null ? account.passwordHash() : decoy();
      boolean right = PasswordHashing.verify(password, hash) && account != null && account.passwordHash() != null;
      if (!right) {
        throttle.failed(name, address);
        throw new StaffException(ErrorCode.UNAUTHORIZED, "wrong username or password");
      }
      throttle.succeeded(name);
      if (account.disabled()) {
        throw new StaffException(ErrorCode.FORBIDDEN, "this account is disabled; ask an administrator");
      }
      if (PasswordHashing.needsRehash(account.passwordHash())) {
        String renewed = PasswordHashing.hash(password);
        accounts.executeOnKey(name, new Rehash(account.passwordHash(), renewed));
      }
      return begin(account, "password");
    });
  }

  /**
   * Logs in someone the OpenID Connect provider vouched for. With {@code roles} (the provider
   * names them), the account is made or updated to carry them; without (the provider names no
   * roles), the account must exist and keeps its own. An account with a password never logs in
   * this way, and one bound to another subject is refused.
   */
  public Future<Login> oidcLogin(String username, String displayName, String subject, Set<StaffRole> roles) {
    return changing(() -> {
      String name = requireUsername(username);
      StaffAccount account = accounts.get(name);
      if (account == null) {
        if (roles == null || roles.isEmpty()) {
          throw new StaffException(ErrorCode.FORBIDDEN, "the provider gives " + name + " no Tingsted role");
        }
        account = new StaffAccount(name, displayName(displayName, name), roles, null, false, List.of(), 0, subject,
            System.currentTimeMillis());
        accounts.set(name, account);
      } else {
        if (account.passwordHash() != null) {
          throw new StaffException(ErrorCode.FORBIDDEN, "the account " + name + " logs in with its password, not through the provider");
        }
        if (account.oidcSubject() != null && !account.oidcSubject().equals(subject)) {
          throw new StaffException(ErrorCode.FORBIDDEN, "the account " + name + " belongs to another identity at the provider");
        }
        if (account.disabled()) {
          throw new StaffException(ErrorCode.FORBIDDEN, "this account is disabled; ask an administrator");
        }
        if (roles != null && roles.isEmpty()) {
          // Not saved: a claim missing from one token (some providers leave out a long group
          // list) must not strip the account, least of all the last administrator's.
          throw new StaffException(ErrorCode.FORBIDDEN, "the provider gives " + name + " no Tingsted role");
        }
        StaffAccount current = account;
        if (roles != null && current.is(StaffRole.ADMINISTRATOR) && !current.disabled()
            && !roles.contains(StaffRole.ADMINISTRATOR) && accounts.values().stream()
            .noneMatch(a -> !a.username().equals(current.username()) && a.is(StaffRole.ADMINISTRATOR) && !a.disabled())) {
          throw new StaffException(ErrorCode.CONFLICT, "the provider no longer gives " + name + " the administrator role, "
              + "but this is the last enabled administrator: make another one first");
        }
        StaffAccount updated = account.withOidc(subject, roles == null ? account.roles() : roles);
        if (!updated.equals(account)) {
          accounts.set(name, updated);
        }
        account = updated;
        if (account.roles().isEmpty()) {
          throw new StaffException(ErrorCode.FORBIDDEN, "the provider gives " + name + " no Tingsted role");
        }
      }
      return begin(account, "oidc");
    });
  }

  private Login begin(StaffAccount account, String via) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long now = System.currentTimeMillis();
    var session = new StaffSession(account.username(), account.roles(), account.sessionEpoch(), now,
        now + lifetime.toMillis(), via);
    sessions.set(keyOf(token), session, lifetime.toMillis(), TimeUnit.MILLISECONDS);
    return new Login(token, session, account.view());
  }

  /** The principal of a session token, or null when the token is unknown, expired or ended. */
  public Future<Principal> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 128) {
      return Future.succeededFuture(null);
    }
    var context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(sessions.getAsync(keyOf(token)), context).compose(session -> {
      if (session == null || session.expiresAt() <= System.currentTimeMillis()) {
        return Future.succeededFuture(null);
      }
      return Future.fromCompletionStage(accounts.getAsync(session.username()), context).map(account ->
          account == null || account.disabled() || account.sessionEpoch() != session.epoch()
              ? null : new Principal(session, account));
    });
  }

  /** Ends the session of a token (nothing happens for an unknown one). */
  public Future<Void> logout(String token) {
    if (token == null || token.isEmpty() || token.length() > 128) {
      return Future.succeededFuture();
    }
    return Future.fromCompletionStage(sessions.deleteAsync(keyOf(token)), vertx.getOrCreateContext()).mapEmpty();
  }

  /** The first administrator, which the admin token may create once: {@code conflict} when an administrator exists. */
  public Future<StaffAccount.View> bootstrap(NewAccount first) {
    return changing(() -> {
      if (accounts.values().stream().anyMatch(a -> a.is(StaffRole.ADMINISTRATOR))) {
        throw new StaffException(ErrorCode.CONFLICT,
            "an administrator account exists, so the admin token is retired; log in as an administrator at /staff.html");
      }
      var roles = new LinkedHashSet<StaffRole>(first.roles() == null ? Set.of() : first.roles());
      roles.add(StaffRole.ADMINISTRATOR);
      if (first.password() == null) {
        throw new StaffException(ErrorCode.INVALID, "the first administrator needs a password");
      }
      return put(new NewAccount(first.username(), first.displayName(), roles, first.password(), first.people()));
    });
  }

  /** Creates an account; {@code conflict} when the username is taken. */
  public Future<StaffAccount.View> create(NewAccount account) {
    return changing(() -> put(account));
  }

  private StaffAccount.View put(NewAccount a) {
    String name = requireUsername(a.username());
    if (accounts.containsKey(name)) {
      throw new StaffException(ErrorCode.CONFLICT, "the username " + name + " is taken");
    }
    Set<StaffRole> roles = requireRoles(a.roles());
    String hash = null;
    if (a.password() != null) {
      String weak = PasswordHashing.weakness(a.password());
      if (weak != null) {
        throw new StaffException(ErrorCode.INVALID, weak);
      }
      hash = PasswordHashing.hash(a.password());
    }
    var account = new StaffAccount(name, displayName(a.displayName(), name), roles, hash, false, people(a.people(), roles),
        0, null, System.currentTimeMillis());
    accounts.set(name, account);
    return account.view();
  }

  /** Every account, by username, without hashes. */
  public Future<List<StaffAccount.View>> all() {
    return blocking(() -> accounts.values().stream().sorted(Comparator.comparing(StaffAccount::username))
        .map(StaffAccount::view).toList());
  }

  /** One account, {@code not_found} when there is none. */
  public Future<StaffAccount> require(String username) {
    String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
    return Future.fromCompletionStage(accounts.getAsync(name), vertx.getOrCreateContext()).compose(a -> a == null
        ? Future.failedFuture(new StaffException(ErrorCode.NOT_FOUND, "no staff account " + username))
        : Future.succeededFuture(a));
  }

  /**
   * Changes an account. The last enabled administrator can neither be disabled nor lose the
   * role (nobody could administer the server any more, and the admin token is retired).
   */
  public Future<StaffAccount.View> update(String username, Change change) {
    return changing(() -> {
      StaffAccount account = existing(username);
      Set<StaffRole> roles = change.roles() == null ? account.roles() : requireRoles(change.roles());
      StaffAccount next = account.with(change.displayName() == null ? account.displayName() : displayName(change.displayName(), account.username()),
          roles, change.people() == null ? account.people() : people(change.people(), roles));
      if (change.disabled() != null && change.disabled() != account.disabled()) {
        next = next.withDisabled(change.disabled());
      }
      boolean stopsAdministering = account.is(StaffRole.ADMINISTRATOR) && !account.disabled()
          && (next.disabled() || !next.is(StaffRole.ADMINISTRATOR));
      if (stopsAdministering && accounts.values().stream()
          .noneMatch(a -> !a.username().equals(account.username()) && a.is(StaffRole.ADMINISTRATOR) && !a.disabled())) {
        throw new StaffException(ErrorCode.CONFLICT, "this is the last enabled administrator: make another one first");
      }
      accounts.set(account.username(), next);
      return next.view();
    });
  }

  /** Sets a new password (an administrator's reset, or a person's own change); every session of the account ends. */
  public Future<StaffAccount.View> setPassword(String username, String password) {
    return changing(() -> {
      StaffAccount account = existing(username);
      if (account.oidcSubject() != null) {
        throw new StaffException(ErrorCode.CONFLICT, "this account logs in through the provider and has no password here");
      }
      String weak = PasswordHashing.weakness(password);
      if (weak != null) {
        throw new StaffException(ErrorCode.INVALID, weak);
      }
      StaffAccount next = account.withPassword(PasswordHashing.hash(password));
      accounts.set(account.username(), next);
      return next.view();
    });
  }

  /**
   * Whether {@code password} is the account's (for a person changing their own), counted by the
   * same throttle as logins, so that a stolen session cannot guess the password at hashing
   * speed. Blocking work on a worker.
   */
  public Future<Boolean> checkPassword(String username, String password, String address) {
    return hashed(() -> {
      throttle.check(username, address);
      StaffAccount account = accounts.get(username);
      boolean right = password != null && password.length() <= PasswordHashing.PASSWORD_MAX
          && account != null && account.passwordHash() != null && PasswordHashing.verify(password, account.passwordHash());
      if (right) {
        throttle.succeeded(username);
      } else {
        throttle.failed(username, address);
      }
      return right;
    });
  }

  private StaffAccount existing(String username) {
    String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
    StaffAccount account = accounts.get(name);
    if (account == null) {
      throw new StaffException(ErrorCode.NOT_FOUND, "no staff account " + username);
    }
    return account;
  }

  /** Renews a hash made with older parameters, unless the password changed meanwhile. */
  record Rehash(String old, String renewed) implements com.hazelcast.map.EntryProcessor<String, StaffAccount, Boolean> {

    @Override
    public Boolean process(java.util.Map.Entry<String, StaffAccount> entry) {
      StaffAccount a = entry.getValue();
      if (a == null || !old.equals(a.passwordHash())) {
        return false;
      }
      entry.setValue(a.withRehash(renewed));
      return true;
    }
  }

  private static String requireUsername(String username) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw new StaffException(ErrorCode.INVALID,
          "a username is 1 to 64 of a-z, 0-9 and . _ @ - (starting with a letter or digit)");
    }
    return name;
  }

  private static Set<StaffRole> requireRoles(Set<StaffRole> roles) {
    if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
      throw new StaffException(ErrorCode.INVALID, "an account needs at least one role: administrator, facilitator or lead_facilitator");
    }
    return Set.copyOf(roles);
  }

  private static List<PersonLink> people(List<PersonLink> people, Set<StaffRole> roles) {
    if (people == null || people.isEmpty()) {
      return List.of();
    }
    if (!roles.contains(StaffRole.FACILITATOR) && !roles.contains(StaffRole.LEAD_FACILITATOR)) {
      throw new StaffException(ErrorCode.INVALID, "only a facilitator's account is linked to people of the roster");
    }
    if (people.stream().anyMatch(java.util.Objects::isNull) || people.size() > 50) {
      throw new StaffException(ErrorCode.INVALID, "an account links 1 to 50 people");
    }
    return new ArrayList<>(new LinkedHashSet<>(people));
  }

  private static String displayName(String name, String username) {
    String shown = name == null || name.isBlank() ? username : name.strip();
    if (shown.length() > NAME_MAX) {
      throw new StaffException(ErrorCode.INVALID, "a display name has at most " + NAME_MAX + " characters");
    }
    return shown;
  }

  private static String decoy() {
    String d = decoy;
    if (d == null) {
      byte[] random = new byte[24];
      RANDOM.nextBytes(random);
      d = PasswordHashing.hash(HexFormat.of().formatHex(random));
      decoy = d;
    }
    return d;
  }

  /** The key a session is kept under: the SHA-256 of its token, so that the map holds no usable token. */
  static String keyOf(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Work that checks a password, on the hashing threads, refused when too many already wait. */
  private <T> Future<T> hashed(Callable<T> work) {
    if (waiting.incrementAndGet() > LOGINS_WAITING_MAX) {
      waiting.decrementAndGet();
      return Future.failedFuture(new StaffException(ErrorCode.RATE_LIMITED, "too many logins at once; try again in a moment", 1));
    }
    return hashing.executeBlocking(work, false).onComplete(done -> waiting.decrementAndGet());
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  /** A change of the accounts: on a worker, one at a time across the cluster, refused on a side without the quorum. */
  private <T> Future<T> changing(Callable<T> work) {
    return blocking(() -> {
      if (!HazelcastSetup.hasQuorum(hazelcast)) {
        throw new StaffException(ErrorCode.INTERNAL,
            "this side of the cluster has fewer members than the quorum; staff accounts cannot change now");
      }
      accounts.lock(CHANGE_LOCK, 30, TimeUnit.SECONDS);
      try {
        return work.call();
      } finally {
        accounts.unlock(CHANGE_LOCK);
      }
    });
  }
}
