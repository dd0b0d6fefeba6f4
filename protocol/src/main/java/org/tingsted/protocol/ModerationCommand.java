package org.tingsted.protocol;

/** A facilitator hides a proposal or comment from the table, or restores it, with a reason. */
public sealed interface ModerationCommand extends TableCommand {

    /** The proposal or comment id acted on. */
    String item();

    /** Why, as shown to the table and kept in the record. */
    String reason();

    record Hide(String id, String table, String item, String reason) implements ModerationCommand {

        public Hide {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("item", item);
            Require.text("reason", reason, Limits.REASON);
        }
    }

    record Restore(String id, String table, String item, String reason) implements ModerationCommand {

        public Restore {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("item", item);
            Require.text("reason", reason, Limits.REASON);
        }
    }
}
