package cn.yiyang.timebank.records;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.settings.CountySettings;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
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

    /**
     * A volunteer never logs a service given to themself (their account is linked to the resident, or
     * the token speaks for that resident) nor to a resident they act for as family (the registry's card
     * links them, or the token's {@code org.family} names the resident): such points would be minted
     * by the family that confirms them.
     */
    public static void requireNotSelf(Caller volunteer, Optional<String> volunteersResidentId, ResidentCard served) {
        String resident = served.residentId();
        if (volunteersResidentId.map(resident::equals).orElse(false) || volunteer.subject().equals(resident)) {
            throw new ApiException(TimeBankProblem.SELF_SERVICE, "A volunteer cannot log a service to themself");
        }
        if (served.familySubjects().contains(volunteer.subject()) || volunteer.actsFor(Role.FAMILY).contains(resident)) {
            throw new ApiException(TimeBankProblem.SERVICE_TO_OWN_FAMILY, "A volunteer cannot log a service to their own family");
        }
    }

    /** Nobody confirms a record in which they are the volunteer, whatever else their token says they are. */
    public static void requireNotOwnRecord(Caller caller, ServiceRecord record) {
        if (caller.subject().equals(record.volunteerId())) {
            throw new ApiException(TimeBankProblem.OWN_RECORD_NOT_CONFIRMABLE, "The volunteer cannot decide their own record");
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
     * Who confirms or rejects ({@code ACT}) or sees ({@code READ}) a record, from the rule table: the
     * station (officer), the served resident, family the registry links to them; and, to see it, its
     * volunteer. The card is read only when the answer depends on it.
     */
    public static boolean reaches(Caller caller, Action action, ServiceRecord record,
                                  Supplier<Optional<ResidentCard>> servedCard) {
        return AccessTable.reaches(caller, ObjectKind.SERVICE_RECORD, action, role -> switch (role) {
            case VOLUNTEER -> caller.subject().equals(record.volunteerId());
            case RESIDENT -> caller.subject().equals(record.residentId());
            case FAMILY -> caller.actsFor(Role.FAMILY, record.residentId())
                    || servedCard.get().map(card -> card.familySubjects().contains(caller.subject())).orElse(false);
            default -> false;
        });
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
