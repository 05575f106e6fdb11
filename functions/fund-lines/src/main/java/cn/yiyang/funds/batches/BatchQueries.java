package cn.yiyang.funds.batches;

import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.batches.BatchRequests.BatchFilter;
import cn.yiyang.funds.batches.BatchRequests.ReportPage;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading batches: a page of the county's batches, or one batch with its per-item report. */
@ApplicationScoped
public class BatchQueries {

    public static final int PAGE_SIZE_MAX = 100;

    @RegisterForReflection
    public record Page(List<BatchReports.Summary> items) {
    }

    public Uni<Reply> get(Caller caller, ReportPage request) {
        UUID id = AccountService.uuid(request.id(), "Batch");
        int afterSeq = afterSeq(request.afterSeq());
        return NativeSql.selectOne(Batch.SELECT + "where b.id = ?1 and b.county = ?2", id, caller.county())
                .flatMap(row -> row.isPresent() ? BatchReports.view(Batch.of(row.get()), afterSeq)
                        // not a batch yet (or ever): its creation
                        : BatchCreation.find(caller.county(), id).map(BatchCreation::view))
                .map(Reply::ok);
    }

    public Uni<Reply> list(Caller caller, BatchFilter filter) {
        List<Object> params = new ArrayList<>(List.of(caller.county()));
        StringBuilder where = new StringBuilder("where b.county = ?1");
        if (filter.month() != null) {
            params.add(BatchRules.month(filter.month()).toString());
            where.append(" and b.month = ?").append(params.size());
        }
        if (filter.kind() != null) {
            params.add(BatchRules.kind(filter.kind()).name());
            where.append(" and b.kind = ?").append(params.size());
        }
        String creations = where.toString().replace("b.", "c.") + " and c.state <> 'CREATED'";
        return NativeSql.select(BatchCreation.Creation.SELECT + creations + " order by c.month desc, c.kind, c.attempt desc limit "
                        + PAGE_SIZE_MAX, params.toArray())
                .flatMap(unmade -> NativeSql.select(Batch.SELECT + where + " order by b.month desc, b.kind, b.attempt desc limit "
                                + PAGE_SIZE_MAX, params.toArray())
                        .map(rows -> {
                            List<BatchReports.Summary> page = new ArrayList<>();
                            unmade.forEach(r -> page.add(BatchCreation.view(BatchCreation.Creation.of(r)).batch()));
                            rows.forEach(r -> page.add(BatchReports.Summary.of(Batch.of(r))));
                            return Reply.ok(new Page(page.subList(0, Math.min(page.size(), PAGE_SIZE_MAX))));
                        }));
    }

    /** The county's batch, or 404. */
    public static Uni<Batch> find(String county, UUID id) {
        return NativeSql.selectOne(Batch.SELECT + "where b.id = ?1 and b.county = ?2", id, county)
                .map(row -> row.map(Batch::of).orElseThrow(() -> ApiException.notFound("Batch")));
    }

    /** Items in sequence, after {@code afterSeq}, at most {@code limit}; bed lines attached to BED items, post lines to caregivers'. */
    static Uni<List<BatchItem>> items(UUID batch, int afterSeq, int limit) {
        return NativeSql.select(BatchItem.SELECT + "where i.batch_id = ?1 and i.seq > ?2 order by i.seq limit " + limit, batch, afterSeq)
                .map(rows -> rows.stream().map(BatchItem::of).toList())
                .flatMap(items -> withPosts(batch, items))
                .flatMap(items -> items.isEmpty() || items.get(0).bedDays() == null || !"BED".equals(items.get(0).causeType())
                        ? Uni.createFrom().item(items)
                        : NativeSql.select("""
                                        select seq, occupancy_id, bed_code, resident_id, care_level, days, daily_rate_fen, uplift_percent,
                                               amount_fen
                                        from funds.batch_item_bed where batch_id = ?1 and seq between ?2 and ?3
                                        order by seq, bed_code, occupancy_id""",
                                        batch, items.get(0).seq(), items.get(items.size() - 1).seq())
                                .map(rows -> items.stream().map(item -> item.withBeds(rows.stream()
                                        .filter(r -> r.number("seq") == item.seq())
                                        .map(r -> new BatchItem.BedLine(r.uuid("occupancy_id"), r.text("bed_code"), r.text("resident_id"),
                                                r.text("care_level"), (int) r.number("days"), r.fen("daily_rate_fen"),
                                                (int) r.number("uplift_percent"), r.fen("amount_fen")))
                                        .toList())).toList()));
    }

    private static Uni<List<BatchItem>> withPosts(UUID batch, List<BatchItem> items) {
        if (items.isEmpty() || !BatchKind.CAREGIVER_POST.causeType().equals(items.get(0).causeType())) {
            return Uni.createFrom().item(items);
        }
        return NativeSql.select("""
                        select seq, assignment_id, caregiver_id, bed_code, certificate_level, rate_version, days, daily_rate_fen, amount_fen
                        from funds.batch_item_post where batch_id = ?1 and seq between ?2 and ?3
                        order by seq, bed_code, assignment_id, rate_version""", batch, items.get(0).seq(), items.get(items.size() - 1).seq())
                .map(rows -> items.stream().map(item -> item.withPosts(rows.stream()
                        .filter(r -> r.number("seq") == item.seq())
                        .map(r -> new BatchItem.PostLine(r.uuid("assignment_id"), r.uuid("caregiver_id"), r.text("bed_code"),
                                r.text("certificate_level"), (int) r.number("rate_version"), (int) r.number("days"),
                                r.fen("daily_rate_fen"), r.fen("amount_fen")))
                        .toList())).toList());
    }

    private static int afterSeq(Integer afterSeq) {
        if (afterSeq == null) {
            return 0;
        }
        if (afterSeq < 0) {
            throw ApiException.invalid("afterSeq", "BAD_NUMBER", "An item sequence number, 0 or more");
        }
        return afterSeq;
    }
}
