package cn.yiyang.identity.tokens;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A refresh token as first written: only its hash. Rotation and revocation are native updates
 * under a row lock (see {@link RefreshTokens}); this entity is also what gives the function its
 * Hibernate Reactive persistence unit, which Panache's sessions need.
 */
@Entity(name = "IdentityRefreshToken")
@Table(schema = "identity", name = "refresh_token")
public class RefreshTokenRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    @Column(name = "family_id")
    public UUID familyId;
    @Column(name = "token_hash")
    public byte[] tokenHash;
    public String subject;
    @Column(name = "subject_kind")
    public String subjectKind;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
}
