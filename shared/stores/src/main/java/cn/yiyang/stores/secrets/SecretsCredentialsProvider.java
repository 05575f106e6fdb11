package cn.yiyang.stores.secrets;

import io.quarkus.credentials.CredentialsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database credentials for the reactive datasource: from Secrets Manager when the deployment
 * names the secret, otherwise from configuration (the local run and the tests).
 */
@ApplicationScoped
@Named(SecretsCredentialsProvider.NAME)
public class SecretsCredentialsProvider implements CredentialsProvider {

    public static final String NAME = "yiyang-credentials";

    private final DeploymentSecrets secrets;
    private final Optional<String> username;
    private final Optional<String> password;

    public SecretsCredentialsProvider(DeploymentSecrets secrets,
                                      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                                      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.secrets = secrets;
        this.username = username;
        this.password = password;
    }

    @Override
    public Map<String, String> getCredentials(String credentialsProviderName) {
        String user = secrets.value("quarkus.datasource.username").or(() -> username).orElse("");
        String secret = secrets.value("quarkus.datasource.password").or(() -> password).orElse("");
        return Map.of(USER_PROPERTY_NAME, user, PASSWORD_PROPERTY_NAME, secret);
    }
}
