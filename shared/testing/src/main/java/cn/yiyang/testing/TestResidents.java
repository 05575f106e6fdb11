package cn.yiyang.testing;

import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import io.quarkus.arc.Arc;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Residents for the tests of functions that read the registry: their cards, written as the
 * residents function publishes them. Only works inside a running Quarkus test application.
 */
public final class TestResidents {

    private TestResidents() {
    }

    public static String publish(String county, String street, LocalDate birthDate, Set<String> family, String... categories) {
        String id = UUID.randomUUID().toString();
        publish(new ResidentCard(county, id, "陈阿婆", birthDate, Set.of(categories), null, ResidentCard.ACTIVE, street,
                "文三路 8 号", "138****0000", family));
        return id;
    }

    public static void publish(ResidentCard card) {
        Arc.container().instance(ResidentCards.class).get().put(card);
    }
}
