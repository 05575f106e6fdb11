package cn.yiyang.funds.settlements;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.settlements.SettlementRequests.HeldVisitsOfMonth;
import cn.yiyang.funds.settlements.SettlementRequests.VisitDecision;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import cn.yiyang.stores.pg.settlements.BookingSettlementFeed;
import cn.yiyang.stores.pg.settlements.CompletedVisit;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Visits flagged far too short (service-bookings' check-out flags them) are held out of the provider's
 * settlement until an officer decides, once, with a reason: RELEASED, and the next monthly run pays it (once:
 * a visit is never in two live settlements), with the provider's month or, when that month is settled already or
 * the provider has none, on its own ({@link ReleasedVisits}); or REJECTED, and it is never paid.
 */
@ApplicationScoped
public class HeldVisits {

    public static final int REASON_CHARS_MAX = 200;
    /** Released visits one settlement pays besides its month's own: far more than a provider's backlog. */
    public static final int RELEASED_PER_SETTLEMENT_MAX = 5_000;

    /** Resolutions after which a settlement pays nothing and what it held is free to be settled again. */
    static final String DEAD_OUTCOMES = "('REJECTED', 'EXPIRED', 'VOIDED')";

    public enum State { HELD, RELEASED, REJECTED }

    @RegisterForReflection
    public record HeldVisit(String bookingId, String providerId, String residentId, LocalDate date, long amountFen, State state,
                            @Nullable String reason, @Nullable String decidedBy, @Nullable OffsetDateTime decidedAt,
                            @Nullable String paidIn) {
    }

    @RegisterForReflection
    public record Page(String month, List<HeldVisit> items) {
    }

    private final AuditTrail audit;
    private final Clock clock;

    public HeldVisits(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code GET /v1/held-visits?month=}: the month's flagged visits, each with its decision and where it was paid. */
    public Uni<Reply> list(Caller caller, HeldVisitsOfMonth request) {
        YearMonth month;
        try {
            month = YearMonth.parse(request.month() == null ? "" : request.month());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("month", "BAD_MONTH", "A month YYYY-MM");
        }
        String county = caller.county();
        return BookingSettlementFeed.flaggedShort(county, month).flatMap(visits -> decisions(county,
                        visits.stream().map(CompletedVisit::bookingId).toList())
                .map(decided -> Reply.ok(new Page(month.toString(), visits.stream()
                        .map(v -> view(v, decided.get(v.bookingId()))).toList()))));
    }

    public Uni<Reply> release(Caller caller, VisitDecision request) {
        return decide(caller, request, State.RELEASED);
    }

    public Uni<Reply> reject(Caller caller, VisitDecision request) {
        return decide(caller, request, State.REJECTED);
    }

    private Uni<Reply> decide(Caller caller, VisitDecision request, State decision) {
        UUID booking = AccountService.uuid(request.id(), "Visit");
        if (request.reason() == null || request.reason().isBlank() || FreeText.length(request.reason()) > REASON_CHARS_MAX) {
            throw ApiException.invalid("reason", "REQUIRED", "Why, 1 to " + REASON_CHARS_MAX + " characters");
        }
        String county = caller.county();
        String reason = request.reason().strip();
        OffsetDateTime now = CountyTime.now(clock);
        return BookingSettlementFeed.visitsById(county, List.of(booking.toString())).flatMap(found -> {
            if (found.isEmpty()) {
                throw new ApiException(CommonProblem.NOT_FOUND, "No completed subsidised visit " + booking + " in this county");
            }
            CompletedVisit visit = found.get(0);
            if (!visit.flaggedShort()) {
                throw new ApiException(FundProblem.VISIT_NOT_HELD, "The visit was not flagged short: it is settled as any other");
            }
            return NativeSql.write("""
                            insert into funds.visit_decision (county, booking_id, provider_id, decision, reason, decided_by, decided_at)
                            values (?1, ?2, cast(?3 as uuid), ?4, ?5, ?6, ?7) on conflict do nothing""",
                            county, booking, visit.providerId(), decision.name(), reason, caller.subject(), now)
                    .flatMap(inserted -> {
                        if (inserted == 0) {
                            throw new ApiException(FundProblem.VISIT_ALREADY_DECIDED, "The visit was released or rejected before");
                        }
                        return audit.append(county, caller.subject(), "VISIT_" + decision.name(), "VISIT", visit.bookingId(),
                                fact(visit, decision, reason), now);
                    })
                    .replaceWith(Reply.ok(new HeldVisit(visit.bookingId(), visit.providerId(), visit.residentId(), visit.date(),
                            visit.subsidyFen(), decision, reason, caller.subject(), now, null)));
        });
    }

    /** The provider's released visits that no live settlement holds yet: what its next settlement pays. */
    static Uni<List<String>> releasedUnpaid(String county, String providerId) {
        return NativeSql.select("""
                        select d.booking_id::text as booking_id from funds.visit_decision d
                        where d.county = ?1 and d.provider_id = cast(?2 as uuid) and d.decision = 'RELEASED'
                          and not exists (""" + LIVE_ITEM + " and i.item_ref = d.booking_id::text)"
                        + " order by d.booking_id limit " + RELEASED_PER_SETTLEMENT_MAX, county, providerId)
                .map(rows -> rows.stream().map(r -> r.text("booking_id")).toList());
    }

    /** An item of a settlement that still pays (pending or posted); the caller adds its own conditions. */
    static final String LIVE_ITEM = """
            select 1 from funds.settlement_item i
            join funds.transfer t on t.county = i.county and t.client_key = i.settlement_key
            left join funds.transfer_resolution r on r.transfer_id = t.id
            where i.county = ?1 and coalesce(r.outcome, 'PENDING') not in """ + DEAD_OUTCOMES;

    private static Uni<Map<String, SqlRow>> decisions(String county, List<String> bookingIds) {
        if (bookingIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return NativeSql.select("""
                        select d.booking_id::text as booking_id, d.decision, d.reason, d.decided_by, d.decided_at,
                               (select i.settlement_key from funds.settlement_item i
                                join funds.transfer t on t.county = i.county and t.client_key = i.settlement_key
                                left join funds.transfer_resolution r on r.transfer_id = t.id
                                where i.county = d.county and i.item_ref = d.booking_id::text
                                  and coalesce(r.outcome, 'PENDING') not in """ + DEAD_OUTCOMES + """
                                 limit 1) as settlement_key
                        from funds.visit_decision d
                        where d.county = ?1 and d.booking_id::text in (select jsonb_array_elements_text(cast(cast(?2 as text) as jsonb)))""",
                        county, StrictJson.write(bookingIds))
                .map(rows -> {
                    Map<String, SqlRow> byId = new HashMap<>();
                    rows.forEach(r -> byId.put(r.text("booking_id"), r));
                    return byId;
                });
    }

    private static HeldVisit view(CompletedVisit v, SqlRow decided) {
        if (decided == null) {
            return new HeldVisit(v.bookingId(), v.providerId(), v.residentId(), v.date(), v.subsidyFen(), State.HELD, null, null,
                    null, null);
        }
        return new HeldVisit(v.bookingId(), v.providerId(), v.residentId(), v.date(), v.subsidyFen(),
                State.valueOf(decided.text("decision")), decided.text("reason"), decided.text("decided_by"),
                CountyTime.shown(decided.time("decided_at")), decided.text("settlement_key"));
    }

    private static Map<String, Object> fact(CompletedVisit visit, State decision, String reason) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("bookingId", visit.bookingId());
        fact.put("providerId", visit.providerId());
        fact.put("residentId", visit.residentId());
        fact.put("date", visit.date().toString());
        fact.put("amountFen", visit.subsidyFen());
        fact.put("decision", decision.name());
        fact.put("reason", reason);
        return fact;
    }
}
