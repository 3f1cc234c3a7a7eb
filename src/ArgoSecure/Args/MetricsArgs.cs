namespace ArgoSecure;

/// <summary>The controller's Prometheus endpoint.</summary>
public sealed class MetricsArgs
{
    /// <summary>Serve metrics. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Serve metrics over TLS (self-signed). Default: true (hardened); false is ARGO0013.</summary>
    public bool Secure { get; set; } = true;

    /// <summary>The metrics port. Default: 9090.</summary>
    public int Port { get; set; } = 9090;

    /// <summary>
    /// The namespace whose pods may scrape the endpoint (Prometheus). Default: <c>monitoring</c>.
    /// Null: no namespace may scrape.
    /// </summary>
    public string? ScraperNamespace { get; set; } = "monitoring";

    /// <summary>Let every namespace scrape the endpoint. Default: false (hardened); true is ARGO0013.</summary>
    public bool ScrapeFromAnyNamespace { get; set; }
}
