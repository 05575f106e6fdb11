package cn.yiyang.funds.caregivers;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.beds.OccupancyService;
import cn.yiyang.funds.caregivers.CaregiverRequests.CertificateWithdrawal;
import cn.yiyang.funds.caregivers.CaregiverRequests.NewCertificate;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.Masks;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgFailures;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A caregiver's certificates (养老护理员证书), insert-only: the one registered with, then each renewal (续证) or
 * upgrade (晋级) an officer records. Two certificates of one caregiver never overlap (a PostgreSQL exclusion
 * constraint), so a day has at most one valid certificate, and its level is the day's rate in the caregiver-post
 * batch. A month that batch has paid never changes: no certificate is recorded into it, nor withdrawn from it. A
 * certificate recorded in error is withdrawn, once, with why ({@link #withdraw}): it stays, pays no day, and frees its
 * dates for the right one.
 */
@ApplicationScoped
public class CertificateService {

    public static final int CERTIFICATES_SHOWN_MAX = 200;
    public static final int REASON_CHARS_MAX = 200;
    private static final String PAID_BY_CERTIFICATES = "CAREGIVER_POST";

    private final AuditTrail audit;
    private final Clock clock;

    public CertificateService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> record(Caller caller, NewCertificate r) {
        UUID caregiverId = AccountService.uuid(r.id(), "Caregiver");
        List<FieldError> errors = new ArrayList<>();
        CertificateLevel level = CaregiverService.level("level", r.level(), errors);
        String number = CaregiverService.certificateNumber("number", r.number(), errors);
        LocalDate from = CaregiverService.date("validFrom", r.validFrom(), errors);
        LocalDate until = CaregiverService.date("validUntil", r.validUntil(), errors);
        CaregiverService.validity("validFrom", from, "validUntil", until, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String county = caller.county();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = CountyTime.now(clock);
        return CaregiverService.exists(county, caregiverId)
                .flatMap(v -> OccupancyService.notBatched(county, from, until, PAID_BY_CERTIFICATES))
                .flatMap(v -> NativeSql.write("""
                                insert into funds.caregiver_certificate (id, county, caregiver_id, certificate_level, certificate_number,
                                  valid_from, valid_until, recorded_by, recorded_at)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""",
                                id, county, caregiverId, level.name(), number, from, until, caller.subject(), now)
                        .onFailure(f -> PgFailures.is(f, PgFailures.EXCLUSION_VIOLATION))
                        .transform(f -> new ApiException(FundProblem.CERTIFICATE_OVERLAPS,
                                "Another certificate of the caregiver is valid on some of these days")))
                .flatMap(v -> {
                    Map<String, Object> fact = new LinkedHashMap<>();
                    fact.put("caregiverId", caregiverId.toString());
                    fact.put("certificateLevel", level.name());
                    fact.put("certificateNumber", number);
                    fact.put("validFrom", from.toString());
                    fact.put("validUntil", until.toString());
                    return audit.append(county, caller.subject(), "CAREGIVER_CERTIFICATE_RECORDED", "CAREGIVER_CERTIFICATE",
                            id.toString(), fact, now);
                })
                .flatMap(v -> certificate(county, id))
                .map(k -> Reply.created(CaregiverViews.certificate(k)));
    }

    /**
     * A certificate recorded in error (a wrong level, number or dates), withdrawn: checked in order — the reason, the
     * certificate in the caller's county (404), not withdrawn before, no made batch in a month it is valid in — then
     * stamped with who, when and why (the reason kept masked, as every answer shows it) and audited.
     */
    public Uni<Reply> withdraw(Caller caller, CertificateWithdrawal r) {
        UUID id = AccountService.uuid(r.id(), "Certificate");
        if (r.reason() == null || r.reason().isBlank() || FreeText.length(r.reason()) > REASON_CHARS_MAX) {
            throw ApiException.invalid("reason", "REQUIRED", "Why it was recorded in error, 1 to " + REASON_CHARS_MAX + " characters");
        }
        String reason = Masks.inText(r.reason().strip());
        String county = caller.county();
        OffsetDateTime now = CountyTime.now(clock);
        return certificate(county, id)
                .flatMap(k -> {
                    if (!k.isNull("withdrawn_at")) {
                        throw new ApiException(FundProblem.CERTIFICATE_ALREADY_WITHDRAWN, "Withdrawn at " + k.time("withdrawn_at"));
                    }
                    LocalDate from = LocalDate.parse(k.text("valid_from"));
                    LocalDate until = LocalDate.parse(k.text("valid_until"));
                    return OccupancyService.notBatched(county, from, until, PAID_BY_CERTIFICATES)
                            .flatMap(v -> NativeSql.write("""
                                            update funds.caregiver_certificate set withdrawn_by = ?3, withdrawn_at = ?4, withdrawal_reason = ?5
                                            where id = ?1 and county = ?2 and withdrawn_at is null""",
                                    id, county, caller.subject(), now, reason))
                            .flatMap(updated -> {
                                if (updated != 1) {
                                    throw new ApiException(FundProblem.CERTIFICATE_ALREADY_WITHDRAWN, "Withdrawn concurrently");
                                }
                                Map<String, Object> fact = new LinkedHashMap<>();
                                fact.put("caregiverId", k.text("caregiver_id"));
                                fact.put("certificateLevel", k.text("certificate_level"));
                                fact.put("validFrom", from.toString());
                                fact.put("validUntil", until.toString());
                                fact.put("reason", reason);
                                return audit.append(county, caller.subject(), "CAREGIVER_CERTIFICATE_WITHDRAWN", "CAREGIVER_CERTIFICATE",
                                        id.toString(), fact, now);
                            });
                })
                .flatMap(v -> certificate(county, id))
                .map(k -> Reply.ok(CaregiverViews.certificate(k)));
    }

    private static Uni<SqlRow> certificate(String county, UUID id) {
        return NativeSql.selectOne(CaregiverViews.CERTIFICATE_SELECT + "where k.id = ?1 and k.county = ?2", id, county)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("Certificate")));
    }

    /** A caregiver's certificates, the latest first. */
    public Uni<Reply> ofCaregiver(Caller caller, ById request) {
        UUID caregiverId = AccountService.uuid(request.id(), "Caregiver");
        return CaregiverService.exists(caller.county(), caregiverId)
                .flatMap(v -> NativeSql.select(CaregiverViews.CERTIFICATE_SELECT
                        + "where k.caregiver_id = ?1 and k.county = ?2 order by k.valid_from desc limit " + CERTIFICATES_SHOWN_MAX,
                        caregiverId, caller.county()))
                .map(rows -> Reply.ok(new CaregiverViews.CertificatePage(rows.stream().map(CaregiverViews::certificate).toList())));
    }
}
