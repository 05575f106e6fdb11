package cn.yiyang.testing;

/** A way into the API: the local gateway over HTTP, or the Lambda handler fed v2 events. */
public interface Door {

    ApiAnswer send(ApiRequest request);
}
