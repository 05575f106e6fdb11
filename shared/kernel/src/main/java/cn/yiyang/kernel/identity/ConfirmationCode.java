package cn.yiyang.kernel.identity;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Six-character confirmation codes meant to be read aloud over the phone. The alphabet omits
 * look-alike characters: 0, 1, O, I and L.
 */
public final class ConfirmationCode {

    /** The characters a code may contain. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /** Number of characters in a code. */
    public static final int LENGTH = 6;

    private ConfirmationCode() {
    }

    /** Generates a code using a shared {@link SecureRandom}. */
    public static String generate() {
        return generate(Randomness.SECURE_RANDOM);
    }

    /**
     * Holds the generator apart so that a native executable seeds it when it starts: Quarkus
     * initialises {@code ConfirmationCode} at build time, and a SecureRandom made then would be
     * frozen into the executable, the same seed in every Lambda. This class is initialised at run
     * time (META-INF/native-image/cn.yiyang/yiyang-kernel/native-image.properties).
     */
    static final class Randomness {
        static final SecureRandom SECURE_RANDOM = new SecureRandom();

        private Randomness() {
        }
    }

    /** Generates a code using the given random generator. */
    public static String generate(RandomGenerator rng) {
        return generate(rng, LENGTH);
    }

    /** A longer code of the same alphabet (an invitation, an enrolment code), drawn from {@code rng}. */
    public static String generate(RandomGenerator rng, int length) {
        Objects.requireNonNull(rng, "rng");
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET.charAt(rng.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** {@code true} if the value is exactly {@link #LENGTH} characters, all from {@link #ALPHABET}. */
    public static boolean isWellFormed(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Trims and upper-cases what a caller typed; {@code null} becomes the empty string. The result
     * still has to be checked with {@link #isWellFormed(String)}.
     */
    public static String normalise(String input) {
        return input == null ? "" : input.strip().toUpperCase(Locale.ROOT);
    }
}
