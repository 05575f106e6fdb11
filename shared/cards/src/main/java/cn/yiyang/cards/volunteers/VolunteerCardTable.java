package cn.yiyang.cards.volunteers;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Volunteer cards: {@code pk = <county>#<volunteerId>}, {@code sk = CARD}. Written by identity, read by the time bank. */
@ApplicationScoped
public class VolunteerCardTable implements DynamoTable {

    @Override
    public String logicalName() {
        return "volunteer-cards";
    }

    @Override
    public List<String> indexes() {
        return List.of();
    }
}
