package cn.yiyang.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.yiyang.kernel.identity.IdentityFormatException.Reason;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    // Every fixture's check character was computed with ISO 7064 MOD 11-2 and checked by hand,
    // e.g. 11010519491231002X: sum = 167, 167 mod 11 = 2 -> 'X';
    //      330105199001011233: sum = 174, 174 mod 11 = 9 -> '3'.

    @ParameterizedTest
    @CsvSource({
        // raw,                 value,              birthDate,  sex,    region, masked
        "11010519491231002X,    11010519491231002X, 1949-12-31, FEMALE, 110105, 110105************",
        "330105199001011233,    330105199001011233, 1990-01-01, MALE,   330105, 330105************",
        "330105200001010041,    330105200001010041, 2000-01-01, FEMALE, 330105, 330105************",
        "440304200002290014,    440304200002290014, 2000-02-29, MALE,   440304, 440304************",
        "440304198507153218,    440304198507153218, 1985-07-15, MALE,   440304, 440304************",
        "320106197211110454,    320106197211110454, 1972-11-11, MALE,   320106, 320106************",
        "510102188001010020,    510102188001010020, 1880-01-01, FEMALE, 510102, 510102************",
    })
    void parse_acceptsValidNumbersAndDerivesFields(
            String raw, String value, LocalDate birthDate, Sex sex, String region, String masked) {
        IdNumber id = IdNumber.parse(raw, TODAY);

        assertThat(id.value()).isEqualTo(value);
        assertThat(id.birthDate()).isEqualTo(birthDate);
        assertThat(id.sex()).isEqualTo(sex);
        assertThat(id.regionCode()).isEqualTo(region);
        assertThat(id.masked()).isEqualTo(masked);
    }

    @Test
    void parse_trimsAndUpperCasesTrailingX() {
        IdNumber id = IdNumber.parse("  11010519491231002x \t", TODAY);

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id).isEqualTo(IdNumber.parse("11010519491231002X", TODAY));
    }

    @Test
    void parse_withoutTodayUsesCurrentDate() {
        assertThat(IdNumber.parse("11010519491231002X").birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"330105199001011234", "110105194912310021", "440304200002290015", "32010619721111045X"})
    void parse_rejectsBadChecksum(String raw) {
        assertThat(failure(() -> IdNumber.parse(raw, TODAY)).reason()).isEqualTo(Reason.BAD_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105491231002", "11010519491231002", "11010519491231002X1", "1101051949123100211"})
    void parse_rejectsWrongLengthIncluding15DigitNumbers(String raw) {
        assertThat(failure(() -> IdNumber.parse(raw, TODAY)).reason()).isEqualTo(Reason.WRONG_LENGTH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void parse_rejectsMissingInputAsWrongLength(String raw) {
        assertThat(failure(() -> IdNumber.parse(raw, TODAY)).reason()).isEqualTo(Reason.WRONG_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1101051949123100AX",
        "11010519491231002Y",
        "X10105194912310020",
        "11010519491231-02X",
        "１１０１０５１９４９１２３１００２Ｘ",
    })
    void parse_rejectsLetters(String raw) {
        assertThat(failure(() -> IdNumber.parse(raw, TODAY)).reason()).isEqualTo(Reason.NOT_DIGITS);
    }

    @ParameterizedTest
    @CsvSource({
        "110105199902300015, 30 February",
        "110105199013010018, month 13",
        "110105187912310016, before 1880",
        "110105202406020019, day after today",
    })
    void parse_rejectsImpossibleBirthDate(String raw, String why) {
        assertThat(failure(() -> IdNumber.parse(raw, TODAY)).reason()).as(why).isEqualTo(Reason.IMPOSSIBLE_BIRTH_DATE);
    }

    @Test
    void parse_acceptsBirthDateEqualToToday() {
        assertThat(IdNumber.parse("110105202406010013", TODAY).birthDate()).isEqualTo(TODAY);
    }

    @Test
    void parse_rejectsFutureBirthDate() {
        String bornTomorrow = "110105202406020019";

        assertThat(failure(() -> IdNumber.parse(bornTomorrow, TODAY)).reason())
                .isEqualTo(Reason.IMPOSSIBLE_BIRTH_DATE);
        assertThat(IdNumber.parse(bornTomorrow, TODAY.plusDays(1)).birthDate()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void parse_rejectsRegionStartingWithZero() {
        assertThat(failure(() -> IdNumber.parse("010105199001010017", TODAY)).reason()).isEqualTo(Reason.BAD_REGION);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "330105199001011234",
        "110105491231002",
        "1101051949123100AX",
        "110105199902300015",
        "110105202406020019",
        "010105199001010017",
        "  11010519491231002 ",
    })
    void parse_exceptionMessageNeverContainsInput(String raw) {
        IdentityFormatException e = failure(() -> IdNumber.parse(raw, TODAY));

        assertThat(e.getMessage()).doesNotContain(raw.strip());
        assertThat(e.getMessage()).doesNotContain(raw.strip().substring(0, 6));
        assertThat(e.getMessage()).doesNotContain(raw.strip().substring(6, 14));
    }

    @Test
    void toString_returnsMaskedFormOnly() {
        IdNumber id = IdNumber.parse("11010519491231002X", TODAY);

        assertThat(id.toString()).isEqualTo("110105************");
        assertThat(id.toString()).doesNotContain("19491231").doesNotContain("002X");
        assertThat(id.masked()).hasSize(18);
    }

    @Test
    void masked_keepsOnlyTheDivisionCode_hidingBirthDateAndTail() {
        assertThat(IdNumber.parse("330105199001011233", TODAY).masked()).isEqualTo("330105************");
    }

    @ParameterizedTest
    @CsvSource({
        "1949-12-31, 0",
        "1950-12-30, 0",
        "1950-12-31, 1",
        "2024-06-01, 74",
        "2024-12-31, 75",
    })
    void ageOn_countsCompletedYears(LocalDate on, int expectedAge) {
        assertThat(IdNumber.parse("11010519491231002X", TODAY).ageOn(on)).isEqualTo(expectedAge);
    }

    @Test
    void ageOn_countsLeapDayBirthdays() {
        IdNumber leap = IdNumber.parse("440304200002290014", TODAY);

        assertThat(leap.ageOn(LocalDate.of(2001, 2, 28))).isEqualTo(0);
        assertThat(leap.ageOn(LocalDate.of(2001, 3, 1))).isEqualTo(1);
        assertThat(leap.ageOn(LocalDate.of(2004, 2, 29))).isEqualTo(4);
    }

    @Test
    void ageOn_rejectsDateBeforeBirth() {
        IdNumber id = IdNumber.parse("11010519491231002X", TODAY);

        Throwable t = catchThrowable(() -> id.ageOn(LocalDate.of(1949, 12, 30)));

        assertThat(t).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.getMessage()).doesNotContain("1949");
    }

    @Test
    void equalsAndHashCode_dependOnValue() {
        IdNumber a = IdNumber.parse("11010519491231002x", TODAY);
        IdNumber b = IdNumber.parse("11010519491231002X", TODAY);
        IdNumber c = IdNumber.parse("330105199001011233", TODAY);

        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void isValid_reportsWithoutThrowing() {
        assertThat(IdNumber.isValid("11010519491231002X", TODAY)).isTrue();
        assertThat(IdNumber.isValid("11010519491231002Y", TODAY)).isFalse();
        assertThat(IdNumber.isValid(null, TODAY)).isFalse();
    }

    static IdentityFormatException failure(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(IdentityFormatException.class);
        return (IdentityFormatException) t;
    }
}
