package cn.yiyang.bookings;

import cn.yiyang.bookings.catalog.CatalogService;
import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.bookings.settings.SettingsService;
import jakarta.inject.Singleton;

/** What a county sets up before anyone books: its service catalog, its booking rules, its providers and caregivers. */
@Singleton
public class CareSetup {

    private final CatalogService catalog;
    private final SettingsService settings;
    private final ProviderService providers;

    public CareSetup(CatalogService catalog, SettingsService settings, ProviderService providers) {
        this.catalog = catalog;
        this.settings = settings;
        this.providers = providers;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public SettingsService settings() {
        return settings;
    }

    public ProviderService providers() {
        return providers;
    }
}
