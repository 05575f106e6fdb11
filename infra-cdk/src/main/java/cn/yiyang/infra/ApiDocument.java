package cn.yiyang.infra;

import cn.yiyang.kernel.route.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The API's OpenAPI document as the stack reads it: the committed
 * {@code functions/api-client/openapi.json}, which the local gateway's OpenApiDocumentTest generates
 * from the same route tables and holds equal to the code. The stack deploys exactly its operations:
 * a route table and a document that disagree (a route added without regenerating the document) stop
 * the synth, so clients are never handed a document that does not describe the deployed API.
 */
final class ApiDocument {

    static final String COMMITTED = "functions/api-client/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation of the document: its route key ({@code POST /v1/meal-orders}), name, and whether it takes no token. */
    record Operation(String routeKey, String operationId, boolean open) {
    }

    private final Map<String, Operation> operations;

    private ApiDocument(Map<String, Operation> operations) {
        this.operations = Map.copyOf(operations);
    }

    static ApiDocument read(Path repoRoot) {
        Path file = repoRoot.resolve(COMMITTED);
        try {
            return of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API document " + file, e);
        }
    }

    static ApiDocument of(JsonNode document) {
        Map<String, Operation> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode security = op.getValue().path("security");
            operations.put(key, new Operation(key, op.getValue().path("operationId").asText(),
                    security.isArray() && security.isEmpty()));
        }));
        return new ApiDocument(operations);
    }

    Map<String, Operation> operations() {
        return operations;
    }

    /** The document's operation for {@code route}, which must be there, named and open as the route is. */
    Operation operationOf(Route route) {
        Operation operation = operations.get(route.key());
        if (operation == null || operation.open() != route.open()) {
            throw new IllegalStateException("route " + route.key() + (operation == null ? " is not in " : " differs from ")
                    + COMMITTED + ": regenerate it (OpenApiDocumentTest with -Dyiyang.openapi.update=true)");
        }
        return operation;
    }

    /** Refuses a document with operations no route table declares. */
    void requireOnly(List<Route> routes) {
        TreeSet<String> extra = new TreeSet<>(operations.keySet());
        routes.forEach(route -> extra.remove(route.key()));
        if (!extra.isEmpty()) {
            throw new IllegalStateException(COMMITTED + " lists operations no function declares: " + extra
                    + ": regenerate it (OpenApiDocumentTest with -Dyiyang.openapi.update=true)");
        }
    }
}
