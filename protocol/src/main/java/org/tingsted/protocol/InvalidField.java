package org.tingsted.protocol;

/**
 * Thrown by the compact constructors of messages when a field breaks a rule. The codec turns it
 * into a {@link ProtocolException} with the same code; code that builds messages sees an
 * {@link IllegalArgumentException}.
 */
final class InvalidField extends IllegalArgumentException {

    private final ErrorCode code;
    private final String field;
    private final String problem;

    InvalidField(ErrorCode code, String field, String problem) {
        super("field '" + field + "' " + problem);
        this.code = code;
        this.field = field;
        this.problem = problem;
    }

    ErrorCode code() {
        return code;
    }

    String field() {
        return field;
    }

    String problem() {
        return problem;
    }
}
