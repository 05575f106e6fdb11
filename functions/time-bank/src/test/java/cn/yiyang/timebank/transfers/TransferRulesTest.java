package cn.yiyang.timebank.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.timebank.Refusal;
import cn.yiyang.timebank.accounts.Ledger;
import cn.yiyang.timebank.settings.CountySettings;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gifts, donations and grants without a door: the bounds of a move, gifts to family only, the yearly cap, grant priority. */
class TransferRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @ParameterizedTest(name = "{0} points → {1}")
    @CsvSource({"1, OK", "60000, OK", "0, points OUT_OF_RANGE", "-10, points OUT_OF_RANGE", "60001, points OUT_OF_RANGE"})
    void everyMove_isOneToAThousandHoursOfPoints(long points, String expected) {
        assertThat(Ledger.MOVE_POINTS_MAX).isEqualTo(60_000);
        assertThat(Refusal.of(() -> TransferRules.requirePoints(points))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "giver {0}, card {1} linking {2} → {3}")
    @CsvSource({
            "v-1, r-1, v-1, OK",
            "v-1, r-1, v-2, GIFT_RECIPIENT_NOT_FAMILY",
            "r-1, r-1, r-1, GIFT_RECIPIENT_NOT_FAMILY",
    })
    void aGift_goesOnlyToAResidentTheRegistryLinksTheGiverTo_neverToOneself(String giver, String resident, String family,
                                                                            String expected) {
        ResidentCard parent = card(resident, LocalDate.of(1940, 1, 1), Set.of(), Set.of(family), ResidentCard.ACTIVE);

        assertThat(Refusal.of(() -> TransferRules.requireGiftRecipient(parent, giver))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "given {0} this year, +{1}, cap {2} → admitted {3}")
    @CsvSource({
            "0,   60,  100, true",
            "60,  50,  100, false",
            "60,  40,  100, true",
            "100, 1,   100, false",
            "0,   100, 100, true",
            "0,   101, 100, false",
            "0,   1,   0,   false",
    })
    void theYearlyGiftCap_admitsAGiftOnlyWhileTheYearHasRoomForAllOfIt(long given, long points, long cap, boolean admitted) {
        assertThat(TransferRules.yearlyCapAdmits(given, points, cap)).isEqualTo(admitted);
        assertThat(given + points <= cap).as("the same as never passing the cap").isEqualTo(admitted);
    }

    @ParameterizedTest(name = "{0} at once, cap {1} → {2}")
    @CsvSource({"100, 100, OK", "101, 100, GIFT_CAP_EXCEEDED", "1, 0, GIFT_CAP_EXCEEDED"})
    void aSingleGiftLargerThanTheYearlyCap_isRefusedOutright(long points, long cap, String expected) {
        assertThat(Refusal.of(() -> TransferRules.requireWithinYearlyCap(points, cap))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "born {0}, categories [{1}], priority age 80 → {2}")
    @CsvSource(nullValues = "-", value = {
            "1950-01-01, TEKUN,   OK",
            "1960-06-01, DUJU,    OK",
            "1936-11-20, -,       OK",
            "1946-11-20, -,       OK",
            "1946-11-21, -,       GRANT_NOT_PRIORITY",
            "1961-01-01, -,       GRANT_NOT_PRIORITY",
            "1961-01-01, KONGCHAO, GRANT_NOT_PRIORITY",
    })
    void grants_goToHardshipCategories_orResidentsOfTheCountysPriorityAge(LocalDate birthDate, String category,
                                                                         String expected) {
        ResidentCard resident = card("r-1", birthDate, category == null ? Set.of() : Set.of(category), Set.of(),
                ResidentCard.ACTIVE);
        CountySettings rules = new CountySettings(480, 14, 90_000, 6_000, 18, 75, 80, Map.of());

        assertThat(Refusal.of(() -> TransferRules.requirePriority(resident, TODAY, rules))).isEqualTo(expected);
    }

    @Test
    void pointsGoOnlyToAnActiveResident() {
        assertThat(Refusal.of(() -> TransferRules.requireActive(card("r-1", TODAY.minusYears(90), Set.of(), Set.of(),
                "DECEASED")))).isEqualTo("RESIDENT_INACTIVE");
        assertThat(Refusal.of(() -> TransferRules.requireActive(card("r-1", TODAY.minusYears(90), Set.of(), Set.of(),
                ResidentCard.ACTIVE)))).isEqualTo(Refusal.OK);
    }

    @Test
    void aGrantsReason_isOneToAHundredCharacters() {
        assertThat(TransferRules.reason(" 独居困难老人 ")).isEqualTo("独居困难老人");
        assertThat(Refusal.of(() -> TransferRules.reason("因".repeat(TransferRules.REASON_CHARS_MAX)))).isEqualTo(Refusal.OK);
        assertThat(Refusal.of(() -> TransferRules.reason("因".repeat(TransferRules.REASON_CHARS_MAX + 1))))
                .isEqualTo("reason REQUIRED");
        assertThat(Refusal.of(() -> TransferRules.reason(null))).isEqualTo("reason REQUIRED");
    }

    private static ResidentCard card(String id, LocalDate birthDate, Set<String> categories, Set<String> family,
                                     String status) {
        return new ResidentCard("330105", id, "王奶奶", birthDate, categories, null, status, null, null, null, family);
    }
}
