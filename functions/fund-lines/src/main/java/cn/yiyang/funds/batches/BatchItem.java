package cn.yiyang.funds.batches;

import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * One payment a batch makes: to a resident (ALLOWANCE: age and band), an institution (BED: bed-days
 * and the bed lines behind it) or a caregiver (CAREGIVER_POST: bed-days and the assignments behind them).
 * Its client key makes it one transfer for ever.
 */
public record BatchItem(int seq, UUID payeeAccountId, String payeeName, String clientKey, long amountFen,
                        String causeType, String causeRef, String residentId, Integer age, String band, Integer bedDays,
                        List<BedLine> beds, List<PostLine> posts) {

    /** One occupancy an institution is paid for: the bed, the resident, the days and the rate applied. */
    @RegisterForReflection
    public record BedLine(UUID occupancyId, String bedCode, String residentId, String careLevel, int days, long dailyRateFen,
                          int upliftPercent, long amountFen) {
    }

    /**
     * One assignment a caregiver is paid for at one rate version: the bed, the certificate level, the days
     * that counted (assigned, the bed occupied, the certificate valid) and the rate in force on them.
     */
    @RegisterForReflection
    public record PostLine(UUID assignmentId, UUID caregiverId, String bedCode, String certificateLevel, int rateVersion,
                           int days, long dailyRateFen, long amountFen) {
    }

    static final String SELECT = """
            select i.seq, i.payee_account_id, a.name, i.client_key, i.amount_fen, i.cause_type, i.cause_ref, i.resident_id,
                   i.age, i.band, i.bed_days
            from funds.batch_item i join funds.account a on a.id = i.payee_account_id
            """;

    static BatchItem of(Object[] r) {
        return new BatchItem((int) NativeSql.number(r[0]), NativeSql.uuid(r[1]), NativeSql.text(r[2]), NativeSql.text(r[3]),
                NativeSql.number(r[4]), NativeSql.text(r[5]), NativeSql.text(r[6]), NativeSql.text(r[7]),
                r[8] == null ? null : (int) NativeSql.number(r[8]), NativeSql.text(r[9]),
                r[10] == null ? null : (int) NativeSql.number(r[10]), List.of(), List.of());
    }

    BatchItem withBeds(List<BedLine> lines) {
        return new BatchItem(seq, payeeAccountId, payeeName, clientKey, amountFen, causeType, causeRef, residentId, age, band,
                bedDays, List.copyOf(lines), posts);
    }

    BatchItem withPosts(List<PostLine> lines) {
        return new BatchItem(seq, payeeAccountId, payeeName, clientKey, amountFen, causeType, causeRef, residentId, age, band,
                bedDays, beds, List.copyOf(lines));
    }
}
