package cn.yiyang.funds.batches;

import cn.yiyang.stores.pg.SqlRow;
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
            select i.seq, i.payee_account_id, a.name as payee_name, i.client_key, i.amount_fen, i.cause_type, i.cause_ref, i.resident_id,
                   i.age, i.band, i.bed_days
            from funds.batch_item i join funds.account a on a.id = i.payee_account_id
            """;

    static BatchItem of(SqlRow r) {
        return new BatchItem((int) r.number("seq"), r.uuid("payee_account_id"), r.text("payee_name"), r.text("client_key"),
                r.fen("amount_fen"), r.text("cause_type"), r.text("cause_ref"), r.text("resident_id"), r.integerOrNull("age"),
                r.text("band"), r.integerOrNull("bed_days"), List.of(), List.of());
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
