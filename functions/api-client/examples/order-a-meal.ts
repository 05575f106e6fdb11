/**
 * A Node back end (say, a mini-program's) ordering tomorrow's lunch for a resident with the typed client.
 * Every path, parameter, body field and answer field below is checked by tsc against the API document.
 *
 *   node target/examples/examples/order-a-meal.js <baseUrl> <accessToken> <residentId> <YYYY-MM-DD>
 *
 * Prints one JSON line: the meal point, the dish, the order as answered, and the same order read back.
 */
import { createApiClient, newIdempotencyKey, type Problem } from "@yiyang/api-client";

const [baseUrl, accessToken, residentId, date] = process.argv.slice(2);
if (!baseUrl || !accessToken || !residentId || !date) {
  throw new Error("usage: order-a-meal <baseUrl> <accessToken> <residentId> <YYYY-MM-DD>");
}

const api = createApiClient({ baseUrl, token: () => accessToken });

function refused(step: string, problem: Problem | undefined, status: number): never {
  // userMessage is plain Chinese, fit to show the resident as it is.
  throw new Error(`${step}: ${status} ${problem?.code ?? ""} ${problem?.userMessage ?? ""}`);
}

const points = await api.GET("/v1/meal-points");
const point = points.data?.items[0] ?? refused("meal points", points.error, points.response.status);

const menu = await api.GET("/v1/meal-points/{id}/menus/{date}", { params: { path: { id: point.id, date } } });
const dish = menu.data?.dishes[0] ?? refused("menu", menu.error, menu.response.status);

// One key per order, kept while retrying: a retry after a lost answer never orders twice.
const key = newIdempotencyKey("lunch");
const placed = await api.POST("/v1/meal-orders", {
  params: { header: { "Idempotency-Key": key } },
  body: { residentId, mealPointId: point.id, date, slot: "LUNCH", mode: "DINE_IN", items: [{ dishCode: dish.code, quantity: 1 }] },
});
const order = placed.data ?? refused("order", placed.error, placed.response.status);

const again = await api.GET("/v1/meal-orders/{id}", { params: { path: { id: order.id } } });
const readBack = again.data ?? refused("read back", again.error, again.response.status);

console.log(JSON.stringify({
  mealPointId: point.id,
  dishCode: dish.code,
  status: placed.response.status,
  order: { id: order.id, confirmationCode: order.confirmationCode, priceFen: order.priceFen, subsidyFen: order.subsidyFen, payFen: order.payFen },
  readBack: { id: readBack.id, status: readBack.status },
}));
