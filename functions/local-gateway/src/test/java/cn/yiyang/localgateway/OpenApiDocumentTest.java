package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.localgateway.openapi.ApiReference;
import cn.yiyang.localgateway.openapi.OpenApiDocument;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API document (issue 15) is the dispatcher's routes, no more and no fewer; it is what the build
 * publishes ({@code target/openapi.json}) and what is committed for the client and the linter
 * ({@code functions/api-client/openapi.json}). Regenerate the committed copy with
 * {@code -Dyiyang.openapi.update=true} when a route or a record changes on purpose.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("..", "api-client", "openapi.json");
    static final Path PUBLISHED = Path.of("target", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ApiDispatcher dispatcher;

    @Inject
    ApiReference reference;

    @Test
    void theDocument_listsExactlyTheRoutesTheDispatcherServes() throws IOException {
        JsonNode document = JSON.readTree(reference.document());
        Set<String> documented = new HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(dispatcher.routes().stream().map(Route::key).toList());
        assertThat(documented).hasSizeGreaterThan(100);
    }

    @Test
    void everyOperation_hasAChineseSummary_aUniqueId_andItsAnswersDeclared() throws IOException {
        JsonNode document = JSON.readTree(reference.document());
        List<String> ids = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(operation -> {
            ids.add(operation.path("operationId").asText());
            if (!operation.path("summary").asText().matches(".*[\\u4e00-\\u9fff].*")) {
                withoutSummary.add(operation.path("operationId").asText());
            }
        }));
        List<String> typedWithoutAnswers = dispatcher.bindings().stream()
                .filter(b -> b.requestType() != null && b.answers().isEmpty()).map(b -> b.route().key()).toList();

        assertThat(withoutSummary).isEmpty();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(typedWithoutAnswers).isEmpty();
    }

    @Test
    void everyRouteOfEveryFunction_hasAnOperationNameOfItsOwn() {
        List<String> names = dispatcher.routes().stream().map(Route::operation).toList();

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void aDocumentWithOneOperationNameForTwoRoutes_isRefused() {
        Route identity = Route.in("identity").get("/v1/a", "registerVolunteer", Role.OFFICER);
        Route timeBank = Route.in("time-bank").get("/v1/b", "registerVolunteer", Role.OFFICER);
        Handler<NoInput> nothing = Handler.open(request -> Reply.ok(Map.of()));
        List<Binding> clashing = List.of(Binding.of(identity, nothing).answers(200, Map.class),
                Binding.of(timeBank, nothing).answers(200, Map.class));

        assertThatThrownBy(() -> OpenApiDocument.of(clashing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registerVolunteer").hasMessageContaining("GET /v1/a").hasMessageContaining("GET /v1/b");
    }

    @Test
    void theBuildPublishesTheDocument_andTheCommittedCopyIsTheSame() throws IOException {
        String generated = reference.document();
        Files.createDirectories(PUBLISHED.getParent());
        Files.writeString(PUBLISHED, generated, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("yiyang.openapi.update")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }

        assertThat(Files.exists(COMMITTED)).as("run once with -Dyiyang.openapi.update=true to write " + COMMITTED).isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("the committed document differs from the code's: regenerate it with -Dyiyang.openapi.update=true")
                .isEqualTo(generated);
    }

    @Test
    void theDocument_isServedWithoutAToken_asJson() {
        ApiAnswer answer = new HttpDoor(HttpPort.PORT).send(ApiRequest.get("/openapi.json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(answer.body()).isEqualTo(reference.document());
    }

    @Test
    void theReferencePage_andRedoc_areServedFromThisProcess_notACdn() {
        HttpDoor door = new HttpDoor(HttpPort.PORT);
        ApiAnswer page = door.send(ApiRequest.get("/reference/"));
        ApiAnswer redoc = door.send(ApiRequest.get("/reference/redoc.standalone.js"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("spec-url=\"/openapi.json\"").contains("src=\"/reference/redoc.standalone.js\"")
                .doesNotContain("https://");
        assertThat(redoc.status()).isEqualTo(200);
        assertThat(redoc.body().length()).isGreaterThan(100_000);
    }

    @Test
    void everyRoute_declaresWhatItAnswers_soTheDocumentHasItsSchema() {
        List<String> undeclared = dispatcher.bindings().stream().filter(b -> b.answers().isEmpty())
                .map(b -> b.route().key()).toList();

        assertThat(dispatcher.bindings()).hasSizeGreaterThan(100);
        assertThat(undeclared).isEmpty();
    }
}
