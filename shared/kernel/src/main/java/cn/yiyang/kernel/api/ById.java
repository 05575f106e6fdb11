package cn.yiyang.kernel.api;

/** The request of a route whose only input is the object's id in the path: {@code GET /v1/things/{id}}. */
public record ById(String id) {
}
