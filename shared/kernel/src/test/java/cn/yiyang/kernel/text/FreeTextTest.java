package cn.yiyang.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.text.FreeText.Violation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FreeTextTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("NUL", "王\u0000阿婆", Violation.CONTROL_CHARACTER),
                Arguments.of("bell", "a\u0007b", Violation.CONTROL_CHARACTER),
                Arguments.of("escape", "\u001b[31m红", Violation.CONTROL_CHARACTER),
                Arguments.of("DEL", "a\u007fb", Violation.CONTROL_CHARACTER),
                Arguments.of("C1 control", "a\u0085b", Violation.CONTROL_CHARACTER),
                Arguments.of("lone high surrogate", "a\ud842b", Violation.UNPAIRED_SURROGATE),
                Arguments.of("lone low surrogate", "a\udfb7", Violation.UNPAIRED_SURROGATE),
                Arguments.of("high surrogate at the end", "a\ud842", Violation.UNPAIRED_SURROGATE),
                Arguments.of("right-to-left override", "abc\u202Egpj.exe", Violation.BIDI_CONTROL),
                Arguments.of("first strong isolate", "a\u2068b", Violation.BIDI_CONTROL),
                Arguments.of("noncharacter U+FFFE", "a\ufffe", Violation.NONCHARACTER),
                Arguments.of("noncharacter U+FDD0", "a\ufdd0", Violation.NONCHARACTER),
                Arguments.of("noncharacter U+1FFFF", "a\ud83f\udfff", Violation.NONCHARACTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void check_refusesTextAStoreCannotHoldOrThatReadsOtherwise(String name, String raw, Violation expected) {
        FreeText.Checked checked = FreeText.check(raw);

        assertThat(checked.ok()).isFalse();
        assertThat(checked.violation()).isEqualTo(expected);
        assertThat(checked.text()).isNull();
    }

    static Stream<Arguments> normalised() {
        return Stream.of(
                Arguments.of("plain Chinese kept", "周阿婆", "周阿婆"),
                Arguments.of("trimmed both ends", "  周阿婆 \t", "周阿婆"),
                Arguments.of("ideographic space trimmed", "\u3000文三路 100 号\u3000", "文三路 100 号"),
                Arguments.of("byte-order mark trimmed", "\ufeff周", "周"),
                Arguments.of("inner spaces kept", "文三路  100 号", "文三路  100 号"),
                Arguments.of("CRLF becomes LF", "一\r\n二\r三", "一\n二\n三"),
                Arguments.of("tab and line feed kept inside", "一\t二\n三", "一\t二\n三"),
                Arguments.of("NFC composes", "e\u0301", "\u00e9"),
                Arguments.of("supplementary character kept", "\ud842\udfb7野", "\ud842\udfb7野"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalised")
    void check_normalisesAcceptedText(String name, String raw, String expected) {
        FreeText.Checked checked = FreeText.check(raw);

        assertThat(checked.violation()).isNull();
        assertThat(checked.text()).isEqualTo(expected);
    }

    @Test
    void length_countsCodePoints_soASupplementaryCharacterIsOne() {
        assertThat(FreeText.length("\ud842\udfb7野家")).isEqualTo(3);
        assertThat(FreeText.check("\ud842\udfb7".repeat(10), 10, false).ok()).isTrue();
        assertThat(FreeText.check("\ud842\udfb7".repeat(11), 10, false).violation()).isEqualTo(Violation.TOO_LONG);
    }

    @Test
    void verbatim_isCheckedButNeverTrimmedOrNormalised() {
        assertThat(FreeText.check(" pass word ", 100, true).text()).isEqualTo(" pass word ");
        assertThat(FreeText.check("e\u0301", 100, true).text()).isEqualTo("e\u0301");
        assertThat(FreeText.check("pa\u0000ss", 100, true).violation()).isEqualTo(Violation.CONTROL_CHARACTER);
    }

    @Test
    void theLimitApplies_afterTrimming() {
        assertThat(FreeText.check("  abc  ", 3, false).text()).isEqualTo("abc");
    }
}
