namespace ArgoSecure;

/// <summary>An argo-server authentication mode.</summary>
public enum AuthMode
{
    /// <summary>Callers present their own Kubernetes token (hardened).</summary>
    Client = 0,

    /// <summary>Callers sign in with OIDC single sign-on.</summary>
    Sso = 1,

    /// <summary>Every caller acts as the argo-server service account (ARGO0003).</summary>
    Server = 2,
}

/// <summary>What the argo-server service account may do when it acts for callers.</summary>
public enum ServerAccessLevel
{
    /// <summary>Only get, list and watch, the security guide's read-only server (hardened).</summary>
    ReadOnly = 0,

    /// <summary>Also create, update, patch and delete workflows and templates (ARGO0012).</summary>
    ReadWrite = 1,
}

/// <summary>TLS of argo-server.</summary>
public sealed class ServerTlsArgs
{
    /// <summary>Serve TLS (<c>--secure</c>). Default: true (hardened); false is ARGO0004.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A <c>kubernetes.io/tls</c> Secret in the server's namespace (<c>--tls-certificate-secret-name</c>);
    /// null: argo-server generates a self-signed certificate at start.
    /// </summary>
    public string? CertificateSecretName { get; set; }
}

/// <summary>One SSO RBAC rule: who signs in as which service account.</summary>
public sealed class SsoRbacRule
{
    /// <summary>The service account (created in the server's namespace with its token Secret).</summary>
    public string ServiceAccountName { get; set; } = "";

    /// <summary>The expression over the OIDC claims, for example <c>"admins" in groups</c>.</summary>
    public string Expression { get; set; } = "";

    /// <summary>Higher precedence wins when several rules match. Default: 0.</summary>
    public int Precedence { get; set; }
}

/// <summary>OIDC single sign-on of argo-server.</summary>
public sealed class SsoArgs
{
    /// <summary>The OIDC issuer URL (https). Required.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The Secret key holding the OIDC client id, in the server's namespace.</summary>
    public SecretKeyReference ClientId { get; set; } = new() { Name = "argo-server-sso", Key = "client-id" };

    /// <summary>The Secret key holding the OIDC client secret, in the server's namespace.</summary>
    public SecretKeyReference ClientSecret { get; set; } = new() { Name = "argo-server-sso", Key = "client-secret" };

    /// <summary>The callback URL, <c>https://…/oauth2/callback</c>. Required: an empty one is derived from the Host header.</summary>
    public string RedirectUrl { get; set; } = "";

    /// <summary>Extra OIDC scopes (openid is always asked). Default: <c>groups</c>, <c>email</c>.</summary>
    public List<string> Scopes { get; set; } = ["groups", "email"];

    /// <summary>Map users to service accounts (SSO RBAC). Default: true (hardened); false is ARGO0005.</summary>
    public bool RbacEnabled { get; set; } = true;

    /// <summary>The SSO RBAC rules; each creates its service account in the server's namespace.</summary>
    public List<SsoRbacRule> RbacRules { get; set; } = [];

    /// <summary>Skip TLS verification of the issuer. Default: false (hardened); true is ARGO0006.</summary>
    public bool InsecureSkipVerify { get; set; }

    /// <summary>How long a session lasts. Default: <c>10h</c>.</summary>
    public string SessionExpiry { get; set; } = "10h";

    /// <summary>Where the issuer is, for the egress NetworkPolicy; null means any address on 443.</summary>
    public string? IssuerCidr { get; set; }
}

/// <summary>argo-server: what ArgoServer installs.</summary>
public sealed class ArgoServerArgs
{
    /// <summary>
    /// The server's namespace, normally the controller's. Default: <c>argo</c>.
    /// </summary>
    public string Namespace { get; set; } = ArgoControllerArgs.DefaultNamespace;

    /// <summary>Cluster or namespace install, as for the controller. Default: <see cref="InstallScope.Cluster"/>.</summary>
    public InstallScope Scope { get; set; } = InstallScope.Cluster;

    /// <summary>Images and release.</summary>
    public ArgoImages Images { get; set; } = new();

    /// <summary>Authentication modes. Default: <see cref="AuthMode.Client"/> only (hardened).</summary>
    public List<AuthMode> AuthModes { get; set; } = [AuthMode.Client];

    /// <summary>TLS.</summary>
    public ServerTlsArgs Tls { get; set; } = new();

    /// <summary>Single sign-on; required when <see cref="AuthModes"/> has <see cref="AuthMode.Sso"/>.</summary>
    public SsoArgs? Sso { get; set; }

    /// <summary>
    /// What the server's own account may do where it acts for callers (auth mode server, SSO without RBAC).
    /// Default: <see cref="ServerAccessLevel.ReadOnly"/> (hardened).
    /// </summary>
    public ServerAccessLevel AccessLevel { get; set; } = ServerAccessLevel.ReadOnly;

    /// <summary>Namespaces whose pods may reach the server (an ingress controller). Default: none.</summary>
    public List<string> IngressFromNamespaces { get; set; } = [];

    /// <summary>The workflow archive database the server reads; null: none.</summary>
    public PersistenceArgs? Persistence { get; set; }

    /// <summary>Artifact stores the server downloads from, for egress NetworkPolicies.</summary>
    public List<EgressTarget> ArtifactRepositoryEgress { get; set; } = [];

    /// <summary>The CIDRs and ports of the Kubernetes API server; empty: any address on 443 and 6443.</summary>
    public List<EgressTarget> ApiServerEgress { get; set; } = [];

    /// <summary>The CORS origin (<c>--access-control-allow-origin</c>). Default: none (hardened); <c>*</c> is ARGO0017.</summary>
    public string? AccessControlAllowOrigin { get; set; }

    /// <summary>Render NetworkPolicies. Default: true (hardened); false is ARGO0011.</summary>
    public bool NetworkPolicies { get; set; } = true;

    /// <summary>Server replicas. Default: 1; 2 or more adds a PodDisruptionBudget.</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>The server container's CPU and memory.</summary>
    public ContainerResources Resources { get; set; } = new();

    /// <summary>Risks accepted for this component (rule ID and justification).</summary>
    public List<AcceptedRisk> AcceptedRisks { get; set; } = [];
}
