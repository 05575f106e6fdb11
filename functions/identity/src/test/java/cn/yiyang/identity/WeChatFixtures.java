package cn.yiyang.identity;

import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.cards.residents.ResidentSignInKeys;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestPeople;
import io.quarkus.arc.Arc;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** WeChat codes the stand-in understands, and residents published as the registry publishes them. */
public final class WeChatFixtures {

    private WeChatFixtures() {
    }

    /** A fresh {@code wx.login} code for this person (the stand-in's typed form {@code <name>~<nonce>}). */
    public static String loginCode(String person) {
        return person + "~" + UUID.randomUUID();
    }

    /** A fresh phone-number button code for this phone. */
    public static String phoneCode(String phone) {
        return "phone~" + phone + "~" + UUID.randomUUID();
    }

    /** A person's name for the stand-in: a new openid each time. */
    public static String newPerson() {
        return "p-" + UUID.randomUUID().toString().substring(0, 18);
    }

    public record Resident(String id, String phone, String idNumber) {
        public String idTail() {
            return idNumber.substring(14);
        }
    }

    /** A resident's card, with the keys a binding matches, as the residents function publishes it. */
    public static Resident publishResident(String county, String status) {
        String id = UUID.randomUUID().toString();
        String phone = TestPeople.phone();
        String idNumber = TestPeople.idNumber(LocalDate.of(1943, 5, 17));
        PiiProtector pii = Arc.container().instance(PiiProtector.class).get();
        ResidentCard card = new ResidentCard(county, id, "王秀英", LocalDate.of(1943, 5, 17), Set.of(), null, status,
                county + "001", "文三路 18 号", phone.substring(0, 3) + "****" + phone.substring(7), Set.of());
        Arc.container().instance(ResidentCards.class).get()
                .put(card, ResidentSignInKeys.of(pii, county, id, phone, idNumber.substring(14)));
        return new Resident(id, phone, idNumber);
    }

    public static ApiAnswer signIn(Door door, String county, String code) {
        return door.send(ApiRequest.post("/v1/auth/wechat/sign-in", """
                {"county":"%s","code":"%s"}""".formatted(county, code)));
    }

    public static ApiAnswer bindResident(Door door, String ticket, String phoneCode, String last4) {
        return door.send(ApiRequest.post("/v1/auth/wechat/bind-resident", """
                {"bindingTicket":"%s","phoneCode":"%s","idNumberLast4":"%s"}""".formatted(ticket, phoneCode, last4)));
    }

    /** Signs a new person in and returns their binding ticket. */
    public static String ticketFor(Door door, String county, String person) {
        ApiAnswer answer = signIn(door, county, loginCode(person));
        if (answer.status() != 200 || !"BINDING_REQUIRED".equals(answer.json().path("status").asText())) {
            throw new AssertionError("expected a binding ticket: " + answer);
        }
        return answer.json().path("bindingTicket").asText();
    }
}
