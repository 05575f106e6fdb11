package cn.yiyang.residents.identity;

import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.residents.registry.ResidentRequests.Disclose;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.residents.registry.Resident;
import cn.yiyang.residents.registry.ResidentAccess;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import cn.yiyang.residents.disclosure.DisclosureLog;
import cn.yiyang.residents.disclosure.DisclosureMethod;
import java.util.List;
import java.util.UUID;

/**
 * The only way to read a full ID number or phone: an officer states a reason, and the disclosure
 * record (in the one disclosure log, beside the hotline look-ups) commits in the same transaction as
 * the answer is produced (no record, no answer).
 */
@ApplicationScoped
public class IdentityDisclosureService {

    public static final int REASON_CHARS_MIN = 4;
    public static final int REASON_CHARS_MAX = 200;

    private final PiiProtector pii;
    private final ResidentAccess access;
    private final DisclosureLog log;

    public IdentityDisclosureService(PiiProtector pii, ResidentAccess access, DisclosureLog log) {
        this.pii = pii;
        this.access = access;
        this.log = log;
    }

    /** Takes the whole invocation: the disclosure records the request id, to tie it to the access log. */
    public Uni<Reply> disclose(Invocation<Disclose> invocation) {
        if (invocation.request().reason() == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter 'reason' is required");
        }
        String reason = invocation.request().reason();
        if (reason.length() < REASON_CHARS_MIN || reason.length() > REASON_CHARS_MAX) {
            throw ApiException.invalid("reason", "BAD_REASON",
                    "State why, in " + REASON_CHARS_MIN + " to " + REASON_CHARS_MAX + " characters");
        }
        return access.inCounty(invocation.caller(), invocation.request().id())
                .flatMap(resident -> log.record(invocation, DisclosureMethod.IDENTITY, reason, List.of(resident.id))
                        .map(disclosure -> Reply.ok(identity(resident, disclosure.id))));
    }

    private ResidentIdentity identity(Resident r, UUID disclosureId) {
        return new ResidentIdentity(r.id,
                pii.decrypt(r.idNumberEnc, r.boundTo(Resident.ID_NUMBER)),
                r.phoneEnc == null ? null : pii.decrypt(r.phoneEnc, r.boundTo(Resident.PHONE)),
                r.emergencyPhoneEnc == null ? null : pii.decrypt(r.emergencyPhoneEnc, r.boundTo(Resident.EMERGENCY_PHONE)),
                disclosureId);
    }
}
