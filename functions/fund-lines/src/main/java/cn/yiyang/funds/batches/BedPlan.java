package cn.yiyang.funds.batches;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.beds.CareLevel;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the month's 一床一码 subsidy pays each institution: for every occupancy overlapping the month,
 * the days of [admitted on, discharged on) inside the month (the admission day counts, the discharge
 * day does not), at the daily rate raised for the care level recorded at admission; one item per
 * institution, its bed lines kept as the item's detail.
 */
final class BedPlan {

    /** Occupancies one month's batch reads at most. */
    static final int OCCUPANCIES_MAX = 20_000;

    private BedPlan() {
    }

    static String clientKey(YearMonth month, UUID institutionAccountId) {
        return "beds:" + month + ":" + institutionAccountId;
    }

    static Uni<List<PlannedItem>> of(String county, YearMonth month, BedPolicy policy) {
        return NativeSql.select("""
                        select o.id, b.code, o.resident_id, o.care_level, b.institution_account_id, a.name as institution_name,
                               upper(o.during * daterange(?2, ?3, '[)')) - lower(o.during * daterange(?2, ?3, '[)')) as days
                        from funds.occupancy o join funds.bed b on b.id = o.bed_id
                        join funds.account a on a.id = b.institution_account_id
                        where o.county = ?1 and o.during && daterange(?2, ?3, '[)')
                        order by b.institution_account_id, b.code, lower(o.during)""" + " limit " + (OCCUPANCIES_MAX + 1),
                        county, month.atDay(1), month.plusMonths(1).atDay(1))
                .map(rows -> {
                    if (rows.size() > OCCUPANCIES_MAX) {
                        throw new ApiException(FundProblem.BATCH_TOO_LARGE, "More than " + OCCUPANCIES_MAX + " occupancies in the month");
                    }
                    return items(rows.stream().map(r -> new OccupiedDays(r.uuid("id"), r.text("code"), r.text("resident_id"),
                            CareLevel.valueOf(r.text("care_level")), r.uuid("institution_account_id"), r.text("institution_name"),
                            (int) r.number("days"))).toList(), month, policy);
                });
    }

    /** One occupancy's bed-days inside the month, with its bed, resident, care level and institution. */
    record OccupiedDays(UUID occupancyId, String bedCode, String residentId, CareLevel careLevel, UUID institutionAccountId,
                        String institutionName, int days) {
    }

    /**
     * One item per institution, in the order first met, each bed line paid
     * {@code days × rate × (100 + uplift) / 100} and the item the sum of its lines.
     */
    static List<PlannedItem> items(List<OccupiedDays> occupied, YearMonth month, BedPolicy policy) {
        Map<UUID, List<BatchItem.BedLine>> byInstitution = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (OccupiedDays o : occupied) {
            names.put(o.institutionAccountId(), o.institutionName());
            byInstitution.computeIfAbsent(o.institutionAccountId(), i -> new ArrayList<>()).add(new BatchItem.BedLine(
                    o.occupancyId(), o.bedCode(), o.residentId(), o.careLevel().name(), o.days(), policy.dailyRateFen(),
                    policy.upliftFor(o.careLevel()), policy.amountFen(o.days(), o.careLevel())));
        }
        List<PlannedItem> items = new ArrayList<>();
        byInstitution.forEach((institution, lines) -> items.add(new PlannedItem(null, names.get(institution), institution,
                clientKey(month, institution), lines.stream().mapToLong(BatchItem.BedLine::amountFen).sum(), null, null,
                null, lines.stream().mapToInt(BatchItem.BedLine::days).sum(), lines, null, List.of())));
        return items;
    }
}
