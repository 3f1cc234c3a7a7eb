namespace ArgoSecure.Planning;

/// <summary>The <c>persistence</c> key of the controller's and server's ConfigMaps.</summary>
internal static class Persistence
{
    public static ConfigYaml.YamlMap Config(PersistenceArgs args)
    {
        var database = ConfigYaml.Map()
            .Set("host", args.Host)
            .Set("port", args.EffectivePort)
            .Set("database", args.Database)
            .Set("tableName", args.TableName)
            .Set("userNameSecret", ConfigYaml.Map().Set("name", args.UserNameSecret.Name).Set("key", args.UserNameSecret.Key))
            .Set("passwordSecret", ConfigYaml.Map().Set("name", args.PasswordSecret.Name).Set("key", args.PasswordSecret.Key));

        if (args.Kind == DatabaseKind.PostgreSql)
        {
            // ssl: true alone means sslmode=prefer (unverified); say the mode explicitly.
            database.Set("ssl", args.TlsMode != DatabaseTlsMode.Disable);
            database.Set("sslMode", args.TlsMode switch
            {
                DatabaseTlsMode.Disable => "disable",
                DatabaseTlsMode.Require => "require",
                DatabaseTlsMode.VerifyCa => "verify-ca",
                _ => "verify-full",
            });
        }
        else if (args.TlsMode != DatabaseTlsMode.Disable)
        {
            // MySQL has no ssl field: the driver's tls option ("true" verifies, "skip-verify" does not).
            database.Set("options", ConfigYaml.Map().Set("tls", args.TlsMode == DatabaseTlsMode.Require ? "skip-verify" : "true"));
        }

        return ConfigYaml.Map()
            .Set("archive", args.Archive)
            .Set("nodeStatusOffLoad", args.NodeStatusOffload)
            .Set(args.Kind == DatabaseKind.PostgreSql ? "postgresql" : "mysql", database);
    }
}
