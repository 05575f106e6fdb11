package cn.yiyang.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The local gateway's door: real HTTP on a loopback port. */
public final class HttpDoor implements Door {

    private final int port;

    public HttpDoor(int port) {
        this.port = port;
    }

    @Override
    public ApiAnswer send(ApiRequest request) {
        String query = Loopback.queryString(request.query());
        URI uri = URI.create("http://localhost:" + port + request.path() + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Loopback.REQUEST_TIMEOUT);
        request.headers().forEach(builder::header);
        builder.method(request.method(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = Loopback.CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            ApiAnswer answer = new ApiAnswer(response.statusCode(), headers, response.body());
            Answers.received();
        ContractCheck.verify(request, answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("HTTP door failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
