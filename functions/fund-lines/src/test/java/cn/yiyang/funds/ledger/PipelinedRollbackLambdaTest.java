package cn.yiyang.funds.ledger;

import static cn.yiyang.funds.FundFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.FundFixtures;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgOperations;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transfer's create and approve run in a pipelined transaction: the audit entry and the idempotency
 * record go out with the COMMIT, their answers checked after it. A failure of any statement still rolls
 * back everything the operation wrote, and a refusal leaves nothing behind. The failing statement is made
 * by the database itself: a trigger that refuses the audit entry of one action in this test's county.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class PipelinedRollbackLambdaTest {

    private static final String REFUSING_FUNCTION = """
            create or replace function funds.test_refuse_audit() returns trigger language plpgsql as $$
            begin
              raise exception 'audit entry refused for the test' using errcode = 'P0001';
            end $$""";

    private final LambdaDoor door = LambdaDoor.ofThisTest();
    private String county;
    private String budget;
    private String payee;
    private String trigger;

    @Inject
    PgOperations pg;

    @BeforeEach
    void aFundedBudgetAndAPayee() {
        county = FundFixtures.newCounty();
        trigger = "test_refuse_audit_" + county;
        FundFixtures.installLines(door, county);
        budget = FundFixtures.fundedBudget(door, county, "MEAL_SUBSIDY", 10_000);
        payee = FundFixtures.payee(door, county, "MEAL_SUBSIDY", "MEAL_POINT", "rollback-point");
    }

    @AfterEach
    void noRefusingTrigger() {
        ddl("drop trigger if exists " + trigger + " on funds.audit_entry");
    }

    @Test
    void aCreateWhoseAuditEntryFailsAtTheCommit_leavesNoTransferNoReservation_andItsRetryIsMadeOnce() {
        refuseAuditEntries("TRANSFER_CREATED");
        long entriesBefore = auditEntries();
        ApiRequest create = FundFixtures.payment(county, budget, payee, 700);

        ApiAnswer failed = door.send(create);

        assertThat(failed.status()).as("the audit INSERT's failure is the operation's").isEqualTo(500);
        assertThat(transfers()).as("transfers in the county besides the appropriation").isEqualTo(1);
        assertThat(balance("debits_pending")).as("the budget's reservation").isZero();
        assertThat(auditEntries()).isEqualTo(entriesBefore);

        noRefusingTrigger();
        String id = expect(door.send(create), 201).json().path("id").asText();
        assertThat(expect(door.send(create), 201).json().path("id").asText()).as("the retry replayed").isEqualTo(id);
        assertThat(transfers()).isEqualTo(2);
        assertThat(balance("debits_pending")).isEqualTo(700);
        assertThat(auditEntries()).isEqualTo(entriesBefore + 1);
    }

    @Test
    void anApprovalWhoseAuditEntryFailsAtTheCommit_leavesThePendingTransferUntouched_andItsRetryPostsOnce() {
        String id = expect(door.send(FundFixtures.payment(county, budget, payee, 700)), 201).json().path("id").asText();
        refuseAuditEntries("TRANSFER_POSTED");
        long entriesBefore = auditEntries();
        ApiRequest approve = FundFixtures.approve(county, id);

        ApiAnswer failed = door.send(approve);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(FundFixtures.transfer(door, county, id).path("status").asText()).isEqualTo("PENDING");
        assertThat(rows("select 1 as found from funds.transfer_approval where transfer_id = cast(?1 as uuid)", id)).isZero();
        assertThat(rows("select 1 as found from funds.transfer_resolution where transfer_id = cast(?1 as uuid)", id)).isZero();
        assertThat(balance("debits_pending")).as("still reserved, not posted").isEqualTo(700);
        assertThat(balance("debits_posted")).isZero();
        assertThat(auditEntries()).isEqualTo(entriesBefore);
        assertThat(rows("select 1 as found from platform.idempotency_record where county = ?1 and function = 'fund-lines'"
                + " and key = ?2", county, approve.headers().get("idempotency-key"))).as("no answer kept for replay").isZero();

        noRefusingTrigger();
        assertThat(expect(door.send(approve), 200).json().path("status").asText()).isEqualTo("POSTED");
        assertThat(expect(door.send(approve), 200).json().path("status").asText()).as("replayed").isEqualTo("POSTED");
        assertThat(balance("debits_pending")).isZero();
        assertThat(balance("debits_posted")).isEqualTo(700);
        assertThat(auditEntries()).isEqualTo(entriesBefore + 1);
    }

    @Test
    void aCreateRefusedForFunds_leavesNoTransferNoReservationAndNoAuditEntry() {
        long entriesBefore = auditEntries();

        ApiAnswer refused = door.send(FundFixtures.payment(county, budget, payee, 10_001));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(transfers()).isEqualTo(1);
        assertThat(balance("debits_pending")).isZero();
        assertThat(auditEntries()).isEqualTo(entriesBefore);
    }

    @Test
    void aSecondApprovalOfAPostedTransfer_isRefused_andWritesNothing() {
        String id = expect(door.send(FundFixtures.payment(county, budget, payee, 700)), 201).json().path("id").asText();
        expect(door.send(FundFixtures.approve(county, id)), 200);
        long entriesBefore = auditEntries();

        ApiAnswer refused = door.send(FundFixtures.approve(county, id));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("ALREADY_RESOLVED");
        assertThat(rows("select 1 as found from funds.transfer_approval where transfer_id = cast(?1 as uuid)", id)).isEqualTo(1);
        assertThat(auditEntries()).isEqualTo(entriesBefore);
        assertThat(balance("debits_posted")).isEqualTo(700);
    }

    private void refuseAuditEntries(String action) {
        ddl(REFUSING_FUNCTION);
        ddl("create trigger " + trigger + " before insert on funds.audit_entry for each row when (new.county = '" + county
                + "' and new.action = '" + action + "') execute function funds.test_refuse_audit()");
    }

    private void ddl(String sql) {
        pg.inTransaction(() -> NativeSql.write(sql));
    }

    private long auditEntries() {
        return rows("select 1 as found from funds.audit_entry where county = ?1", county);
    }

    private long transfers() {
        return rows("select 1 as found from funds.transfer where county = ?1", county);
    }

    private long balance(String column) {
        return pg.inSession(() -> NativeSql.selectOne("select " + column + " as fen from funds.account_balance where account_id = cast(?1 as uuid)",
                budget)).orElseThrow().fen("fen");
    }

    private long rows(String sql, Object... params) {
        List<?> found = pg.inSession(() -> NativeSql.select(sql, params));
        return found.size();
    }
}
