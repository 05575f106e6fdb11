package cn.yiyang.funds.ledger;

import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.ledger.TransferRequests.TransferFilter;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reading transfers: one, or a page filtered by status and account, newest first. */
@ApplicationScoped
public class TransferQueries {

    public static final int PAGE_SIZE_MAX = 200;

    public Uni<Reply> get(Caller caller, ById request) {
        return find(caller.county(), AccountService.uuid(request.id(), "Transfer")).map(t -> Reply.ok(TransferView.of(t)));
    }

    public Uni<Reply> list(Caller caller, TransferFilter filter) {
        List<Object> params = new ArrayList<>(List.of(caller.county()));
        StringBuilder where = new StringBuilder("where t.county = ?1");
        Optional<String> status = Optional.ofNullable(filter.status());
        if (status.isPresent()) {
            TransferStatus s = parseStatus(status.get());
            if (s == TransferStatus.PENDING) {
                where.append(" and r.outcome is null");
            } else {
                params.add(s.name());
                where.append(" and r.outcome = ?").append(params.size());
            }
        }
        Optional<String> account = Optional.ofNullable(filter.accountId());
        if (account.isPresent()) {
            params.add(AccountService.uuid(account.get(), "Account"));
            where.append(" and (t.debit_account_id = ?").append(params.size())
                    .append(" or t.credit_account_id = ?").append(params.size()).append(')');
        }
        int limit = filter.limit() == null ? PAGE_SIZE_MAX : limit(filter.limit());
        return NativeSql.select(Transfer.SELECT + where + " order by t.created_at desc, t.id limit " + limit, params.toArray())
                .map(rows -> Reply.ok(TransferView.Page.of(rows.stream().map(Transfer::of).toList())));
    }

    /** The county's transfer, or 404. */
    public static Uni<Transfer> find(String county, UUID id) {
        return NativeSql.selectOne(Transfer.SELECT + "where t.id = ?1 and t.county = ?2", id, county)
                .map(row -> row.map(Transfer::of).orElseThrow(() -> ApiException.notFound("Transfer")));
    }

    private static TransferStatus parseStatus(String text) {
        try {
            return TransferStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "BAD_STATUS", "PENDING, POSTED, REJECTED, VOIDED or EXPIRED");
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > PAGE_SIZE_MAX) {
            throw ApiException.invalid("limit", "OUT_OF_RANGE", "1 to " + PAGE_SIZE_MAX);
        }
        return limit;
    }
}
