package cn.yiyang.residents.disclosure;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The append-only log of every disclosure of residents' personal data: written in the transaction that
 * produces the answer (no record, no answer), read by auditors newest first.
 */
@ApplicationScoped
public class DisclosureLog {

    public static final int PAGE_SIZE_MAX = 200;

    private final Clock clock;

    public DisclosureLog(Clock clock) {
        this.clock = clock;
    }

    /** Records one disclosure to the invocation's caller; {@code reason} only for an identity read. */
    public Uni<Disclosure> record(Invocation<?> invocation, DisclosureMethod method, String reason, List<UUID> residents) {
        Disclosure d = new Disclosure();
        d.id = UUID.randomUUID();
        d.county = invocation.county();
        d.disclosedAt = CountyTime.now(clock);
        d.actor = invocation.caller().subject();
        d.kind = method.kind();
        d.method = method;
        d.reason = reason;
        d.requestId = invocation.requestId();
        d.residentIds = String.join(",", residents.stream().map(UUID::toString).toList());
        return d.persistAndFlush().replaceWith(d);
    }

    /** {@code GET /v1/disclosures}: the county's log, newest first, optionally one resident's or one actor's. */
    public Uni<Reply> list(Caller caller, DisclosureQuery query) {
        StringBuilder where = new StringBuilder("county = :county");
        Parameters params = Parameters.with("county", caller.county());
        if (query.residentId() != null) {
            where.append(" and residentIds like :resident");
            params.and("resident", "%" + uuid(query.residentId()) + "%");
        }
        if (query.actor() != null) {
            where.append(" and actor = :actor");
            params.and("actor", query.actor());
        }
        if (query.before() != null) {
            where.append(" and disclosedAt < :before");
            params.and("before", time(query.before()));
        }
        return Disclosure.<Disclosure>find(where.toString(), Sort.descending("disclosedAt", "id"), params)
                .page(0, PAGE_SIZE_MAX).list()
                .map(list -> Reply.ok(new Page(list.stream().map(DisclosureView::of).toList(),
                        list.size() < PAGE_SIZE_MAX ? null : CountyTime.shown(list.get(list.size() - 1).disclosedAt))));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("residentId", "BAD_ID", "A resident id");
        }
    }

    private static OffsetDateTime time(String before) {
        try {
            return OffsetDateTime.parse(before);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("before", "BAD_TIME", "An ISO-8601 time with offset");
        }
    }

    /** {@code GET /v1/disclosures?residentId=&actor=&before=}. */
    @RegisterForReflection
    public record DisclosureQuery(String residentId, String actor, String before) {
    }

    @RegisterForReflection
    public record DisclosureView(UUID id, OffsetDateTime disclosedAt, String actor, Disclosure.Kind kind,
                                 @Nullable DisclosureMethod method, @Nullable String reason, @Nullable String requestId,
                                 List<UUID> residentIds) {
        static DisclosureView of(Disclosure d) {
            return new DisclosureView(d.id, CountyTime.shown(d.disclosedAt), d.actor, d.kind, d.method, d.reason,
                    d.requestId, d.residentIds.isEmpty() ? List.of()
                            : Arrays.stream(d.residentIds.split(",")).map(UUID::fromString).toList());
        }
    }

    /** A page of the log; {@code nextBefore} names the next page's {@code before} when there may be more. */
    @RegisterForReflection
    public record Page(List<DisclosureView> items, @Nullable OffsetDateTime nextBefore) {
    }
}
