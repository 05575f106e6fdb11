package cn.yiyang.timebank.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.timebank.Refusal;
import cn.yiyang.timebank.settings.CountySettings;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Opening an account and paging its statement, and who may act for an account, without a door. */
class AccountRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final CountySettings AGES_20_TO_70 = new CountySettings(480, 14, 90_000, 6_000, 20, 70, 80, Map.of());

    @ParameterizedTest(name = "born {0} → {1}")
    @CsvSource(nullValues = "-", value = {
            "2006-11-21, VOLUNTEER_AGE_OUT_OF_RANGE",
            "2006-11-20, OK",
            "1956-11-20, OK",
            "1955-11-21, OK",
            "1955-11-20, VOLUNTEER_AGE_OUT_OF_RANGE",
    })
    void volunteers_areWithinTheCountysAges_inWholeYears(LocalDate birthDate, String expected) {
        assertThat(Refusal.of(() -> AccountRules.requireVolunteerAge(birthDate, TODAY, AGES_20_TO_70))).isEqualTo(expected);
    }

    @Test
    void aName_isOneToThirtyCharacters_countedAsAPersonCountsThem() {
        String thirtyRareCharacters = "𠮷".repeat(AccountRules.NAME_CHARS_MAX);

        assertThat(AccountRules.name("  小李 ")).isEqualTo("小李");
        assertThat(AccountRules.name(thirtyRareCharacters)).isEqualTo(thirtyRareCharacters);
        assertThat(Refusal.of(() -> AccountRules.name(thirtyRareCharacters + "𠮷"))).isEqualTo("name REQUIRED");
        assertThat(Refusal.of(() -> AccountRules.name(" "))).isEqualTo("name REQUIRED");
        assertThat(Refusal.of(() -> AccountRules.name(null))).isEqualTo("name REQUIRED");
    }

    @ParameterizedTest(name = "limit {0} → {1}")
    @CsvSource(nullValues = "-", value = {"-, 200", "1, 1", "200, 200", "0, limit OUT_OF_RANGE", "201, limit OUT_OF_RANGE",
            "-5, limit OUT_OF_RANGE"})
    void aStatementPage_holdsOneToTwoHundredEntries_allOfThemUnlessAsked(Integer limit, String expected) {
        String[] size = new String[1];
        String answer = Refusal.of(() -> size[0] = Integer.toString(AccountRules.pageSize(limit)));

        assertThat(answer.equals(Refusal.OK) ? size[0] : answer).isEqualTo(expected);
    }

    @ParameterizedTest(name = "before={0} → {1}")
    @CsvSource(nullValues = "-", value = {"-, OK", "E#2026-11-20T01:00:00Z#EARNED-r, OK", "ACCOUNT, before BAD_CURSOR",
            "DAY#2026-11-20, before BAD_CURSOR"})
    void theNextPagesCursor_isAStatementEntrysKey(String before, String expected) {
        assertThat(Refusal.of(() -> AccountRules.cursor(before))).isEqualTo(expected);
    }

    /** The account a-1 belongs to resident a-1, whose card links family f-1 (an operator reaches it: a resident's). */
    @ParameterizedTest(name = "{0} as {1} → {2}")
    @CsvSource({
            "a-1,       RESIDENT,  true",
            "a-1,       VOLUNTEER, true",
            "op-1,      OPERATOR,  true",
            "officer-1, OFFICER,   true",
            "f-1,       FAMILY,    true",
            "f-2,       FAMILY,    false",
            "f-1,       VOLUNTEER, false",
            "v-2,       VOLUNTEER, false",
            "p-1,       PROVIDER,  false",
            "r-2,       RESIDENT,  false",
            "p-1,       APPROVER,  false",
    })
    void anAccount_isActedForByItsHolder_staff_andLinkedFamilyOnly(String subject, Role role, boolean may) {
        Caller caller = new Caller(subject, "330105", Set.of(role));
        ResidentCard card = new ResidentCard("330105", "a-1", "王奶奶", LocalDate.of(1940, 1, 1), Set.of(), null,
                ResidentCard.ACTIVE, null, null, null, Set.of("f-1"));

        assertThat(AccountAccess.mayActFor(caller, ObjectKind.ACCOUNT, Action.READ, "a-1", () -> Optional.of(card))).isEqualTo(may);
    }

    @Test
    void familyActingForAnAccountWithNoResidentCard_isRefused() {
        Caller family = new Caller("f-1", "330105", Set.of(Role.FAMILY));

        assertThat(AccountAccess.mayActFor(family, ObjectKind.ACCOUNT, Action.READ, "vol-9", Optional::empty)).isFalse();
    }

    @Test
    void aFamilyMemberWhoseTokenNamesTheResident_actsForTheirAccount_asTheIdentityFunctionIssuesIt() {
        Caller bound = new Caller("wx-bound", "330105", Set.of(Role.FAMILY), java.util.Map.of(Role.FAMILY, Set.of("a-1")));

        assertThat(AccountAccess.mayActFor(bound, ObjectKind.EXCHANGE, Action.CREATE, "a-1", Optional::empty)).isTrue();
        assertThat(AccountAccess.mayActFor(bound, ObjectKind.EXCHANGE, Action.CREATE, "a-2", Optional::empty)).isFalse();
    }

    /** Issue 13: an operator spent a volunteer's points. A volunteer's account has no resident card under its id. */
    @Test
    void anOperator_reachesResidentsAccountsOnly_neverAVolunteers() {
        Caller operator = new Caller("op-1", "330105", Set.of(Role.OPERATOR));
        ResidentCard card = new ResidentCard("330105", "a-1", "王奶奶", LocalDate.of(1940, 1, 1), Set.of(), null,
                ResidentCard.ACTIVE, null, null, null, Set.of());

        assertThat(AccountAccess.mayActFor(operator, ObjectKind.EXCHANGE, Action.CREATE, "vol-9", Optional::empty)).isFalse();
        assertThat(AccountAccess.mayActFor(operator, ObjectKind.ACCOUNT, Action.READ, "vol-9", Optional::empty)).isFalse();
        assertThat(AccountAccess.mayActFor(operator, ObjectKind.EXCHANGE, Action.CREATE, "a-1", () -> Optional.of(card))).isTrue();
    }
}
