package io.github.aksdaprwif.identity;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.WorkloadIdentityCredentialBuilder;

import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;

/**
 * Builds the WorkloadIdentityCredential the live check uses, on the JDK HTTP client: it needs no Netty (whose
 * version would clash with the one Quarkus manages) and works in a native executable.
 */
@ApplicationScoped
public class TokenCredentialFactory {

    private final IdentityConfig.Live config;
    private final TlsConfigurationRegistry tls;
    private volatile HttpClient httpClient;

    TokenCredentialFactory(IdentityConfig config, TlsConfigurationRegistry tls) {
        this.config = config.live();
        this.tls = tls;
    }

    /**
     * A new credential for each exchange: a reused one would answer from MSAL's token cache for up to an hour and
     * hide a federated credential deleted in the meantime.
     */
    public TokenCredential create(WorkloadEnvironment env) {
        WorkloadIdentityCredentialBuilder builder = new WorkloadIdentityCredentialBuilder()
                .clientId(env.clientId())
                .tenantId(env.tenantId())
                .tokenFilePath(env.federatedTokenFile())
                .authorityHost(env.authorityHost())
                .httpClient(httpClient())
                // One request per check: a retried timeout would hold the check for four timeouts and more.
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))));
        if (!config.instanceDiscovery()) {
            builder.disableInstanceDiscovery();
        }
        return builder.build();
    }

    private HttpClient httpClient() {
        HttpClient client = httpClient;
        if (client == null) {
            synchronized (this) {
                if (httpClient == null) {
                    httpClient = buildHttpClient();
                }
                client = httpClient;
            }
        }
        return client;
    }

    private HttpClient buildHttpClient() {
        Duration timeout = config.timeout();
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder().connectTimeout(timeout);
        config.tlsConfigurationName().ifPresent(name -> jdk.sslContext(sslContext(name)));
        return new JdkHttpClientBuilder(jdk)
                .connectionTimeout(timeout)
                .responseTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build();
    }

    private javax.net.ssl.SSLContext sslContext(String name) {
        TlsConfiguration configuration = tls.get(name).orElseThrow(() -> new IllegalStateException(
                "identity.live.tls-configuration-name names '" + name + "', but no quarkus.tls." + name
                        + ".* configuration exists."));
        try {
            return configuration.createSSLContext();
        } catch (Exception e) {
            throw new IllegalStateException("The TLS configuration '" + name + "' cannot make an SSL context ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }
}
