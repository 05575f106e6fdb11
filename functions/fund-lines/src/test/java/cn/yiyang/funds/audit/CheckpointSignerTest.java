package cn.yiyang.funds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checkpoint key without a door: one seed, one key pair in every instance; a signature holds for exactly what was signed. */
class CheckpointSignerTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T23:20:00.123456Z");
    private static final String HASH = "a".repeat(64);

    private final CheckpointSigner signer = new CheckpointSigner(Optional.of("seed-one"));

    @Test
    void theSameSeed_givesTheSameKey_soAnotherInstanceVerifiesWhatOneSigned() {
        CheckpointSigner again = new CheckpointSigner(Optional.of("seed-one"));

        String signature = signer.sign("330105", 42, HASH, AT);

        assertThat(again.keyId()).isEqualTo(signer.keyId()).hasSize(16);
        assertThat(again.publicKey()).isEqualTo(signer.publicKey());
        assertThat(again.verifies("330105", 42, HASH, AT, signer.keyId(), signature)).isTrue();
    }

    @Test
    void aSignature_holdsForNothingButWhatWasSigned() {
        String signature = signer.sign("330105", 42, HASH, AT);

        assertThat(signer.verifies("330106", 42, HASH, AT, signer.keyId(), signature)).as("county").isFalse();
        assertThat(signer.verifies("330105", 43, HASH, AT, signer.keyId(), signature)).as("seq").isFalse();
        assertThat(signer.verifies("330105", 42, "b".repeat(64), AT, signer.keyId(), signature)).as("hash").isFalse();
        assertThat(signer.verifies("330105", 42, HASH, AT.plusNanos(1000), signer.keyId(), signature)).as("time").isFalse();
        assertThat(signer.verifies("330105", 42, HASH, AT, signer.keyId(), "bm90IGEgc2lnbmF0dXJl")).as("forged").isFalse();
        assertThat(signer.verifies("330105", 42, HASH, AT, signer.keyId(), "not base64 at all!")).as("garbage").isFalse();
    }

    @Test
    void anotherSeed_isAnotherKey_andNoSeedTrustsNothing() {
        CheckpointSigner other = new CheckpointSigner(Optional.of("seed-two"));
        CheckpointSigner none = new CheckpointSigner(Optional.empty());
        String signature = signer.sign("330105", 42, HASH, AT);

        assertThat(other.keyId()).isNotEqualTo(signer.keyId());
        assertThat(other.verifies("330105", 42, HASH, AT, signer.keyId(), signature)).isFalse();
        assertThat(none.hasKey()).isFalse();
        assertThat(none.verifies("330105", 42, HASH, AT, signer.keyId(), signature)).isFalse();
    }
}
