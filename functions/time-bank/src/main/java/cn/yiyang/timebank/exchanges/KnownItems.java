package cn.yiyang.timebank.exchanges;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog items this process has read. An item's name, kind, points and service code never change
 * once it is added (only its stock does, and the exchange's transaction guards the stock by its own
 * condition), so a warm function need not read an item again to exchange it. Bounded: past
 * {@link #ITEMS_MAX} items, new ones are read every time.
 */
@ApplicationScoped
public class KnownItems {

    public static final int ITEMS_MAX = 10_000;

    private final Map<String, CatalogItem> items = new ConcurrentHashMap<>();

    /** The item as last read, its stock left out (the stock read then says nothing now). */
    public Optional<CatalogItem> find(String county, String itemId) {
        return Optional.ofNullable(items.get(CatalogItem.pk(county, itemId)));
    }

    public void remember(String county, CatalogItem item) {
        if (items.size() < ITEMS_MAX) {
            items.putIfAbsent(CatalogItem.pk(county, item.id()), new CatalogItem(item.id(), item.name(), item.kind(),
                    item.points(), 0, item.serviceCode()));
        }
    }
}
