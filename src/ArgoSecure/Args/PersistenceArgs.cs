namespace ArgoSecure;

/// <summary>The database engine of the workflow archive and node-status offload.</summary>
public enum DatabaseKind
{
    /// <summary>PostgreSQL.</summary>
    PostgreSql = 0,

    /// <summary>MySQL.</summary>
    MySql = 1,
}

/// <summary>How the database connection is protected.</summary>
public enum DatabaseTlsMode
{
    /// <summary>No TLS (ARGO0014).</summary>
    Disable = 0,

    /// <summary>TLS without certificate verification (ARGO0014).</summary>
    Require = 1,

    /// <summary>TLS with the certificate verified against a CA, not the host name (ARGO0014, advisory).</summary>
    VerifyCa = 2,

    /// <summary>TLS with the certificate and host name verified (hardened).</summary>
    VerifyFull = 3,
}

/// <summary>The workflow archive and node-status offload (one database for both).</summary>
public sealed class PersistenceArgs
{
    /// <summary>Archive completed workflows. Default: true when persistence is configured.</summary>
    public bool Archive { get; set; } = true;

    /// <summary>Offload large node status to the database. Default: false.</summary>
    public bool NodeStatusOffload { get; set; }

    /// <summary>The database engine. Default: PostgreSQL.</summary>
    public DatabaseKind Kind { get; set; } = DatabaseKind.PostgreSql;

    /// <summary>The database host name. Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>The database port; 0 means the engine's default (5432 or 3306).</summary>
    public int Port { get; set; }

    /// <summary>The database name. Default: <c>argo</c>.</summary>
    public string Database { get; set; } = "argo";

    /// <summary>The table of archived workflows. Default: <c>argo_workflows</c>.</summary>
    public string TableName { get; set; } = "argo_workflows";

    /// <summary>The Secret key holding the user name, in the controller's namespace.</summary>
    public SecretKeyReference UserNameSecret { get; set; } = new() { Name = "argo-database", Key = "username" };

    /// <summary>The Secret key holding the password, in the controller's namespace.</summary>
    public SecretKeyReference PasswordSecret { get; set; } = new() { Name = "argo-database", Key = "password" };

    /// <summary>TLS to the database. Default: <see cref="DatabaseTlsMode.VerifyFull"/> (hardened).</summary>
    public DatabaseTlsMode TlsMode { get; set; } = DatabaseTlsMode.VerifyFull;

    /// <summary>Where the database is, for the egress NetworkPolicy; null means any address on the port.</summary>
    public string? Cidr { get; set; }

    /// <summary>The port actually used.</summary>
    public int EffectivePort => Port != 0 ? Port : Kind == DatabaseKind.MySql ? 3306 : 5432;
}
