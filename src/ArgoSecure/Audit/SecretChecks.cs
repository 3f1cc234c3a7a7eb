using System.Text.RegularExpressions;
using ArgoSecure.Input;
using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>Checks for credentials written as literals in manifests.</summary>
internal static partial class SecretChecks
{
    [GeneratedRegex("pass(word)?|secret|token|credential|private|apikey|api-key|accesskey", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialKey();

    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        var referenced = ReferencedSecrets(install);
        foreach (var secret in install.OfKind("Secret"))
        {
            // A live Secret always holds its values in data, however it was created (out of band, from a secret store):
            // that is not a literal in a manifest.
            if (secret.Root.TextAt("type") == "kubernetes.io/service-account-token" || secret.IsLive)
            {
                continue;
            }

            var literal = new List<(string Key, YNode Value)>();
            foreach (var field in new[] { "stringData", "data" })
            {
                foreach (var (key, value) in (secret.Root[field] as YMap)?.Entries ?? [])
                {
                    if (!string.IsNullOrEmpty(value.Text))
                    {
                        literal.Add((key, value));
                    }
                }
            }

            if (literal.Count == 0)
            {
                continue;
            }

            if (referenced.TryGetValue(secret.Name, out var by))
            {
                context.Report(RuleCatalog.LiteralCredential, secret, literal[0].Value,
                    $"Secret '{secret.Name}' holds {by} as literal values in the manifest, so they end up in source control. Create the Secret out of band (or from a secret store) and keep only the reference.");
                continue;
            }

            var credentials = secret.Root["stringData"] is YMap stringData
                ? stringData.Entries.Where(e => !string.IsNullOrEmpty(e.Value.Text) && CredentialKey().IsMatch(e.Key) && !e.Key.Contains("url", StringComparison.OrdinalIgnoreCase)).ToList()
                : [];
            if (credentials.Count > 0)
            {
                context.Report(RuleCatalog.LiteralCredential, secret, credentials[0].Value,
                    $"Secret '{secret.Name}' writes {string.Join(", ", credentials.Select(c => $"'{c.Key}'"))} as literal stringData in the manifest. Create the Secret out of band (or from a secret store).");
            }
        }

        if (install.ServerConfig?["sso"] is { } sso)
        {
            foreach (var key in new[] { "clientId", "clientSecret" })
            {
                if (sso[key] is YScalar { IsNull: false } literalValue)
                {
                    context.Report(RuleCatalog.LiteralCredential, install.ServerConfig.ConfigMap, literalValue,
                        $"sso.{key} is written as a literal; it must be a Secret reference ({{name, key}}).");
                }
            }
        }
    }

    /// <summary>Secrets the Argo configuration names (SSO, database, artifact repository), with what they hold.</summary>
    private static Dictionary<string, string> ReferencedSecrets(ArgoInstallation install)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(YNode? selector, string what)
        {
            if (selector?.TextAt("name") is { Length: > 0 } name)
            {
                names.TryAdd(name, what);
            }
        }

        foreach (var config in new[] { install.ControllerConfig, install.ServerConfig }.OfType<ArgoConfig>())
        {
            Add(config["sso"]?["clientId"], "the SSO client id");
            Add(config["sso"]?["clientSecret"], "the SSO client secret");
            foreach (var section in new[] { "persistence", "synchronization" })
            {
                foreach (var db in new[] { "postgresql", "mysql" })
                {
                    Add(config[section]?[db]?["userNameSecret"], "the database user name");
                    Add(config[section]?[db]?["passwordSecret"], "the database password");
                }
            }

            AddRepository(config["artifactRepository"], Add, install.Limits);
        }

        foreach (var map in install.OfKind("ConfigMap").Where(c => c.Name == "artifact-repositories"))
        {
            foreach (var (_, value) in (map.Root["data"] as YMap)?.Entries ?? [])
            {
                try
                {
                    AddRepository(YamlTree.ParseEmbedded(value, install.Limits), Add, install.Limits);
                }
                catch (AuditInputException)
                {
                    // Not YAML: no references to follow.
                }
            }
        }

        return names;
    }

    private static void AddRepository(YNode? repository, Action<YNode?, string> add, ReadingLimits limits)
    {
        if (repository is not YMap map)
        {
            return;
        }

        foreach (var (_, store) in map.Entries)
        {
            add(store["accessKeySecret"], "artifact repository credentials");
            add(store["secretKeySecret"], "artifact repository credentials");
            add(store["passwordSecret"], "artifact repository credentials");
            if (store["configuration"] is { } configuration)
            {
                try
                {
                    var parsed = YamlTree.ParseEmbedded(configuration, limits);
                    add(parsed?["accessKeySecret"], "artifact repository credentials");
                    add(parsed?["secretKeySecret"], "artifact repository credentials");
                }
                catch (AuditInputException)
                {
                    // A plugin configuration that is not YAML holds no references we can follow.
                }
            }
        }
    }
}
