/**
 * Staff accounts: administrators and facilitators who log in with a password (Argon2id) or
 * through the municipality's OpenID Connect provider, and the sessions that their logins begin.
 * Accounts are kept in the journal and shared through Hazelcast; the HTTP routes live in
 * {@code http}.
 */
package org.tingsted.server.staff;
