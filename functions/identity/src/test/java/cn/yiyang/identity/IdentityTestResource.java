package cn.yiyang.identity;

import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.TestKeys;
import cn.yiyang.testing.Tokens;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The real stores, and the identity function signing with its local signer on the test identity
 * key: a key every test application trusts through the test JWKS, as every function trusts the
 * identity function's JWKS in a deployment.
 */
public class IdentityTestResource extends StoresTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("yiyang.identity.signer", "local");
        config.put("yiyang.identity.local.private-key", Base64.getEncoder().encodeToString(TestKeys.IDENTITY.getPrivate().getEncoded()));
        config.put("yiyang.identity.local.key-id", TestKeys.IDENTITY_KID);
        config.put("yiyang.identity.issuer", Tokens.ISSUER);
        config.put("yiyang.identity.audience", Tokens.AUDIENCE);
        return config;
    }
}
