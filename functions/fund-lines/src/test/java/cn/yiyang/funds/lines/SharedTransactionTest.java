package cn.yiyang.funds.lines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.funds.FundFixtures;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgOperations;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Entities and NativeSql's statements on the session's own connection are one transaction: what one
 * operation wrote both ways commits together, or (a failure after both writes) rolls back together;
 * and a native read sees the entity written just before it (the session is flushed first).
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class SharedTransactionTest {

    @Inject
    PgOperations pg;

    @Test
    void aFailureAfterAnEntityWriteAndANativeWrite_rollsBackBoth() {
        String county = FundFixtures.newCounty();
        UUID line = UUID.randomUUID();

        assertThatThrownBy(() -> pg.inTransaction(() -> writeBoth(county, line)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("fails after both writes")))))
                .hasMessageContaining("fails after both writes");

        assertThat(settingExists(county)).as("the entity's row").isFalse();
        assertThat(lineExists(line)).as("the native row").isFalse();
    }

    @Test
    void bothWritesOfOneOperation_commitTogether_andTheNativeReadSeesTheEntity() {
        String county = FundFixtures.newCounty();
        UUID line = UUID.randomUUID();

        long seenInside = pg.inTransaction(() -> writeBoth(county, line).chain(() -> NativeSql.selectOne(
                "select pending_expiry_hours from funds.county_setting where county = ?1", county))
                .map(row -> row.orElseThrow().number("pending_expiry_hours")));

        assertThat(seenInside).isEqualTo(24);
        assertThat(settingExists(county)).isTrue();
        assertThat(lineExists(line)).isTrue();
    }

    private static Uni<Integer> writeBoth(String county, UUID line) {
        FundCountySetting setting = new FundCountySetting();
        setting.county = county;
        setting.dualApprovalAboveFen = 100;
        setting.pendingExpiryHours = 24;
        setting.changedBy = "test";
        setting.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return setting.<FundCountySetting>persist().chain(() -> NativeSql.write(
                "insert into funds.fund_line (id, county, code, name, created_at) values (?1, ?2, 'TX_TEST', '事务', ?3)",
                line, county, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private boolean settingExists(String county) {
        return pg.inSession(() -> NativeSql.selectOne("select 1 as found from funds.county_setting where county = ?1", county))
                .isPresent();
    }

    private boolean lineExists(UUID line) {
        return pg.inSession(() -> NativeSql.selectOne("select 1 as found from funds.fund_line where id = ?1", line)).isPresent();
    }
}
