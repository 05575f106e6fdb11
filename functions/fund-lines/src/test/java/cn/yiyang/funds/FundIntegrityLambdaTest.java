package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.approve;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static cn.yiyang.funds.FundFixtures.officer;
import static cn.yiyang.funds.FundFixtures.payee;
import static cn.yiyang.funds.FundFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.StoresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the Lambda door and the database itself can show: the insert-only tables, tampering found, the expiry job. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class FundIntegrityLambdaTest {

    private final LambdaDoor door = LambdaDoor.ofThisTest();
    private String county;
    private String budget;
    private String point;

    @BeforeEach
    void aFundedBudgetAndAPayee() {
        county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        budget = fundedBudget(door, county, "MEAL_SUBSIDY", 100_000);
        point = payee(door, county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-1");
    }

    @AfterEach
    void realTime() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void theLedgerAndTheTrail_refuseUpdateDeleteAndTruncate_evenFromTheApplicationsOwnConnection() {
        java.util.Map<String, String> aColumn = java.util.Map.of("transfer", "memo", "transfer_resolution", "reason",
                "transfer_approval", "approver", "audit_entry", "actor", "account", "name", "fund_line", "name");
        for (String table : aColumn.keySet()) {
            String column = aColumn.get(table);
            String update = FundProbe.tryStatement("update funds." + table + " set " + column + " = " + column);
            String delete = FundProbe.tryStatement("delete from funds." + table);
            String truncate = FundProbe.tryStatement("truncate funds." + table + " cascade");
            assertThat(update).as("update " + table).contains("insert-only");
            assertThat(delete).as("delete " + table).contains("insert-only");
            assertThat(truncate).as("truncate " + table).contains("insert-only");
        }
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aTransferAlteredInTheDatabase_isFoundByVerify() {
        String id = expect(door.send(payment(county, budget, point, 700)), 201).json().path("id").asText();
        expect(door.send(approve(county, id)), 200);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();

        assertThat(FundProbe.tamper("update funds.transfer set amount_fen = 70 where id = ?1", UUID.fromString(id))).isEqualTo(1);

        JsonNode verified = FundFixtures.verify(door, county);
        assertThat(verified.path("valid").asBoolean()).isFalse();
        assertThat(verified.path("firstBreak").path("kind").asText()).isEqualTo("TRANSFER_ALTERED");
        assertThat(verified.path("firstBreak").path("subjectId").asText()).isEqualTo(id);
    }

    @Test
    void anAuditEntryAlteredInTheDatabase_isNamedByItsSequenceNumber() {
        expect(door.send(payment(county, budget, point, 300)), 201);
        long seq = FundProbe.number("select max(seq) - 1 from funds.audit_entry where county = ?1", county);

        FundProbe.tamper("update funds.audit_entry set actor = 'someone-else' where county = ?1 and seq = ?2", county, seq);

        JsonNode verified = FundFixtures.verify(door, county);
        assertThat(verified.path("valid").asBoolean()).isFalse();
        assertThat(verified.path("firstBreak").path("kind").asText()).isEqualTo("ENTRY_ALTERED");
        assertThat(verified.path("firstBreak").path("seq").asLong()).isEqualTo(seq);
    }

    @Test
    void aDeletedAuditEntry_andABalanceChangedBehindTheLedger_areFound() {
        expect(door.send(payment(county, budget, point, 300)), 201);
        String other = FundFixtures.newCounty();
        FundFixtures.installLines(door, other);
        String otherBudget = fundedBudget(door, other, "MEAL_SUBSIDY", 5_000);

        FundProbe.tamper("delete from funds.audit_entry where county = ?1 and seq = 2", county);
        FundProbe.tamper("update funds.account_balance set credits_posted = credits_posted + 1 where account_id = ?1",
                UUID.fromString(otherBudget));

        assertThat(FundFixtures.verify(door, county).path("firstBreak").path("kind").asText()).isEqualTo("MISSING_ENTRY");
        JsonNode otherVerified = FundFixtures.verify(door, other);
        assertThat(otherVerified.path("firstBreak").path("kind").asText()).isEqualTo("BALANCE_MISMATCH");
        assertThat(otherVerified.path("firstBreak").path("subjectId").asText()).isEqualTo(otherBudget);
    }

    @Test
    void aPendingTransferPastItsDeadline_cannotBeApproved_andTheHourlyJobExpiresIt() {
        expect(door.send(ApiRequest.of("PUT", "/v1/fund-settings", "{\"dualApprovalAboveFen\":5000000,\"pendingExpiryHours\":1}")
                .bearer(officer(county))), 200);
        String id = expect(door.send(payment(county, budget, point, 40_000)), 201).json().path("id").asText();
        MutableClock.INSTANCE.setTo(Instant.now().plus(Duration.ofMinutes(61)));

        ApiAnswer late = door.send(approve(county, id));
        ApiAnswer job = door.invoke(FundRoutes.EXPIRE_PENDING.event(List.of(county)));
        ApiAnswer again = door.invoke(FundRoutes.EXPIRE_PENDING.event(List.of(county)));

        assertThat(late.code()).isEqualTo("TRANSFER_EXPIRED");
        assertThat(job.status()).isEqualTo(200);
        assertThat(job.json().path("runs").get(0).path("answer").asText()).contains("\"expired\":1");
        assertThat(again.json().path("runs").get(0).path("answer").asText()).contains("\"expired\":0");
        assertThat(FundFixtures.transfer(door, county, id).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(FundFixtures.account(door, county, budget).path("available").asLong()).as("released").isEqualTo(100_000);
        assertThat(FundFixtures.verify(door, county).path("valid").asBoolean()).isTrue();
    }
}
