package cn.yiyang.identity.keys;

import java.util.List;

/**
 * The keys the identity function holds: the one it signs with today, and every key it publishes
 * (the signing key, plus the next or the previous one while a rotation is under way).
 */
public interface SigningKeys {

    TokenSigner signer();

    /** Never empty, and always holds the signer's key. */
    List<TokenSigner> published();
}
