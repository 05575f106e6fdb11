package cn.yiyang.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfirmationCodeTest {

    @Test
    void alphabet_hasNoLookAlikes() {
        assertThat(ConfirmationCode.ALPHABET).isEqualTo("23456789ABCDEFGHJKMNPQRSTUVWXYZ");
        assertThat(ConfirmationCode.ALPHABET).doesNotContain("0", "1", "O", "I", "L");
    }

    @Test
    void generate_producesSixAlphabetCharacters() {
        String code = ConfirmationCode.generate();

        assertThat(code).hasSize(6);
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(ConfirmationCode.isWellFormed(code)).isTrue();
    }

    @Test
    void generate_tenThousandCodesNeverContainLookAlikes() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            String code = ConfirmationCode.generate(rng);
            assertThat(code).hasSize(6);
            assertThat(code).doesNotContain("0", "O", "1", "I", "L");
            assertThat(ConfirmationCode.isWellFormed(code)).isTrue();
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(ConfirmationCode.generate()).doesNotContain("0", "O", "1", "I", "L");
        }
    }

    @Test
    void generate_usesTheWholeAlphabet() {
        SplittableRandom rng = new SplittableRandom(7);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            seen.append(ConfirmationCode.generate(rng));
        }
        for (char c : ConfirmationCode.ALPHABET.toCharArray()) {
            assertThat(seen.indexOf(String.valueOf(c))).as("char %s", c).isNotEqualTo(-1);
        }
    }

    @Test
    void generate_isDeterministicForSeededGenerator() {
        assertThat(ConfirmationCode.generate(new SplittableRandom(1)))
                .isEqualTo(ConfirmationCode.generate(new SplittableRandom(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC234", "ZZZZZZ", "222222", "K7M9PQ"})
    void isWellFormed_acceptsAlphabetCodes(String code) {
        assertThat(ConfirmationCode.isWellFormed(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ABC23", "ABC2345", "abc234", "ABC 23", "ABCO23", "ABC023", "ABCI23", "ABC123", "ABCL23"})
    void isWellFormed_rejectsOtherValues(String code) {
        assertThat(ConfirmationCode.isWellFormed(code)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "' abc234 ', ABC234",
        "k7m9pq,     K7M9PQ",
        "ABC234,     ABC234",
    })
    void normalise_trimsAndUpperCases(String input, String expected) {
        String normalised = ConfirmationCode.normalise(input);

        assertThat(normalised).isEqualTo(expected);
        assertThat(ConfirmationCode.isWellFormed(normalised)).isTrue();
    }

    @Test
    void normalise_leavesLookAlikesForIsWellFormedToReject() {
        assertThat(ConfirmationCode.isWellFormed(ConfirmationCode.normalise("abco23"))).isFalse();
        assertThat(ConfirmationCode.normalise(null)).isEqualTo("");
    }
}
