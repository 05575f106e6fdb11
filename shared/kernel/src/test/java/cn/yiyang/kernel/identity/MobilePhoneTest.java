package cn.yiyang.kernel.identity;

import static cn.yiyang.kernel.identity.IdNumberTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.identity.IdentityFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobilePhoneTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "13800138000",
        " 13800138000 ",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+8613800138000",
        "8613800138000",
        "0086-13800138000",
        "0086 138 0013 8000",
        "(+86)13800138000",
        "（+86）13800138000",
        "１３８００１３８０００",
        "＋８６　１３８　００１３　８０００",
        "138\u00A00013\u00A08000",
        "138\u30000013\u30008000",
    })
    void parse_normalisesToElevenDigits(String raw) {
        assertThat(MobilePhone.parse(raw).value()).isEqualTo("13800138000");
    }

    @Test
    void parse_keepsNumberThatItselfStartsWith86WhenNothingRemainsToStrip() {
        // 11 digits already: "86" is not a country code here, and 86... is not a mobile prefix
        assertThat(failure(() -> MobilePhone.parse("86138001380")).reason()).isEqualTo(Reason.BAD_PREFIX);
    }

    @ParameterizedTest
    @CsvSource({
        "12345678901,    BAD_PREFIX",
        "23800138000,    BAD_PREFIX",
        "10800138000,    BAD_PREFIX",
        "1380013800,     WRONG_LENGTH",
        "138001380001,   WRONG_LENGTH",
        "86138001380,    BAD_PREFIX",
        "861380013800,   WRONG_LENGTH",
        "+861380013800,  NOT_DIGITS",
        "+1 13800138000, NOT_DIGITS",
        "1380013800a,    NOT_DIGITS",
        "138.0013.8000,  NOT_DIGITS",
        "'  ',           WRONG_LENGTH",
    })
    void parse_rejectsBadNumbers(String raw, Reason reason) {
        assertThat(failure(() -> MobilePhone.parse(raw)).reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parse_rejectsMissingInput(String raw) {
        assertThat(failure(() -> MobilePhone.parse(raw)).reason()).isEqualTo(Reason.WRONG_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "1380013800", "23800138000", "138001380001", "1380013800a", "+861380013800"})
    void parse_exceptionMessageNeverContainsInput(String raw) {
        IdentityFormatException e = failure(() -> MobilePhone.parse(raw));

        assertThat(e.getMessage()).doesNotContain(raw);
        assertThat(e.getMessage()).doesNotContain(raw.substring(raw.length() - 4));
    }

    @ParameterizedTest
    @CsvSource({
        "13812345678, 138****5678",
        "19900001111, 199****1111",
        "+86 150 0000 9999, 150****9999",
    })
    void masked_keepsFirstThreeAndLastFour(String raw, String masked) {
        MobilePhone phone = MobilePhone.parse(raw);

        assertThat(phone.masked()).isEqualTo(masked);
        assertThat(phone.toString()).isEqualTo(masked);
    }

    @Test
    void toString_neverRevealsFullNumber() {
        assertThat(MobilePhone.parse("13800138000").toString()).doesNotContain("13800138000");
    }

    @Test
    void equalsAndHashCode_dependOnNormalisedValue() {
        MobilePhone a = MobilePhone.parse("+86 138 0013 8000");
        MobilePhone b = MobilePhone.parse("13800138000");

        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a).isNotEqualTo(MobilePhone.parse("13900138000"));
    }

    @Test
    void isValid_reportsWithoutThrowing() {
        assertThat(MobilePhone.isValid("13800138000")).isTrue();
        assertThat(MobilePhone.isValid("12345678901")).isFalse();
        assertThat(MobilePhone.isValid(null)).isFalse();
    }
}
