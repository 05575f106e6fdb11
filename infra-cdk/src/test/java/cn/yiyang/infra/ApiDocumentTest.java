package cn.yiyang.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.kernel.route.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The stack deploys the API document (issue 15): its HTTP API routes are exactly the committed
 * document's operations, each named by its operationId and open exactly where the document asks no
 * token; a document that has fallen behind the route tables stops the synth.
 */
class ApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theStacksRoutes_areExactlyTheDocumentsOperations_namedByOperationId_openWhereTheDocumentIs() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        ApiDocument document = ApiDocument.read(s.stack().settings().repoRoot());
        Map<String, String> deployed = new TreeMap<>();
        Map<String, String> deployedAuth = new TreeMap<>();
        s.ofType("AWS::ApiGatewayV2::Route").values().stream().map(Synth::props).forEach(route -> {
            deployed.put((String) route.get("RouteKey"), (String) route.get("OperationName"));
            deployedAuth.put((String) route.get("RouteKey"), (String) route.get("AuthorizationType"));
        });
        Map<String, String> documented = new TreeMap<>();
        Map<String, String> documentedAuth = new TreeMap<>();
        document.operations().values().forEach(op -> {
            documented.put(op.routeKey(), op.operationId());
            documentedAuth.put(op.routeKey(), op.open() ? "NONE" : "JWT");
        });

        assertThat(documented).hasSizeGreaterThan(100);
        assertThat(deployed).isEqualTo(documented);
        assertThat(deployedAuth).isEqualTo(documentedAuth);
    }

    @Test
    void aRouteTheDocumentLacks_stopsTheSynth() throws IOException {
        ObjectNode json = committed();
        ((ObjectNode) json.get("paths")).remove("/v1/meal-orders");
        ApiDocument behind = ApiDocument.of(json);
        Route place = Functions.routes().stream().filter(r -> r.key().equals("POST /v1/meal-orders")).findFirst().orElseThrow();

        assertThatThrownBy(() -> behind.operationOf(place)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POST /v1/meal-orders is not in functions/api-client/openapi.json");
    }

    @Test
    void anOperationNoFunctionDeclares_stopsTheSynth() throws IOException {
        ObjectNode json = committed();
        ((ObjectNode) json.get("paths")).putObject("/v1/nowhere").putObject("get").put("operationId", "nowhere");
        ApiDocument ahead = ApiDocument.of(json);

        assertThatThrownBy(() -> ahead.requireOnly(Functions.routes())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /v1/nowhere");
    }

    @Test
    void aRouteOpenInTheTableButNotInTheDocument_stopsTheSynth() throws IOException {
        ObjectNode json = committed();
        ObjectNode signIn = (ObjectNode) json.get("paths").get("/v1/auth/staff/sign-in").get("post");
        signIn.putArray("security").addObject().putArray("bearer");
        Route route = Functions.routes().stream().filter(r -> r.key().equals("POST /v1/auth/staff/sign-in"))
                .findFirst().orElseThrow();
        assertThat(route.open()).isTrue();

        assertThatThrownBy(() -> ApiDocument.of(json).operationOf(route)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("differs from");
    }

    private static ObjectNode committed() throws IOException {
        return (ObjectNode) JSON.readTree(Settings.repoRoot(System.getProperty("yiyang.repo.root", ""))
                .resolve(ApiDocument.COMMITTED).toFile());
    }
}
