package cn.yiyang.kernel.identity;

import java.util.Objects;

/**
 * Thrown when an identity value (resident ID number, mobile phone number) cannot be parsed.
 *
 * <p>The message is built only from fixed text and the {@link Reason}; it never contains the
 * rejected input, because that input is personal data and exception messages end up in logs.
 */
public final class IdentityFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a value was rejected. */
    public enum Reason {
        /** Wrong number of characters (after normalisation). */
        WRONG_LENGTH,
        /** Contains characters that are not allowed at their position. */
        NOT_DIGITS,
        /** The ISO 7064 MOD 11-2 check character does not match. */
        BAD_CHECKSUM,
        /** The embedded birth date is not a real date, lies in the future or before 1880. */
        IMPOSSIBLE_BIRTH_DATE,
        /** The administrative division code is not plausible. */
        BAD_REGION,
        /** The mobile number does not start with a mainland mobile prefix (1[3-9]). */
        BAD_PREFIX,
        /** A landline without its area code, in a county that has no default one. */
        AREA_CODE_REQUIRED
    }

    private final Reason reason;

    /** Creates an exception whose message is derived from the reason only. */
    public IdentityFormatException(Reason reason) {
        this("identity value", reason);
    }

    /**
     * @param subject a fixed, non-personal description of what was parsed (never the input)
     */
    IdentityFormatException(String subject, Reason reason) {
        super(subject + " rejected: " + describe(Objects.requireNonNull(reason, "reason")));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case WRONG_LENGTH -> "wrong length";
            case NOT_DIGITS -> "contains characters that are not allowed";
            case BAD_CHECKSUM -> "check character does not match";
            case IMPOSSIBLE_BIRTH_DATE -> "embedded birth date is impossible";
            case BAD_REGION -> "division code is not valid";
            case BAD_PREFIX -> "not a mainland mobile number prefix";
            case AREA_CODE_REQUIRED -> "a landline needs its area code";
        };
    }
}
