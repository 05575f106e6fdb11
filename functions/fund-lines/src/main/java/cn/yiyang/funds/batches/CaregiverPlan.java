package cn.yiyang.funds.batches;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.caregivers.CertificateLevel;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the month's 岗位津贴 pays each certified caregiver: every day of the month on which they were assigned
 * to a bed ([from, until): the first day counts, the end day does not), that bed was occupied (caring for an
 * empty bed is no care), and a certificate of theirs was valid (both its first and last day count), at the
 * rate for that certificate's level of the highest policy version in force on that day: a renewal on time pays
 * on without a gap, an upgrade pays the new level from its first day, a gap between certificates pays nothing.
 * PostgreSQL intersects assignment, occupancy, certificates and the month's days in one statement; one line per
 * assignment, certificate level and rate version, one item per caregiver, the item the sum of its lines.
 */
final class CaregiverPlan {

    /** Assignment lines one month's batch reads at most. */
    static final int LINES_MAX = 20_000;

    private CaregiverPlan() {
    }

    static String clientKey(YearMonth month, UUID caregiverId) {
        return "caregiver-post:" + month + ":" + caregiverId;
    }

    static Uni<List<PlannedItem>> of(String county, YearMonth month) {
        return BatchPolicies.all(county, BatchKind.CAREGIVER_POST).flatMap(versions -> NativeSql.select("""
                        with rates as (
                          select * from json_to_recordset(cast(cast(?4 as text) as json)) as x(version int, from_day date, level text,
                                 rate bigint)),
                        days as (
                          select cast(d as date) as day from generate_series(cast(?2 as date), cast(?3 as date) - 1, interval '1 day') d),
                        counted as (
                          select a.id as assignment_id, c.id as caregiver_id, c.name, k.certificate_level, b.code as bed_code,
                                 r.version, r.rate, d.day
                          from funds.caregiver_assignment a
                          join funds.caregiver c on c.id = a.caregiver_id
                          join funds.bed b on b.id = a.bed_id
                          join days d on a.during @> d.day
                          join funds.caregiver_certificate k on k.caregiver_id = a.caregiver_id
                                                             and d.day between k.valid_from and k.valid_until
                                                             and k.withdrawn_at is null
                          join funds.occupancy o on o.bed_id = a.bed_id and o.during @> d.day
                          cross join lateral (select x.version, x.rate from rates x
                                              where x.level = k.certificate_level and x.from_day <= d.day
                                              order by x.version desc limit 1) r
                          where a.county = ?1 and a.during && daterange(cast(?2 as date), cast(?3 as date), '[)'))
                        select assignment_id, caregiver_id, name, certificate_level, bed_code, version as rate_version,
                               rate as daily_rate_fen, count(*) as days, min(day) as first_day, max(day) as last_day
                        from counted
                        group by assignment_id, caregiver_id, name, certificate_level, bed_code, version, rate
                        order by caregiver_id, bed_code, assignment_id, first_day, version""" + " limit " + (LINES_MAX + 1),
                        county, month.atDay(1), month.plusMonths(1).atDay(1), StrictJson.write(rates(versions)))
                .map(rows -> {
                    if (rows.size() > LINES_MAX) {
                        throw new ApiException(FundProblem.BATCH_TOO_LARGE, "More than " + LINES_MAX + " caregiver lines in the month");
                    }
                    return items(rows, month);
                }));
    }

    /** Each version's rate for each level and the day it applies from. */
    private static List<Map<String, Object>> rates(List<BatchPolicies.Versioned> versions) {
        List<Map<String, Object>> rates = new ArrayList<>();
        for (BatchPolicies.Versioned v : versions) {
            CaregiverPostPolicy policy = (CaregiverPostPolicy) v.policy();
            for (CertificateLevel level : CertificateLevel.values()) {
                rates.add(Map.of("version", v.version(), "from_day", policy.effectiveFrom(), "level", level.name(),
                        "rate", policy.rateFen(level)));
            }
        }
        return rates;
    }

    /**
     * Who an item pays: the caregiver's name and the certificate level of the last day paid (the item's level
     * when an upgrade split the month; each line keeps its own).
     */
    private record Caregiver(String name, String certificateLevel, LocalDate lastDay) {
    }

    /** One item per caregiver, in caregiver order, each line paid days × rate. */
    private static List<PlannedItem> items(List<SqlRow> rows, YearMonth month) {
        Map<UUID, List<BatchItem.PostLine>> byCaregiver = new LinkedHashMap<>();
        Map<UUID, Caregiver> who = new LinkedHashMap<>();
        for (SqlRow r : rows) {
            UUID caregiver = r.uuid("caregiver_id");
            int days = (int) r.number("days");
            long rate = r.fen("daily_rate_fen");
            LocalDate lastDay = LocalDate.parse(r.text("last_day"));
            Caregiver known = who.get(caregiver);
            if (known == null || lastDay.isAfter(known.lastDay())) {
                who.put(caregiver, new Caregiver(r.text("name"), r.text("certificate_level"), lastDay));
            }
            byCaregiver.computeIfAbsent(caregiver, c -> new ArrayList<>()).add(new BatchItem.PostLine(r.uuid("assignment_id"), caregiver,
                    r.text("bed_code"), r.text("certificate_level"), (int) r.number("rate_version"), days, rate, days * rate));
        }
        List<PlannedItem> items = new ArrayList<>();
        byCaregiver.forEach((caregiver, lines) -> items.add(new PlannedItem(caregiver.toString(), "岗位津贴 " + who.get(caregiver).name(),
                null, clientKey(month, caregiver), lines.stream().mapToLong(BatchItem.PostLine::amountFen).sum(), null, null,
                who.get(caregiver).certificateLevel(), lines.stream().mapToInt(BatchItem.PostLine::days).sum(), List.of(), null, lines)));
        return items;
    }
}
