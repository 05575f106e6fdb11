package cn.yiyang.gateway.problem;

/**
 * An unexpected failure as it may be logged: every exception of the cause chain by its class and stack
 * trace, never by its message. Messages carry input: PostgreSQL's "Failing row contains (…)" and
 * "Key (…)=(…) already exists", a parser's quoted source, a raised exception's text; any of them can hold
 * an ID number or a phone, and nothing logged may.
 */
public final class RedactedFailure extends RuntimeException {

    /** How deep a cause chain is followed; a longer one ends in the last kept cause. */
    public static final int CAUSES_MAX = 12;

    private RedactedFailure(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message withheld: it may hold input)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    public static RedactedFailure of(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < CAUSES_MAX && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        RedactedFailure redacted = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            redacted = new RedactedFailure(chain.get(i), redacted);
        }
        return redacted;
    }
}
