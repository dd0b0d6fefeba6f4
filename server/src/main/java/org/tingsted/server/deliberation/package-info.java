/**
 * The pure deliberation model: a table's board (what members propose, comment, cluster and
 * vote on, and how facilitators moderate it) and a session's plenary (the draft
 * recommendations promoted from the tables, the final vote, the City Council's answers).
 *
 * <p>Everything here is plain Java with no I/O, so it can be tested exhaustively and replayed
 * anywhere. {@link org.tingsted.server.deliberation.Table#decide} turns a
 * {@link org.tingsted.server.deliberation.TableCommand} into events or a
 * {@link org.tingsted.server.deliberation.Rejection};
 * {@link org.tingsted.server.deliberation.Table#evolve} folds events into a
 * {@link org.tingsted.server.deliberation.Board}; {@link org.tingsted.server.deliberation.Visibility}
 * decides what each viewer may see of it. {@link org.tingsted.server.deliberation.Plenary} does
 * the same for a {@link org.tingsted.server.deliberation.SessionBoard}. The records are the wire shape: the server serialises
 * them with Jackson by their components, with the type name added from outside.
 */
package org.tingsted.server.deliberation;
