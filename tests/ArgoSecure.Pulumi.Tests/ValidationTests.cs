using ArgoSecure.Pulumi.Tests.TestSupport;
using Pulumi;

namespace ArgoSecure.Pulumi.Tests;

/// <summary>Components validate before they register anything; accepted risks pass and are logged.</summary>
public sealed class ValidationTests
{
    private const string HelpRoot = "docs/rules/";

    [Fact]
    public async Task ServerAuthMode_Throws_BeforeAnythingIsRegistered()
    {
        var mocks = new ArgoMocks();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync(mocks, new global::Pulumi.Testing.TestOptions(), () =>
        {
            _ = new ArgoServer("argo-server", new ArgoServerArgs { AuthModes = [AuthMode.Server] });
        }));

        Assert.Contains("argosecure:index:ArgoServer 'argo-server'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ARGO0003", error.Message, StringComparison.Ordinal);
        Assert.Contains(HelpRoot + "ARGO0003.md", error.Message, StringComparison.Ordinal);
        Assert.Empty(mocks.Registrations);
    }

    [Fact]
    public async Task UnsupportedArgoLine_Throws_NamingTheSupportedLines_BeforeAnythingIsRegistered()
    {
        var mocks = new ArgoMocks();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync(mocks, new global::Pulumi.Testing.TestOptions(), () =>
        {
            _ = new ArgoController("argo", new ArgoControllerArgs { Images = new ArgoImages { Version = "v3.6.5" } });
        }));

        Assert.Contains("Images.Version", error.Message, StringComparison.Ordinal);
        Assert.Contains("3.7, 4.0 and 4.1", error.Message, StringComparison.Ordinal);
        Assert.Empty(mocks.Registrations);
    }

    [Fact]
    public void ServerAuthMode_ThrowsArgumentException_OnArgs_ListingEveryErrorFinding()
    {
        // The constructor validates before the base constructor runs, so no Pulumi deployment is even needed.
        var args = new ArgoServerArgs
        {
            AuthModes = [AuthMode.Server, AuthMode.Sso],
            Sso = new SsoArgs { Issuer = "https://login.example.com", RedirectUrl = "https://argo.example.com/oauth2/callback", InsecureSkipVerify = true },
        };

        var error = Assert.Throws<ArgumentException>(() => new ArgoServer("argo-server", args));

        Assert.Equal("args", error.ParamName);
        Assert.Contains("ARGO0003", error.Message, StringComparison.Ordinal);
        Assert.Contains("ARGO0006", error.Message, StringComparison.Ordinal);
        Assert.Contains(HelpRoot + "ARGO0006.md", error.Message, StringComparison.Ordinal);
        var refused = Assert.IsType<Validation.ArgoSecureValidationException>(error.InnerException);
        Assert.Equal(["ARGO0003", "ARGO0006"], refused.Result.BlockingFindings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        Assert.All(refused.Result.BlockingFindings, f => Assert.Contains(f.Message, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WholeInstall_CrossComponentErrors_AllListed_NothingRegistered()
    {
        var mocks = new ArgoMocks();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync(mocks, new global::Pulumi.Testing.TestOptions(), () =>
        {
            _ = new ArgoWorkflows("argo", new ArgoWorkflowsArgs
            {
                Controller = new ArgoControllerArgs { Scope = InstallScope.Namespaced("argo") },
                Server = new ArgoServerArgs { AuthModes = [AuthMode.Server] },
            });
        }));

        Assert.Contains("ARGO0001", error.Message, StringComparison.Ordinal);
        Assert.Contains("ARGO0003", error.Message, StringComparison.Ordinal);
        Assert.Empty(mocks.Registrations);
    }

    [Fact]
    public async Task WorkflowNamespace_InTheControllerNamespace_Throws_NothingRegistered()
    {
        var mocks = new ArgoMocks();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync(mocks, new global::Pulumi.Testing.TestOptions(), () =>
        {
            _ = new WorkflowNamespace("argo", new WorkflowNamespaceArgs { Name = "argo", ControllerNamespace = "argo" });
        }));

        Assert.Contains("ARGO0002", error.Message, StringComparison.Ordinal);
        Assert.Empty(mocks.Registrations);
    }

    [Fact]
    public void BadName_NamesTheInputAndTheValue()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkflowNamespace("team", new WorkflowNamespaceArgs { Name = "Team_A" }));

        Assert.Contains("Name", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Team_A'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullArgsAndEmptyName_AreRefusedByName()
    {
        Assert.Equal("args", Assert.Throws<ArgumentNullException>(() => new ArgoController("argo", null!)).ParamName);
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => new ArgoController("", new ArgoControllerArgs())).ParamName);
    }

    [Fact]
    public async Task AcceptedRisk_Registers_AndLogsRuleIdAndJustification()
    {
        using var log = new FindingRecorder();
        ArgoServer? server = null;
        var (_, mocks) = await Run.Program(() => server = new ArgoServer("argo-server", new ArgoServerArgs
        {
            AuthModes = [AuthMode.Server],
            AcceptedRisks = [new AcceptedRisk { RuleId = "ARGO0003", Justification = "Read-only demo cluster behind a VPN." }],
        }));

        Assert.Single(mocks.ConfigGroups);
        var entry = Assert.Single(log.Entries, e => e.Message.Contains("ARGO0003", StringComparison.Ordinal));
        Assert.Equal("warn", entry.Level);
        Assert.Same(server, entry.Resource);
        Assert.Contains("accepted risk", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Read-only demo cluster behind a VPN.", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warning_Registers_AndLogsItsRuleId()
    {
        using var log = new FindingRecorder();
        var (_, mocks) = await Run.Program(() => _ = new ArgoServer("argo-server", new ArgoServerArgs { Tls = new ServerTlsArgs { Enabled = false } }));

        Assert.Single(mocks.ConfigGroups);
        var entry = Assert.Single(log.Entries);
        Assert.Equal("warn", entry.Level);
        Assert.StartsWith("argosecure:index:ArgoServer 'argo-server': warning ARGO0004:", entry.Message, StringComparison.Ordinal);
        Assert.Contains(HelpRoot + "ARGO0004.md", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advisory_IsLoggedAsInfo()
    {
        using var log = new FindingRecorder();
        await Run.Program(() => _ = new ArgoController("argo", new ArgoControllerArgs { TemplateReferencing = TemplateReferencing.None }));

        var entry = Assert.Single(log.Entries);
        Assert.Equal("info", entry.Level);
        Assert.Contains("ARGO0010", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecureDefaults_LogNothing()
    {
        using var log = new FindingRecorder();
        await Run.Program(() => _ = new ArgoWorkflows("argo", new ArgoWorkflowsArgs { WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a" }] }));

        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task WholeInstall_LogsEachFindingOnce_OnTheWholeInstall()
    {
        using var log = new FindingRecorder();
        ArgoWorkflows? argo = null;
        await Run.Program(() => argo = new ArgoWorkflows("argo", new ArgoWorkflowsArgs
        {
            Server = new ArgoServerArgs { AuthModes = [AuthMode.Server] },
            AcceptedRisks = [new AcceptedRisk { RuleId = "ARGO0003", Justification = "Kiosk UI." }],
        }));

        var entry = Assert.Single(log.Entries);
        Assert.Same(argo, entry.Resource);
        Assert.Contains("ARGO0003", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Kiosk UI.", entry.Message, StringComparison.Ordinal);
    }
}
