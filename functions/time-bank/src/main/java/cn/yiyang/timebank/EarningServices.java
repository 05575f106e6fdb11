package cn.yiyang.timebank;

import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.records.RecordExpiry;
import cn.yiyang.timebank.records.RecordService;
import cn.yiyang.timebank.settings.SettingsService;
import jakarta.inject.Singleton;

/** How points are earned: the county's rules, volunteers' accounts, service records and their expiry. */
@Singleton
public class EarningServices {

    private final SettingsService settings;
    private final AccountService accounts;
    private final RecordService records;
    private final RecordExpiry expiry;

    public EarningServices(SettingsService settings, AccountService accounts, RecordService records, RecordExpiry expiry) {
        this.settings = settings;
        this.accounts = accounts;
        this.records = records;
        this.expiry = expiry;
    }

    public SettingsService settings() {
        return settings;
    }

    public AccountService accounts() {
        return accounts;
    }

    public RecordService records() {
        return records;
    }

    public RecordExpiry expiry() {
        return expiry;
    }
}
