package cn.yiyang.funds.batches;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * From a transfer a posted batch made to the item behind it: the resident and band, the beds and residents, or the
 * caregiver's assignments (caregiver, bed, certificate level, rate).
 */
public final class BatchTraces {

    private BatchTraces() {
    }

    @RegisterForReflection
    public record BatchTrace(UUID batchId, BatchKind kind, String month, int seq, @Nullable String residentId,
                             @Nullable Integer age, @Nullable String band, @Nullable Integer bedDays,
                             @Nullable List<BatchItem.BedLine> beds, @Nullable List<BatchItem.PostLine> posts) {
    }

    /** The posted batch item that made the transfer under this key, or null when no batch made it. */
    public static Uni<BatchTrace> of(String county, String clientKey) {
        return NativeSql.selectOne("""
                        select i.batch_id, b.kind, b.month, i.seq
                        from funds.batch_item i join funds.batch b on b.id = i.batch_id
                        join funds.batch_resolution r on r.batch_id = b.id and r.outcome = 'POSTED'
                        where b.county = ?1 and i.client_key = ?2""", county, clientKey)
                .flatMap(row -> {
                    if (row.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    SqlRow r = row.get();
                    UUID batch = r.uuid("batch_id");
                    int seq = (int) r.number("seq");
                    return BatchQueries.items(batch, seq - 1, 1).map(items -> {
                        BatchItem i = items.get(0);
                        return new BatchTrace(batch, BatchKind.valueOf(r.text("kind")), r.text("month"), seq,
                                i.residentId(), i.age(), i.band(), i.bedDays(), i.beds(), i.posts());
                    });
                });
    }
}
