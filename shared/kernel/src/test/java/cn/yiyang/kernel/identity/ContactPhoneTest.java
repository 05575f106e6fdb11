package cn.yiyang.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactPhoneTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0571-88001234      | LANDLINE | 0571-88001234 | 0571-****1234",
        "(0571) 8800 1234   | LANDLINE | 0571-88001234 | 0571-****1234",
        "057188001234       | LANDLINE | 0571-88001234 | 0571-****1234",
        "88001234           | LANDLINE | 0571-88001234 | 0571-****1234",
        "８８００１２３４   | LANDLINE | 0571-88001234 | 0571-****1234",
        "010-65521234       | LANDLINE | 010-65521234  | 010-****1234",
        "0571-8800123       | LANDLINE | 0571-8800123  | 0571-****123",
        "138 0013 8000      | MOBILE   | 13800138000   | 138****8000",
        "+8613800138000     | MOBILE   | 13800138000   | 138****8000",
    })
    void everyNotationOfALine_normalisesToOneValue(String raw, ContactPhone.Kind kind, String value, String masked) {
        ContactPhone phone = ContactPhone.parse(raw, "0571");

        assertThat(phone.kind()).isEqualTo(kind);
        assertThat(phone.value()).isEqualTo(value);
        assertThat(phone.masked()).isEqualTo(masked);
        assertThat(phone.toString()).isEqualTo(masked);
    }

    @Test
    void aLocalNumber_needsTheCountysAreaCode_whenTheCountyHasNone() {
        assertThatThrownBy(() -> ContactPhone.parse("88001234", null))
                .isInstanceOfSatisfying(IdentityFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityFormatException.Reason.AREA_CODE_REQUIRED));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "123          | WRONG_LENGTH",
        "12800138000  | BAD_PREFIX",
        "0571-0800123 | BAD_PREFIX",
        "0571-88001234x | NOT_DIGITS",
    })
    void neitherAMobileNorALandline_isRefusedWithAReason(String raw, IdentityFormatException.Reason reason) {
        assertThatThrownBy(() -> ContactPhone.parse(raw, "0571"))
                .isInstanceOfSatisfying(IdentityFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
