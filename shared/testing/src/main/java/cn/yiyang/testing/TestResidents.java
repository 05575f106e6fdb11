package cn.yiyang.testing;

import cn.yiyang.embedded.LocalStores;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCardTable;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.dynamo.DynamoTables;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Residents for the tests of functions that read the registry: their cards, written as the
 * residents function publishes them. Inside a {@code @QuarkusTest} through the application's own
 * bean; in a {@code @QuarkusIntegrationTest} (the application is another process, e.g. the native
 * executable) straight to the same DynamoDB, with the application's table prefix, region and the
 * embedded store's credentials (DynamoDB Local keeps one database per key and region).
 */
public final class TestResidents {

    private static ResidentCards outOfProcess;

    private TestResidents() {
    }

    public static String publish(String county, String street, LocalDate birthDate, Set<String> family, String... categories) {
        String id = UUID.randomUUID().toString();
        publish(new ResidentCard(county, id, "陈阿婆", birthDate, Set.of(categories), null, ResidentCard.ACTIVE, street,
                "文三路 8 号", "138****0000", family));
        return id;
    }

    public static void publish(ResidentCard card) {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            container.instance(ResidentCards.class).get().put(card);
        } else {
            outOfProcessCards().put(card);
        }
    }

    /** Many cards at once, written 25 to a request (a county-sized batch's residents). */
    public static void publishAll(List<ResidentCard> cards) {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            container.instance(ResidentCards.class).get().putAll(cards);
        } else {
            outOfProcessCards().putAll(cards);
        }
    }

    private static synchronized ResidentCards outOfProcessCards() {
        if (outOfProcess == null) {
            OutOfProcessStore store = outOfProcessStore();
            outOfProcess = new ResidentCards(store.client(), store.tables(), new ResidentCardTable());
        }
        return outOfProcess;
    }

    /** The application's DynamoDB seen from outside its process: the same endpoint, region and table prefix. */
    record OutOfProcessStore(DynamoDbClient client, DynamoTables tables) {
    }

    private static OutOfProcessStore store;

    static synchronized OutOfProcessStore outOfProcessStore() {
        if (store == null) {
            var config = ConfigProvider.getConfig();
            String endpoint = LocalStores.startIfNeeded().get("yiyang.dynamo.endpoint");
            DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.of(config.getOptionalValue("yiyang.dynamo.region", String.class).orElse("cn-northwest-1")))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            String prefix = config.getOptionalValue("yiyang.dynamo.table-prefix", String.class).orElse("yiyang-");
            store = new OutOfProcessStore(client, new DynamoTables(prefix, false, null, client));
        }
        return store;
    }
}
