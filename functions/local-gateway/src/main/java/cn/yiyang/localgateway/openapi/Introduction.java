package cn.yiyang.localgateway.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The document's title, introduction, servers and tags: the only prose in it. */
final class Introduction {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> FUNCTIONS = Map.of(
            "residents", "老人档案（身份、类别、家属、热线查找）",
            "meal-orders", "老年助餐（助餐点、菜单、补贴政策、订单、厨房汇总）",
            "service-bookings", "居家养老服务（服务目录、服务商、护理员、预约、上门）",
            "time-bank", "时间银行（志愿者、服务记录、积分、兑换、转赠）",
            "fund-lines", "养老资金监管（资金线、转账审批、批量发放、一床一码、结算、审计）",
            "identity", "登录与令牌（工作人员、微信小程序、OIDC、JWKS）");

    private Introduction() {
    }

    static ObjectNode info() {
        ObjectNode info = NODES.objectNode();
        info.put("title", "颐养 Yiyang API");
        info.put("version", OpenApiDocument.VERSION);
        info.put("description", """
                县域社区居家养老服务的接口：老年助餐、居家服务预约、时间银行、养老资金监管。

                - 金额一律为整数“分”（`priceFen`）；时间为带时区的 ISO-8601（Asia/Shanghai），日期为 `YYYY-MM-DD`。
                - 每个会新建或变动数据的 POST 都要带 `Idempotency-Key`：重试不会重复下单。
                - 出错时返回 `application/problem+json`：稳定的 `code`，英文 `detail`，可以直接念给老人听的中文 `userMessage`。
                - 另一个县的数据一律 404。

                Generated from the route tables and the Java records (issue 15); every scenario test holds each answer
                to this document. Versioning: additive changes (a new route, a new optional field, a new problem code)
                stay within v1; a breaking change is a new path version (`/v2/...`).""");
        info.putObject("license").put("name", "Proprietary").put("identifier", "LicenseRef-Yiyang");
        return info;
    }

    static ArrayNode servers() {
        ArrayNode servers = NODES.arrayNode();
        servers.addObject().put("url", "http://localhost:8080").put("description", "本地网关（演示县 330105）");
        return servers;
    }

    static ArrayNode tags(List<String> functions) {
        ArrayNode tags = NODES.arrayNode();
        functions.stream().sorted().forEach(f -> tags.addObject().put("name", f).put("description",
                FUNCTIONS.getOrDefault(f, f)));
        return tags;
    }
}
