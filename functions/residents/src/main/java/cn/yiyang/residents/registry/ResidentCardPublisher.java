package cn.yiyang.residents.registry;

import cn.yiyang.residents.family.FamilyLink;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.cards.residents.ResidentSignInKeys;
import cn.yiyang.kernel.pii.PiiProtector;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;

/**
 * Publishes a resident's card for the other functions, inside the registry transaction and
 * before it commits: if the publish fails, the change is rolled back and the client retries.
 * The DynamoDB call runs on a worker thread and resumes on the transaction's Vert.x context.
 * The card also carries the keyed phone and ID-tail indexes the identity function binds WeChat
 * accounts with.
 */
@ApplicationScoped
public class ResidentCardPublisher {

    private final ResidentCards cards;
    private final PiiProtector pii;

    public ResidentCardPublisher(ResidentCards cards, PiiProtector pii) {
        this.cards = cards;
        this.pii = pii;
    }

    public Uni<Void> publish(Resident r) {
        return FamilyLink.<FamilyLink>list("county = ?1 and residentId = ?2", r.county, r.id)
                .flatMap(links -> {
                    ResidentCard card = new ResidentCard(r.county, r.id.toString(), r.name, r.birthDate,
                            r.categorySet().stream().map(Enum::name).collect(Collectors.toSet()),
                            r.disabilityLevel == null ? null : r.disabilityLevel.name(), r.status.name(), r.streetCode,
                            r.addressLine, r.phoneMasked,
                            links.stream().map(link -> link.familySubject).collect(Collectors.toSet()));
                    // The tail is never shown (the masking rule hides it), so it is read from the ciphertext here.
                    String idNumber = pii.decrypt(r.idNumberEnc, r.boundTo(Resident.ID_NUMBER));
                    String tail = idNumber.substring(idNumber.length() - ResidentSignInKeys.ID_TAIL_CHARS);
                    ResidentSignInKeys signIn = new ResidentSignInKeys(r.phoneIndex,
                            ResidentSignInKeys.idTailIndex(pii, r.county, r.id.toString(), tail));
                    return VertxContextSupport.executeBlocking(() -> {
                        cards.put(card, signIn);
                        return null;
                    });
                })
                .replaceWithVoid();
    }
}
