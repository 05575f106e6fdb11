package cn.yiyang.identity.wechat;

import cn.yiyang.identity.tokens.SubjectKind;
import cn.yiyang.identity.tokens.TokenClaims;
import cn.yiyang.identity.tokens.TokenClaimsSource;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The claims of people who sign in through the mini-program, as the store holds them today. */
public final class WeChatClaims {

    private WeChatClaims() {
    }

    public static TokenClaims resident(String county, String residentId) {
        return new TokenClaims(SubjectKind.RESIDENT, residentId, county, List.of(Role.RESIDENT.claim()), Map.of());
    }

    public static TokenClaims family(String county, String familySubject, List<String> residentIds) {
        return new TokenClaims(SubjectKind.FAMILY, familySubject, county, List.of(Role.FAMILY.claim()),
                Map.of(Role.FAMILY.claim(), residentIds));
    }

    public static TokenClaims volunteer(String county, String volunteerId) {
        return new TokenClaims(SubjectKind.VOLUNTEER, volunteerId, county, List.of(Role.VOLUNTEER.claim()), Map.of());
    }

    /** A resident still bound and still active in the registry (their card). */
    @ApplicationScoped
    public static class Residents implements TokenClaimsSource {

        private final WeChatBindings bindings;
        private final ResidentCards cards;

        public Residents(WeChatBindings bindings, ResidentCards cards) {
            this.bindings = bindings;
            this.cards = cards;
        }

        @Override
        public SubjectKind kind() {
            return SubjectKind.RESIDENT;
        }

        @Override
        public Uni<Optional<TokenClaims>> current(String county, String subject) {
            return bindings.isBound(county, SubjectKind.RESIDENT, subject).flatMap(bound -> !bound
                    ? Uni.createFrom().item(Optional.<TokenClaims>empty())
                    : VertxContextSupport.executeBlocking(() -> cards.find(county, subject))
                            .map(card -> card.filter(ResidentCard::isActive).map(c -> resident(county, subject))));
        }
    }

    /** A family member still bound and still linked to at least one resident. */
    @ApplicationScoped
    public static class Families implements TokenClaimsSource {

        public static final int RESIDENTS_MAX = 20;

        private final WeChatBindings bindings;

        public Families(WeChatBindings bindings) {
            this.bindings = bindings;
        }

        @Override
        public SubjectKind kind() {
            return SubjectKind.FAMILY;
        }

        @Override
        public Uni<Optional<TokenClaims>> current(String county, String subject) {
            return bindings.isBound(county, SubjectKind.FAMILY, subject).flatMap(bound -> NativeSql.select(
                            "select resident_id from identity.family_link where county = ?1 and family_subject = ?2"
                                    + " order by resident_id limit " + RESIDENTS_MAX, county, subject)
                    .map(rows -> rows.isEmpty() || !bound ? Optional.<TokenClaims>empty()
                            : Optional.of(family(county, subject, rows.stream().map(r -> r.text("resident_id")).toList()))));
        }
    }

    /** A registered volunteer still bound. */
    @ApplicationScoped
    public static class Volunteers implements TokenClaimsSource {

        private final WeChatBindings bindings;

        public Volunteers(WeChatBindings bindings) {
            this.bindings = bindings;
        }

        @Override
        public SubjectKind kind() {
            return SubjectKind.VOLUNTEER;
        }

        @Override
        public Uni<Optional<TokenClaims>> current(String county, String subject) {
            return bindings.isBound(county, SubjectKind.VOLUNTEER, subject)
                    .map(bound -> bound ? Optional.of(volunteer(county, subject)) : Optional.empty());
        }
    }
}
