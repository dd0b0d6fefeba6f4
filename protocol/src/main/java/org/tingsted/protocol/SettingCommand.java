package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How a table is set up for the day; facilitators only. */
public sealed interface SettingCommand extends TableCommand {

    /**
     * Sets the table's video-call link, which the app shows to remote members; {@code url} null
     * (always written) clears it. Only {@code https://} addresses, at most
     * {@value Limits#VIDEO_LINK} characters.
     */
    record SetVideoLink(String id, String table, @JsonInclude(JsonInclude.Include.ALWAYS) String url)
            implements SettingCommand {

        public SetVideoLink {
            Require.id("id", id);
            Require.optionalId("table", table);
            if (url != null) {
                if (Limits.characters(url) > Limits.VIDEO_LINK) {
                    throw new InvalidField(ErrorCode.TOO_LARGE, "url",
                            "must be at most " + Limits.VIDEO_LINK + " characters");
                }
                if (!url.startsWith("https://") || url.chars().anyMatch(Character::isWhitespace)) {
                    throw new InvalidField(ErrorCode.INVALID, "url", "must be an https:// address");
                }
            }
        }
    }
}
