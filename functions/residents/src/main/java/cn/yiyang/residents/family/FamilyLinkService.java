package cn.yiyang.residents.family;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.residents.registry.ResidentAccess;
import cn.yiyang.residents.registry.ResidentCardPublisher;
import cn.yiyang.residents.registry.ResidentProblem;
import cn.yiyang.stores.pg.PgFailures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/** Links family members' accounts to residents, so they may act for their parents. */
@ApplicationScoped
public class FamilyLinkService {

    public static final int SUBJECT_CHARS_MAX = 128;
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_.:@-]{1," + SUBJECT_CHARS_MAX + "}");

    private final ResidentAccess access;
    private final ResidentCardPublisher cards;
    private final Clock clock;

    public FamilyLinkService(ResidentAccess access, ResidentCardPublisher cards, Clock clock) {
        this.access = access;
        this.cards = cards;
        this.clock = clock;
    }

    public Uni<Reply> link(Caller caller, FamilyLinkRequest request) {
        if (request.familySubject() == null || !SUBJECT.matcher(request.familySubject()).matches()) {
            throw ApiException.invalid("familySubject", "BAD_SUBJECT", "The family member's account id, 1 to "
                    + SUBJECT_CHARS_MAX + " characters of A-Z a-z 0-9 _ . : @ -");
        }
        if (request.relation() == null) {
            throw ApiException.invalid("relation", "REQUIRED", "The relation to the resident is required");
        }
        return access.inCounty(caller, request.id()).flatMap(resident -> {
            FamilyLink link = new FamilyLink();
            link.id = UUID.randomUUID();
            link.county = resident.county;
            link.residentId = resident.id;
            link.familySubject = request.familySubject();
            link.relation = request.relation();
            link.createdAt = CountyTime.now(clock);
            link.createdBy = caller.subject();
            return link.persistAndFlush()
                    .onFailure(f -> PgFailures.is(f, PgFailures.UNIQUE_VIOLATION)).transform(f -> new ApiException(
                            ResidentProblem.FAMILY_LINK_EXISTS, "This account is already linked to this resident"))
                    .call(saved -> cards.publish(resident))
                    .map(saved -> Reply.created(new FamilyLinkView(link.id, link.residentId, link.familySubject,
                            link.relation, CountyTime.shown(link.createdAt))));
        });
    }
}
