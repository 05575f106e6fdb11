package cn.yiyang.identity.staff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.kernel.problem.ApiException;
import java.nio.charset.StandardCharsets;

/**
 * Staff passwords: bcrypt (at.favre.lib:bcrypt, pure Java, so nothing native to carry into the
 * image) at cost {@value #COST}, and the rules a new password must meet. bcrypt reads at most
 * {@value #BYTES_MAX} bytes, so longer passwords are refused rather than silently cut.
 */
public final class Passwords {

    public static final int COST = 10;
    public static final int CHARS_MIN = 10;
    public static final int BYTES_MAX = 72;

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /** Always does the work of one bcrypt verification, whether an account exists or not. */
    public static boolean matches(String password, String storedHashOrNull) {
        String hash = storedHashOrNull == null ? Nobody.HASH : storedHashOrNull;
        boolean verified = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.US_ASCII)).verified;
        return verified && storedHashOrNull != null;
    }

    /**
     * At least {@value #CHARS_MIN} characters and at most {@value #BYTES_MAX} bytes, letters and digits
     * both, not one repeated character, and not the account's phone number.
     */
    public static void checkRules(String password, String phoneDigits) {
        if (password == null) {
            throw ApiException.invalid("password", "REQUIRED", "A password is required");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean oneChar = password.chars().distinct().count() <= 2;
        if (password.length() < CHARS_MIN || password.getBytes(StandardCharsets.UTF_8).length > BYTES_MAX
                || !letter || !digit || oneChar || (phoneDigits != null && password.contains(phoneDigits))) {
            throw new ApiException(IdentityProblem.PASSWORD_RULES_NOT_MET, "The password must have " + CHARS_MIN
                    + " to " + BYTES_MAX + " bytes, letters and digits, and must not contain the phone number");
        }
    }

    /** Any input that cannot be a password at all: refused before any work, with the same answer as a wrong one. */
    public static boolean isPlausible(String password) {
        return password != null && !password.isEmpty() && password.getBytes(StandardCharsets.UTF_8).length <= BYTES_MAX;
    }

    /** A real hash of a secret nobody knows, made at first use (run time): an unknown phone costs what a wrong password costs. */
    private static final class Nobody {
        private static final String HASH = hash(java.util.UUID.randomUUID() + "a1");
    }
}
