package cn.yiyang.timebank.records;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.timebank.Refusal;
import cn.yiyang.timebank.settings.CountySettings;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** A service record's rules without a door: what may be logged, no serving oneself, expiry, who decides, the storage cap. */
class RecordRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T18:00:00+08:00");
    private static final String COUNTY = "330105";

    @ParameterizedTest(name = "{0} {1}–{2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "COMPANY,  2026-11-20T09:00:00+08:00, 2026-11-20T10:00:00+08:00, OK",
            "-,        2026-11-20T09:00:00+08:00, 2026-11-20T10:00:00+08:00, serviceType REQUIRED",
            "company,  2026-11-20T09:00:00+08:00, 2026-11-20T10:00:00+08:00, serviceType REQUIRED",
            "C,        2026-11-20T09:00:00+08:00, 2026-11-20T10:00:00+08:00, serviceType REQUIRED",
            "COMPANY,  -,                         2026-11-20T10:00:00+08:00, end END_BEFORE_START",
            "COMPANY,  2026-11-20T10:00:00+08:00, 2026-11-20T10:00:00+08:00, end END_BEFORE_START",
            "COMPANY,  2026-11-20T10:00:00+08:00, 2026-11-20T09:00:00+08:00, end END_BEFORE_START",
            "COMPANY,  2026-11-19T23:00:00+08:00, 2026-11-20T01:00:00+08:00, end SPANS_DAYS",
            "COMPANY,  2026-11-19T15:30:00Z,      2026-11-19T16:30:00Z,      end SPANS_DAYS",
            "COMPANY,  2026-11-20T17:00:00+08:00, 2026-11-20T18:00:00+08:00, OK",
            "COMPANY,  2026-11-20T17:00:00+08:00, 2026-11-20T18:01:00+08:00, SERVICE_RECORD_IN_FUTURE",
    })
    void aLoggedService_hasAType_endsAfterItStarts_withinOneCountyDay_andIsOver(String type, String start, String end,
                                                                                String expected) {
        RecordRequests.Log log = new RecordRequests.Log("r-1", type, start == null ? null : OffsetDateTime.parse(start),
                OffsetDateTime.parse(end));

        assertThat(Refusal.of(() -> RecordRules.loggable(log, NOW))).isEqualTo(expected);
    }

    @Test
    void aServiceCrossingUtcMidnight_butNotTheCountys_isOneDay_theCountysDay() {
        RecordRequests.Log log = new RecordRequests.Log("r-1", "COMPANY", OffsetDateTime.parse("2026-11-19T23:30:00Z"),
                OffsetDateTime.parse("2026-11-20T00:30:00Z"));

        assertThat(RecordRules.loggable(log, NOW)).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    /** Issue 13: a volunteer who is the served resident, or that resident's family member, minted points. */
    @ParameterizedTest(name = "volunteer {0} (linked resident {1}, org.family {2}) serves r-1 (family f-1) → {3}")
    @CsvSource(nullValues = "-", value = {
            "v-1, -,   -,   OK",
            "v-1, r-2, -,   OK",
            "v-1, r-1, -,   SELF_SERVICE",
            "r-1, -,   -,   SELF_SERVICE",
            "f-1, -,   -,   SERVICE_TO_OWN_FAMILY",
            "v-1, -,   r-1, SERVICE_TO_OWN_FAMILY",
            "v-1, -,   r-2, OK",
    })
    void aVolunteer_neverServesThemself_norTheirOwnFamily(String subject, String volunteersResidentId, String familyOf,
                                                          String expected) {
        Caller volunteer = new Caller(subject, COUNTY, Set.of(Role.VOLUNTEER),
                familyOf == null ? Map.of() : Map.of(Role.FAMILY, Set.of(familyOf)));

        assertThat(Refusal.of(() -> RecordRules.requireNotSelf(volunteer, Optional.ofNullable(volunteersResidentId),
                card("r-1", Set.of("f-1"))))).isEqualTo(expected);
    }

    /** Issue 13: the volunteer, holding a family or resident role too, confirmed their own record. */
    @ParameterizedTest(name = "{0} decides v-1''s record → {1}")
    @CsvSource({"v-1, OWN_RECORD_NOT_CONFIRMABLE", "r-1, OK", "f-1, OK"})
    void nobodyDecidesARecordInWhichTheyAreTheVolunteer(String subject, String expected) {
        Caller caller = new Caller(subject, COUNTY, Set.of(Role.FAMILY, Role.RESIDENT, Role.VOLUNTEER));

        assertThat(Refusal.of(() -> RecordRules.requireNotOwnRecord(caller, record(ServiceRecord.Status.PENDING, NOW))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "created {0} days {1} hours ago, expiry 3 days → expired {2}")
    @CsvSource({
            "0, 0, false",
            "2, 23, false",
            "3, 0, false",
            "3, 1, true",
            "30, 0, true",
    })
    void aRecord_expiresOnceItWaitedLongerThanTheCountysDays(int days, int hours, boolean expired) {
        ServiceRecord record = record(ServiceRecord.Status.PENDING, NOW.minusDays(days).minusHours(hours));

        assertThat(RecordRules.isExpired(record, expiryDays(3), NOW)).isEqualTo(expired);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ServiceRecord.Status.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void aDecidedRecord_isNeverDecidedAgain_evenWhenItWouldAlsoBeExpired(ServiceRecord.Status status) {
        ServiceRecord old = record(status, NOW.minusDays(30));

        assertThat(Refusal.of(() -> RecordRules.requireDecidable(old, expiryDays(3), NOW))).isEqualTo("SERVICE_RECORD_NOT_PENDING");
    }

    @Test
    void aPendingRecord_isDecidable_untilItExpires() {
        assertThat(Refusal.of(() -> RecordRules.requireDecidable(record(ServiceRecord.Status.PENDING, NOW.minusDays(1)),
                expiryDays(3), NOW))).isEqualTo(Refusal.OK);
        assertThat(Refusal.of(() -> RecordRules.requireDecidable(record(ServiceRecord.Status.PENDING, NOW.minusDays(4)),
                expiryDays(3), NOW))).isEqualTo("SERVICE_RECORD_EXPIRED");
    }

    /** The record: volunteer v-1 served resident r-1, whose card links family f-1. */
    @ParameterizedTest(name = "{0} as {1} → sees {2}, decides {3}")
    @CsvSource({
            "officer-1, OFFICER,   true,  true",
            "r-1,       RESIDENT,  true,  true",
            "f-1,       FAMILY,    true,  true",
            "v-1,       VOLUNTEER, true,  false",
            "r-2,       RESIDENT,  false, false",
            "f-2,       FAMILY,    false, false",
            "f-1,       VOLUNTEER, false, false",
            "r-1,       FAMILY,    false, false",
            "op-1,      OPERATOR,  false, false",
    })
    void theServedResident_theirFamily_andTheStation_decide_andTheVolunteerSees(String subject, Role role, boolean sees,
                                                                                 boolean decides) {
        Caller caller = new Caller(subject, COUNTY, Set.of(role));
        ServiceRecord record = record(ServiceRecord.Status.PENDING, NOW);
        Supplier<Optional<ResidentCard>> card = () -> Optional.of(card("r-1", Set.of("f-1")));

        assertThat(RecordRules.reaches(caller, Action.READ, record, card)).isEqualTo(sees);
        assertThat(RecordRules.reaches(caller, Action.ACT, record, card)).isEqualTo(decides);
    }

    @Test
    void theStation_andTheServedResident_decideWithoutTheCardBeingRead() {
        Supplier<Optional<ResidentCard>> unread = () -> {
            throw new AssertionError("the card was read");
        };
        ServiceRecord record = record(ServiceRecord.Status.PENDING, NOW);

        assertThat(RecordRules.reaches(new Caller("officer-1", COUNTY, Set.of(Role.OFFICER)), Action.ACT, record, unread)).isTrue();
        assertThat(RecordRules.reaches(new Caller("r-1", COUNTY, Set.of(Role.RESIDENT)), Action.ACT, record, unread)).isTrue();
    }

    @ParameterizedTest(name = "{0} earned at balance {1}, cap {2} → kept {3}, to the pool {4}")
    @CsvSource({
            "90,  0,   600, 90,  0",
            "480, 0,   600, 480, 0",
            "180, 480, 600, 120, 60",
            "150, 500, 600, 100, 50",
            "50,  600, 600, 0,   50",
            "30,  700, 600, 0,   30",
            "600, 0,   600, 600, 0",
            "601, 0,   600, 600, 1",
    })
    void theStorageCap_keepsEarnedPointsUpToIt_andSendsTheRestToThePool_losingNone(long points, long balance, long cap,
                                                                                   long kept, long toPool) {
        RecordRules.Earning earning = RecordRules.Earning.of(points, balance, cap);

        assertThat(earning).isEqualTo(new RecordRules.Earning(kept, toPool));
        assertThat(earning.kept() + earning.toPool()).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} for 60 minutes at a rate of 2 for NURSING → {1} points")
    @CsvSource({"NURSING, 120", "COMPANY, 60"})
    void aServiceTypesRate_multipliesItsMinutes_othersEarnOneAMinute(String type, long points) {
        CountySettings rules = new CountySettings(480, 14, 90_000, 6_000, 18, 75, 80, Map.of("NURSING", 2));
        ServiceRecord record = new ServiceRecord("rec-1", COUNTY, "v-1", "r-1", type, NOW.minusHours(2), NOW.minusHours(1),
                60, ServiceRecord.Status.PENDING, null, NOW);

        assertThat(RecordRules.earning(record, rules, 0)).isEqualTo(new RecordRules.Earning(points, 0));
    }

    private static ServiceRecord record(ServiceRecord.Status status, OffsetDateTime createdAt) {
        return new ServiceRecord("rec-1", COUNTY, "v-1", "r-1", "COMPANY", createdAt.minusHours(2), createdAt.minusHours(1),
                60, status, null, createdAt);
    }

    private static CountySettings expiryDays(int days) {
        CountySettings d = CountySettings.DEFAULTS;
        return new CountySettings(d.dailyMinutesMax(), days, d.storageMinutesMax(), d.giftMinutesPerYearMax(),
                d.volunteerAgeMin(), d.volunteerAgeMax(), d.priorityAgeMin(), d.ratesPerMinute());
    }

    static ResidentCard card(String residentId, Set<String> family) {
        return new ResidentCard(COUNTY, residentId, "王奶奶", LocalDate.of(1940, 1, 1), Set.of(), null, ResidentCard.ACTIVE,
                null, null, null, family);
    }
}
