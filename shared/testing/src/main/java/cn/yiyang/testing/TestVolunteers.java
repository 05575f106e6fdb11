package cn.yiyang.testing;

import cn.yiyang.kernel.identity.Sex;
import cn.yiyang.cards.volunteers.VolunteerCard;
import cn.yiyang.cards.volunteers.VolunteerCardTable;
import cn.yiyang.cards.volunteers.VolunteerCards;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.time.LocalDate;

/**
 * Volunteers as the identity function registers them (a verified person, age from the ID number):
 * their cards, for the time bank's tests. In process through the application's bean, otherwise
 * straight to the same DynamoDB, as {@link TestResidents} does.
 */
public final class TestVolunteers {

    private static VolunteerCards outOfProcess;

    private TestVolunteers() {
    }

    public static void publish(String county, String volunteerId, LocalDate birthDate) {
        VolunteerCard card = new VolunteerCard(county, volunteerId, birthDate, Sex.FEMALE);
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            container.instance(VolunteerCards.class).get().put(card);
        } else {
            outOfProcessCards().put(card);
        }
    }

    private static synchronized VolunteerCards outOfProcessCards() {
        if (outOfProcess == null) {
            TestResidents.OutOfProcessStore store = TestResidents.outOfProcessStore();
            outOfProcess = new VolunteerCards(store.client(), store.tables(), new VolunteerCardTable());
        }
        return outOfProcess;
    }
}
