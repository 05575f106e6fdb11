package cn.yiyang.timebank.exchanges;

import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.dynamo.BatchRead;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.accounts.AccountService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything an exchange is decided from, read in one round trip (one strongly consistent
 * BatchGetItem): the paying account and the catalog item, and, when the account is not the
 * caller's own, the registry's card under the account's id, which the access rule may need (a
 * family member's link, an operator's resident-only reach). What is missing is refused in the
 * exchange's fixed precedence: the account (its access first), then the item.
 */
record ExchangeReads(String accountId, Map<String, AttributeValue> account, Optional<CatalogItem> item) {

    CatalogItem requireItem() {
        return item.orElseThrow(() -> ApiException.notFound("Catalog item"));
    }

    static ExchangeReads of(TimeBankStore store, AccountService accounts, ResidentCards cards, Caller caller,
                            ExchangeRequests.ExchangePoints request) {
        String county = caller.county();
        String accountId = request.accountId() == null ? caller.subject() : request.accountId();
        boolean own = accountId.equals(caller.subject());
        BatchRead.Key account = accounts.keyOf(county, accountId);
        BatchRead.Key item = store.keyHere(DynamoStore.key(CatalogItem.pk(county, request.itemId()), ExchangeService.ITEM));
        Map<BatchRead.Key, Map<String, AttributeValue>> found = BatchRead.of(store.client(),
                own ? List.of(account, item) : List.of(cards.keyOf(county, accountId), account, item));

        Optional<Map<String, AttributeValue>> accountItem = Optional.ofNullable(found.get(account));
        Map<String, AttributeValue> paying;
        if (own) {
            paying = AccountService.requireOpen(accountItem);
        } else {
            Optional<ResidentCard> card = cards.in(found, county, accountId);
            if (!AccountService.mayActFor(caller, accountId, ObjectKind.EXCHANGE, Action.CREATE, card)) {
                throw ApiException.notFound("Account");
            }
            paying = accountItem.orElseThrow(() -> ApiException.notFound("Account"));
        }
        return new ExchangeReads(accountId, paying,
                Optional.ofNullable(found.get(item)).map(ExchangeService::withStock));
    }
}
