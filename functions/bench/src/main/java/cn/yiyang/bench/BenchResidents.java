package cn.yiyang.bench;

import cn.yiyang.kernel.identity.Sex;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCardTable;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.cards.volunteers.VolunteerCard;
import cn.yiyang.cards.volunteers.VolunteerCardTable;
import cn.yiyang.cards.volunteers.VolunteerCards;
import cn.yiyang.stores.dynamo.DynamoTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Resident cards as the residents function publishes them (active, no category, on one street), and
 * volunteer cards as the identity function publishes them.
 */
final class BenchResidents {

    private BenchResidents() {
    }

    /** Writes {@code count} cards with fresh ids, born on {@code birth}, and returns the ids. */
    static List<String> writeCards(DynamoDbClient client, String county, String street, LocalDate birth, int count) {
        ResidentCards cards = new ResidentCards(client, new DynamoTables(RawOrderCalls.TABLE_PREFIX, false, null, client),
                new ResidentCardTable());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            cards.put(new ResidentCard(county, id, "陈阿婆", birth, Set.of(), null, ResidentCard.ACTIVE, street,
                    "文三路 8 号", "138****0000", Set.of()));
            ids.add(id);
        }
        return ids;
    }

    /** Writes a verified volunteer's card for each id, born on {@code birth}. */
    static void writeVolunteerCards(DynamoDbClient client, String county, List<String> volunteerIds, LocalDate birth) {
        VolunteerCards cards = new VolunteerCards(client, new DynamoTables(RawOrderCalls.TABLE_PREFIX, false, null, client),
                new VolunteerCardTable());
        for (String id : volunteerIds) {
            cards.put(new VolunteerCard(county, id, birth, Sex.FEMALE));
        }
    }
}
