package cn.yiyang.funds.batches;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.lines.FundLine;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a planned batch set-based: a chunk of items travels as one JSON parameter and becomes rows
 * through {@code json_to_recordset} in one INSERT … SELECT, so a county of 100,000 residents costs a
 * few dozen round trips, not one per item. The residents' (or caregivers') payee accounts are opened the same way,
 * recorded by one audit entry per chunk (how many, and a hash over the accounts opened).
 */
final class BatchItemsWriter {

    /** The batch's items, and the stage a batch created by the job fills first ({@link BatchCreation}). */
    static final String ITEMS = "funds.batch_item";
    static final String STAGED_ITEMS = "funds.batch_item_staged";
    /** Items per statement: about 1 MB of JSON text. */
    static final int ITEMS_PER_STATEMENT_MAX = 5_000;
    /** A street code longer than this is not kept on the item (the report groups it as unknown). */
    static final int STREET_CODE_CHARS_MAX = 20;

    private BatchItemsWriter() {
    }

    /** Opens every resident (or caregiver) payee account the items need that the line does not hold yet. */
    static Uni<Void> openPayeeAccounts(AuditTrail audit, String county, String actor, UUID batch, FundLine line, BatchKind kind,
                                       List<PlannedItem> items, int from, OffsetDateTime now) {
        if (from >= items.size()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> wanted = new ArrayList<>();
        for (PlannedItem item : chunk(items, from)) {
            if (item.payeeAccountId() == null) {
                wanted.add(Map.of("ref", item.payeeRef(), "name", item.payeeName()));
            }
        }
        Uni<Void> opened = wanted.isEmpty() ? Uni.createFrom().voidItem() : NativeSql.selectOne("""
                        with wanted as (select * from json_to_recordset(cast(cast(?1 as text) as json)) as x(ref text, name text)),
                        opened as (
                          insert into funds.account (id, county, fund_line_id, kind, payee_type, payee_ref, name, created_at)
                          select gen_random_uuid(), ?2, ?3, 'PAYEE', ?5, w.ref, w.name, ?4 from wanted w
                          on conflict do nothing
                          returning id, payee_ref, name),
                        balances as (insert into funds.account_balance (account_id, floor_enforced) select id, true from opened)
                        select count(*) as accounts_opened, coalesce(encode(sha256(convert_to(string_agg(concat_ws('|', id, payee_ref,
                                 name), chr(10) order by payee_ref), 'UTF8')), 'hex'), '') as accounts_hash
                        from opened""", StrictJson.write(wanted), county, line.id(), now, kind.payeeType())
                .flatMap(row -> {
                    long count = row.orElseThrow().number("accounts_opened");
                    if (count == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Map<String, Object> fact = new LinkedHashMap<>();
                    fact.put("batchId", batch.toString());
                    fact.put("fundLine", line.code());
                    fact.put("payeeType", kind.payeeType());
                    fact.put("accountsOpened", count);
                    fact.put("accountsHash", row.get().text("accounts_hash"));
                    return audit.append(county, actor, "ACCOUNTS_OPENED", "BATCH", batch.toString(), fact, now);
                });
        return opened.flatMap(v -> openPayeeAccounts(audit, county, actor, batch, line, kind, items, from + ITEMS_PER_STATEMENT_MAX,
                now));
    }

    /** The items, seq 1…n in the order planned, each naming its payee account (given, or the resident's on the line). */
    static Uni<Void> insertItems(String table, UUID batch, FundLine line, BatchKind kind, List<PlannedItem> items, int from) {
        if (from >= items.size()) {
            return Uni.createFrom().voidItem();
        }
        List<PlannedItem> chunk = chunk(items, from);
        List<Map<String, Object>> rows = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            PlannedItem item = chunk.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", from + i + 1);
            row.put("payee", item.payeeAccountId() == null ? null : item.payeeAccountId().toString());
            row.put("ref", item.payeeRef());
            row.put("key", item.clientKey());
            row.put("amount", item.amountFen());
            row.put("resident", item.residentId());
            row.put("age", item.age());
            row.put("band", item.band());
            row.put("bed_days", item.bedDays());
            row.put("street", street(item.streetCode()));
            rows.add(row);
        }
        return NativeSql.write("insert into " + table + """
                         (batch_id, seq, payee_account_id, client_key, amount_fen, cause_type, cause_ref,
                          resident_id, age, band, bed_days, street_code)
                        select ?1, x.seq, coalesce(x.payee, a.id), x.key, x.amount, ?2, x.key, x.resident, x.age, x.band, x.bed_days,
                               x.street
                        from json_to_recordset(cast(cast(?3 as text) as json)) as x(seq int, payee uuid, ref text, key text, amount bigint,
                               resident text, age smallint, band text, bed_days int, street text)
                        left join funds.account a on x.payee is null and a.fund_line_id = ?4 and a.kind = 'PAYEE'
                          and a.payee_type = ?5 and a.payee_ref = x.ref""",
                        batch, kind.causeType(), StrictJson.write(rows), line.id(), kind.payeeType())
                .map(inserted -> {
                    if (inserted != chunk.size()) {
                        throw new IllegalStateException("batch " + batch + ": " + inserted + " of " + chunk.size() + " items written");
                    }
                    return inserted;
                })
                // bed subsidies and caregiver posts are always made in their request (BatchService): their lines go with the items
                .flatMap(v -> ITEMS.equals(table) ? insertBedLines(batch, chunk, from) : Uni.createFrom().voidItem())
                .flatMap(v -> ITEMS.equals(table) ? insertPostLines(batch, chunk, from) : Uni.createFrom().voidItem())
                .flatMap(v -> insertItems(table, batch, line, kind, items, from + ITEMS_PER_STATEMENT_MAX));
    }

    private static Uni<Void> insertBedLines(UUID batch, List<PlannedItem> chunk, int from) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            for (BatchItem.BedLine l : chunk.get(i).beds()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seq", from + i + 1);
                row.put("occupancy", l.occupancyId().toString());
                row.put("bed_code", l.bedCode());
                row.put("resident", l.residentId());
                row.put("care_level", l.careLevel());
                row.put("days", l.days());
                row.put("rate", l.dailyRateFen());
                row.put("uplift", l.upliftPercent());
                row.put("amount", l.amountFen());
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return NativeSql.write("""
                        insert into funds.batch_item_bed (batch_id, seq, occupancy_id, bed_code, resident_id, care_level, days,
                          daily_rate_fen, uplift_percent, amount_fen)
                        select ?1, x.seq, x.occupancy, x.bed_code, x.resident, x.care_level, x.days, x.rate, x.uplift, x.amount
                        from json_to_recordset(cast(cast(?2 as text) as json)) as x(seq int, occupancy uuid, bed_code text, resident text,
                               care_level text, days int, rate bigint, uplift int, amount bigint)""",
                batch, StrictJson.write(rows)).replaceWithVoid();
    }

    private static Uni<Void> insertPostLines(UUID batch, List<PlannedItem> chunk, int from) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            for (BatchItem.PostLine l : chunk.get(i).posts()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seq", from + i + 1);
                row.put("assignment", l.assignmentId().toString());
                row.put("caregiver", l.caregiverId().toString());
                row.put("bed_code", l.bedCode());
                row.put("level", l.certificateLevel());
                row.put("version", l.rateVersion());
                row.put("days", l.days());
                row.put("rate", l.dailyRateFen());
                row.put("amount", l.amountFen());
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return NativeSql.write("""
                        insert into funds.batch_item_post (batch_id, seq, assignment_id, caregiver_id, bed_code, certificate_level,
                          rate_version, days, daily_rate_fen, amount_fen)
                        select ?1, x.seq, x.assignment, x.caregiver, x.bed_code, x.level, x.version, x.days, x.rate, x.amount
                        from json_to_recordset(cast(cast(?2 as text) as json)) as x(seq int, assignment uuid, caregiver uuid, bed_code text,
                               level text, version int, days int, rate bigint, amount bigint)""",
                batch, StrictJson.write(rows)).replaceWithVoid();
    }

    private static List<PlannedItem> chunk(List<PlannedItem> items, int from) {
        return items.subList(from, Math.min(items.size(), from + ITEMS_PER_STATEMENT_MAX));
    }

    private static String street(String code) {
        return code == null || code.isBlank() || code.length() > STREET_CODE_CHARS_MAX ? null : code;
    }
}
