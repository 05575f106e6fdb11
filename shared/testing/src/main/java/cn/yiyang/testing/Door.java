package cn.yiyang.testing;

/**
 * A way into the API: the local gateway over HTTP, or the Lambda handler fed v2 events. Every door
 * holds each answer to the API document ({@link ContractCheck}) before a test sees it.
 */
public interface Door {

    ApiAnswer send(ApiRequest request);
}
