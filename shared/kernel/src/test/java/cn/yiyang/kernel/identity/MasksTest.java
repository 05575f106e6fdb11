package cn.yiyang.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id=11010519491231002X ok              | id=110105************ ok",
        "id=11010519491231002x                 | id=110105************",
        "身份证330105199001011233已登记        | 身份证330105************已登记",
        "phone 13800138000 called              | phone 138****8000 called",
        "tel:13812345678,                      | tel:138****5678,",
        "手机13812345678                       | 手机138****5678",
        "+8613800138000                        | +86138****8000",
        "0086 13800138000                      | 0086 138****8000",
        "138 0013 8000                         | 138****8000",
        "138-0013-8000                         | 138****8000",
        "a 13800138000 and 11010519491231002X  | a 138****8000 and 110105************",
        "座机0571-88001234                     | 座机0571-****1234",
        "tel 010 6552 1234                     | tel 010 6552 1234",
        "tel 010 65521234                      | tel 010-****1234",
        "(0571)8800123 转                      | (0571)8800123 转",
        "0571 8800123                          | 0571-****123",
    })
    void inText_masksIdsAndMobiles(String text, String expected) {
        assertThat(Masks.inText(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "order 123456789012345 total",
        "ts=1717200000123",
        "12345678901",
        "1380013800",
        "call 23800138000",
        "long 1101051949123100201",
        "x 213800138000 y",
        "nothing here",
    })
    void inText_leavesOtherNumbersAlone(String text) {
        assertThat(Masks.inText(text)).isEqualTo(text);
    }

    @Test
    void inText_masksWithoutValidatingChecksum() {
        assertThat(Masks.inText("330105199001011234")).isEqualTo("330105************");
    }

    @Test
    void inText_matchesValueObjectMasks() {
        IdNumber id = IdNumber.parse("11010519491231002X", java.time.LocalDate.of(2024, 6, 1));
        MobilePhone phone = MobilePhone.parse("13812345678");

        assertThat(Masks.inText(id.value())).isEqualTo(id.masked());
        assertThat(Masks.inText(phone.value())).isEqualTo(phone.masked());
    }

    @Test
    void anIdNumberMask_hidesTheBirthDateAndTheTail_soAgeAndBirthYearBesideItLeaveTheRuleItsCompletions() {
        String masked = IdNumber.parse("11010519491231002X", java.time.LocalDate.of(2024, 6, 1)).masked();

        assertThat(masked).isEqualTo("110105************");
        assertThat(masked.chars().filter(c -> c == '*').count()).isEqualTo(12);
        // a birth year and an age still leave every day of a year and every sequence of that sex:
        // 366 × 500 completions, above the rule's floor
        assertThat(366 * 500).isGreaterThanOrEqualTo(Masks.COMPLETIONS_MIN);
    }

    @Test
    void mobileAndLandlineMasks_hideFourDigits() {
        assertThat(Masks.mobile("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.landline("0571", "88001234")).isEqualTo("0571-****1234");
        assertThat(Masks.landline("010", "6552123")).isEqualTo("010-****123");
    }

    @Test
    void inText_handlesNullAndEmpty() {
        assertThat(Masks.inText(null)).isNull();
        assertThat(Masks.inText("")).isEqualTo("");
    }
}
