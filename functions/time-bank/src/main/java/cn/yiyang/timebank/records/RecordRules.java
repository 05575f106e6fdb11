package cn.yiyang.timebank.records;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.settings.CountySettings;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The rules of a service record, free of any store: what may be logged, who may see and decide it,
 * when it expires, and where a confirmed record's points go.
 */
public final class RecordRules {

    private static final Pattern SERVICE_TYPE = Pattern.compile("[A-Z_]{2,20}");

    private RecordRules() {
    }

    /** A logged service has a type, ends after it starts, within one county day, and is over by {@code now}: its day. */
    public static LocalDate loggable(RecordRequests.Log request, OffsetDateTime now) {
        if (request.serviceType() == null || !SERVICE_TYPE.matcher(request.serviceType()).matches()) {
            throw ApiException.invalid("serviceType", "REQUIRED", "A service type such as COMPANY, CLEANING");
        }
        if (request.start() == null || request.end() == null || !request.end().isAfter(request.start())) {
            throw ApiException.invalid("end", "END_BEFORE_START", "The service ends after it starts");
        }
        LocalDate day = request.start().atZoneSameInstant(CountyTime.ZONE).toLocalDate();
        if (!day.equals(request.end().atZoneSameInstant(CountyTime.ZONE).toLocalDate())) {
            throw ApiException.invalid("end", "SPANS_DAYS", "Log a service within one day");
        }
        if (request.end().isAfter(now)) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_IN_FUTURE, "The service has not ended yet");
        }
        return day;
    }

    /** A volunteer who is a registered resident never logs a service given to themself. */
    public static void requireNotSelf(Optional<String> volunteersResidentId, String servedResidentId) {
        if (volunteersResidentId.isPresent() && volunteersResidentId.get().equals(servedResidentId)) {
            throw new ApiException(TimeBankProblem.SELF_SERVICE, "A volunteer cannot log a service to themself");
        }
    }

    /** A record past the county's days for confirmation counts as expired even before the job marks it. */
    public static boolean isExpired(ServiceRecord record, CountySettings rules, OffsetDateTime now) {
        return record.createdAt().plusDays(rules.recordExpiryDays()).isBefore(now);
    }

    /** Only a pending record that has not expired may be confirmed or rejected. */
    public static void requireDecidable(ServiceRecord record, CountySettings rules, OffsetDateTime now) {
        if (record.status() != ServiceRecord.Status.PENDING) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_NOT_PENDING, "The record is " + record.status());
        }
        if (isExpired(record, rules, now)) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_EXPIRED, "The record waited too long for confirmation");
        }
    }

    /**
     * Who confirms or rejects: the station (officer), the served resident, or family the registry
     * links to them. The card is read only when the answer depends on it.
     */
    public static boolean mayDecide(Caller caller, ServiceRecord record, Supplier<Optional<ResidentCard>> servedCard) {
        return caller.has(Role.OFFICER)
                || (caller.has(Role.RESIDENT) && caller.subject().equals(record.residentId()))
                || servedCard.get().map(card -> card.mayBeActedForBy(caller, Set.of(Role.OFFICER))).orElse(false);
    }

    /** Who sees a record: its volunteer, and whoever may decide it. */
    public static boolean maySee(Caller caller, ServiceRecord record, Supplier<Optional<ResidentCard>> servedCard) {
        return caller.subject().equals(record.volunteerId()) || mayDecide(caller, record, servedCard);
    }

    /** A confirmed record's points: its minutes at the service type's rate, split by the volunteer's storage cap. */
    public static Earning earning(ServiceRecord record, CountySettings rules, long balance) {
        return Earning.of(record.minutes() * rules.rate(record.serviceType()), balance, rules.storageMinutesMax());
    }

    /**
     * Earned points kept on the account, up to the storage cap, and the rest ({@code toPool}) sent to
     * the county's pool; nothing is lost and nothing is made: {@code kept + toPool} is what was earned.
     */
    public record Earning(long kept, long toPool) {

        public static Earning of(long points, long balance, long storageMax) {
            long kept = Math.max(0, Math.min(points, storageMax - balance));
            return new Earning(kept, points - kept);
        }
    }
}
