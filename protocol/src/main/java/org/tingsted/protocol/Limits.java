package org.tingsted.protocol;

/**
 * The limits of what people write and of what a vote may hold: the one definition that the
 * codec, the deliberation model and the web client ({@code contract.js}, written by
 * {@link ClientContract}) all use. Texts are counted in characters as the protocol counts them,
 * Unicode code points ({@link #characters}): an emoji is one character, not two.
 *
 * <p>Plain Java constants and nothing else, so that the deliberation model may use this one
 * class of the protocol module without knowing the wire format (ArchitectureTest).
 */
public final class Limits {

    /** Longest proposal or draft title. */
    public static final int TITLE = 120;
    /** Longest proposal or draft text. */
    public static final int PROPOSAL_TEXT = 2000;
    /** Longest comment. */
    public static final int COMMENT = 1000;
    /** Longest cluster (group) name. */
    public static final int CLUSTER_NAME = 80;
    /** Longest title of an agenda item. */
    public static final int AGENDA_TITLE = 120;
    /** Longest timer label. */
    public static final int TIMER_LABEL = 120;
    /** Longest announcement. */
    public static final int ANNOUNCEMENT = 1000;
    /** Longest reason for hiding or restoring an item, or for withdrawing a draft. */
    public static final int REASON = 500;
    /** Longest video-call link. */
    public static final int VIDEO_LINK = 500;
    /** Most proposals and clusters one vote may list, and most sources one draft may name. */
    public static final int VOTE_ITEMS = 100;
    /** Most dots a member may be given in one dot vote. */
    public static final int DOTS_PER_MEMBER = 100;
    /** Dots each member has in a dot vote that names none. */
    public static final int DEFAULT_DOTS_PER_MEMBER = 5;
    /** The most dots on one item in a dot vote that names none (never more than the dots a member has). */
    public static final int DEFAULT_CAP_PER_ITEM = 3;

    /** Most proposals one member may make at one table; withdrawn and hidden ones count too. */
    public static final int PROPOSALS_PER_MEMBER = 50;
    /** Most comments one member may write at one table; hidden ones count too. */
    public static final int COMMENTS_PER_MEMBER = 300;
    /** Most characters one member may have on one table's board: their proposals' titles and texts, and their comments. */
    public static final int TEXT_PER_MEMBER = 100_000;
    /**
     * Most characters one table's board holds: every proposal's title and text, every comment and
     * every cluster's name. With at most 4 bytes of UTF-8 a character, a full board's snapshot
     * stays within a few megabytes, which every reader can be sent whole.
     */
    public static final int BOARD_TEXT = 400_000;
    /** Most clusters on one table's board at a time. */
    public static final int CLUSTERS = 100;

    private Limits() {
    }

    /** How many characters a text has as the protocol counts them: code points. */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
