package cn.yiyang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconstruction check finds what a curious reader of one answer would, and nothing on a masked one. */
class ReconstructionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String ID_NUMBER = "330105193805170021";
    private static final String MOBILE = "13805710001";

    @Test
    void theOldMaskBesideTheBirthDate_isCompletedByIt() {
        String answer = """
                {"idNumberMasked":"330105********0021","birthDate":"1938-05-17","age":88,"sex":"FEMALE"}""";

        assertThat(Reconstruction.leaks(answer, List.of(ID_NUMBER), TODAY))
                .anySatisfy(leak -> assertThat(leak).contains("completed by birthDate"))
                .anySatisfy(leak -> assertThat(leak).contains("completions"));
    }

    @Test
    void theOldMaskBesideOnlyTheAge_stillLeavesTooFewCompletions() {
        String answer = """
                {"idNumberMasked":"330105********0021","age":88,"birthYear":1938,"sex":"FEMALE"}""";

        assertThat(Reconstruction.leaks(answer, List.of(ID_NUMBER), TODAY)).singleElement()
                .satisfies(leak -> assertThat(leak).contains("completions"));
    }

    @Test
    void theRulesMasks_besideBirthYearAgeAndSex_giveNothingAway() {
        String answer = """
                {"items":[{"idNumberMasked":"330105************","birthYear":1938,"age":88,"sex":"FEMALE",
                           "phoneMasked":"138****0001","address":{"line":"文三路 18 号 座机0571-****1234"}}]}""";

        assertThat(Reconstruction.leaks(answer, List.of(ID_NUMBER, MOBILE, "0571-88001234"), TODAY)).isEmpty();
    }

    @Test
    void aNumberInFull_orAMaskWhoseHiddenDigitsAnotherFieldCarries_isALeak() {
        assertThat(Reconstruction.leaks("{\"note\":\"电话 138 0571 0001\"}", List.of(MOBILE), TODAY))
                .singleElement().satisfies(leak -> assertThat(leak).contains("in full"));
        assertThat(Reconstruction.leaks("{\"phoneMasked\":\"138****0001\",\"code\":\"0571\"}", List.of(MOBILE), TODAY))
                .singleElement().satisfies(leak -> assertThat(leak).contains("completed by code"));
        assertThat(Reconstruction.leaks("{\"phoneMasked\":\"1380571**01\"}", List.of(MOBILE), TODAY))
                .singleElement().satisfies(leak -> assertThat(leak).contains("hides only 2"));
    }
}
