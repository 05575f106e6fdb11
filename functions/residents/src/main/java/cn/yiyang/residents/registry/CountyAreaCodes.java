package cn.yiyang.residents.registry;

import cn.yiyang.kernel.identity.ContactPhone;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each county's telephone area code, for landlines given without one (a caller in 330105 says
 * "88001234", meaning 0571-88001234): {@code yiyang.area-codes} / {@code YIYANG_AREA_CODES},
 * e.g. {@code 330105=0571,320303=0516}. A county without one needs the area code spelled out.
 */
@ApplicationScoped
public class CountyAreaCodes {

    private final Map<String, String> byCounty = new HashMap<>();

    /** Unset and empty (a stack that names none) both mean: no county has one. */
    public CountyAreaCodes(@ConfigProperty(name = "yiyang.area-codes") Optional<String> configured) {
        for (String pair : configured.orElse("").split(",")) {
            String[] parts = pair.strip().split("=");
            if (parts.length == 2 && ContactPhone.isAreaCode(parts[1].strip())) {
                byCounty.put(parts[0].strip(), parts[1].strip());
            } else if (!pair.isBlank()) {
                throw new IllegalStateException("yiyang.area-codes: expected county=areaCode pairs");
            }
        }
    }

    /** The county's area code, or null when it has none. */
    public String of(String county) {
        return byCounty.get(county);
    }
}
