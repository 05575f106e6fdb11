package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.auditor;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.officer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A resident's payout account: set and changed by officers only, stored encrypted, shown masked, every change recorded. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class PayoutAccountLambdaTest {

    private static final String CARD = "6222021234567890123";
    private static final String NEW_CARD = "6217001234500009876";

    private final LambdaDoor door = LambdaDoor.ofThisTest();

    private static ApiRequest put(String county, String resident, String number, String reason) {
        return ApiRequest.of("PUT", "/v1/payout-accounts/" + resident, """
                {"kind":"BANK_CARD","bankCode":"ICBC","accountNumber":"%s","holderName":"王秀英","reason":"%s"}"""
                .formatted(number, reason)).bearer(officer(county));
    }

    @Test
    void anOfficerSetsAndChangesTheAccount_storedEncrypted_shownMasked_eachChangeAVersionWithItsReason_andAudited() {
        String county = FundFixtures.newCounty();
        String resident = BatchFixtures.resident(county, BatchFixtures.thisMonth(), 85, ResidentCard.ACTIVE);

        JsonNode set = expect(door.send(put(county, resident, "6222 0212 3456 7890 123", "首次登记代发账户")), 200).json();
        JsonNode again = expect(door.send(put(county, resident, CARD, "首次登记代发账户")), 200).json();
        JsonNode changed = expect(door.send(put(county, resident, NEW_CARD, "原卡挂失，换新卡")), 200).json();
        JsonNode read = expect(door.send(ApiRequest.get("/v1/payout-accounts/" + resident).bearer(auditor(county))), 200).json();

        assertThat(set.path("current").path("accountMasked").asText()).isEqualTo("6222***********0123");
        assertThat(set.path("current").path("version").asInt()).isEqualTo(1);
        assertThat(again.path("current").path("version").asInt()).as("the same account again changes nothing").isEqualTo(1);
        assertThat(changed.path("current").path("version").asInt()).isEqualTo(2);
        assertThat(read.path("current").path("accountMasked").asText()).isEqualTo("6217***********9876");
        assertThat(read.path("history").findValuesAsText("reason")).containsExactly("原卡挂失，换新卡", "首次登记代发账户");
        assertThat(read.path("history").findValuesAsText("changedBy")).containsOnly("officer-1");
        assertThat(read.toString()).doesNotContain(CARD).doesNotContain(NEW_CARD);
        assertThat(FundProbe.number("""
                select count(*) from funds.payout_account where county = ?1 and resident_id = ?2
                  and (position(convert_to(?3, 'UTF8') in account_protected) > 0 or position(convert_to(?4, 'UTF8') in account_protected) > 0)""",
                county, resident, CARD, NEW_CARD)).as("no number stored in the clear").isZero();
        assertThat(FundProbe.column("select payload from funds.audit_entry where county = ?1 and action = 'PAYOUT_ACCOUNT_SET' order by seq",
                county)).hasSize(2).allSatisfy(payload -> assertThat(payload).doesNotContain(CARD).doesNotContain(NEW_CARD))
                .anySatisfy(payload -> assertThat(payload).contains("原卡挂失"));
        assertThat(FundProbe.tryStatement("update funds.payout_account set bank_code = 'BOC'")).contains("insert-only");
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void onlyAnOfficerChangesIt_anotherCountysResidentIsNotFound_andBadFieldsAreNamed() {
        String county = FundFixtures.newCounty();
        String resident = BatchFixtures.resident(county, BatchFixtures.thisMonth(), 85, ResidentCard.ACTIVE);
        String stranger = FundFixtures.newCounty();

        ApiAnswer byApprover = door.send(put(county, resident, CARD, "审批人不能改").bearer(approver(county)));
        ApiAnswer strangersResident = door.send(put(stranger, resident, CARD, "外县"));
        ApiAnswer unknown = door.send(ApiRequest.get("/v1/payout-accounts/" + resident).bearer(auditor(county)));
        ApiAnswer bad = door.send(ApiRequest.of("PUT", "/v1/payout-accounts/" + resident,
                "{\"kind\":\"CASH\",\"bankCode\":\"icbc\",\"accountNumber\":\"6222-0212\",\"holderName\":\" \",\"reason\":\"\"}")
                .bearer(officer(county)));

        assertThat(byApprover.status()).isEqualTo(403);
        assertThat(strangersResident.status()).isEqualTo(404);
        assertThat(unknown.status()).as("no account set yet").isEqualTo(404);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("kind", "bankCode", "accountNumber", "holderName", "reason");
        assertThat(bad.body()).doesNotContain("6222-0212");
        assertThat(bad.json().path("userMessage").asText()).isNotBlank();
    }
}
